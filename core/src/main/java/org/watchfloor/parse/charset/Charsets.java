package org.watchfloor.parse.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the bytes of a web page: byte order mark, then the HTTP {@code Content-Type} charset,
 * then a {@code <meta charset>} or {@code http-equiv} declaration in the first 4 KB, then sniffing.
 *
 * <p>A declared charset is checked against the bytes: declared UTF-8 that is not valid UTF-8, or
 * a declared legacy charset whose bytes are valid multi-byte UTF-8, is corrected and the problem
 * recorded, so that a wrong declaration never turns into silent mojibake. The labels follow the
 * WHATWG Encoding Standard where it matters here: EUC-KR means windows-949 (CP949, its superset)
 * and ISO-8859-1 / US-ASCII mean windows-1252.
 *
 * <p>Sniffing is written by hand rather than taken from a detector library because the pipeline
 * only needs to tell UTF-8, CP949 and windows-1252 apart, which strict decoding plus a Hangul
 * share does reliably and without a dependency.
 */
public final class Charsets {
  /** windows-949 (a superset of EUC-KR); present in every JDK with the extended charsets. */
  public static final Charset CP949 = Charset.forName("x-windows-949");

  /** windows-1252, which browsers use for ISO-8859-1 and US-ASCII labels. */
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final int PRESCAN_BYTES = 4096;
  private static final Pattern CONTENT_TYPE_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);

  private Charsets() {}

  /**
   * Decodes {@code bytes}, never throwing on bad input.
   *
   * @param bytes the raw document
   * @param contentTypeHeader the HTTP {@code Content-Type} value, if any
   */
  public static Decoded decode(byte[] bytes, @Nullable String contentTypeHeader) {
    Objects.requireNonNull(bytes, "bytes");
    List<String> problems = new ArrayList<>();

    Decoded bom = fromBom(bytes);
    if (bom != null) {
      return bom;
    }

    String headerLabel = contentTypeHeader == null ? null : find(CONTENT_TYPE_CHARSET, contentTypeHeader);
    if (headerLabel != null) {
      Charset declared = forLabel(headerLabel);
      if (declared == null) {
        problems.add("unknown charset in Content-Type header: " + headerLabel);
      } else {
        return checked(bytes, declared, "header", problems);
      }
    }

    String prefix = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    String metaLabel = find(META_CHARSET, prefix);
    if (metaLabel != null) {
      Charset declared = forLabel(metaLabel);
      if (declared == null) {
        problems.add("unknown charset in <meta>: " + metaLabel);
      } else {
        return checked(bytes, declared, "meta", problems);
      }
    }

    return sniff(bytes, problems);
  }

  /** Maps a charset label to the charset a browser would use, or null when unknown. */
  static @Nullable Charset forLabel(String label) {
    String name = label.trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "utf-8", "utf8", "unicode-1-1-utf-8" -> {
        return StandardCharsets.UTF_8;
      }
      case "euc-kr", "euckr", "cp949", "ms949", "windows-949", "x-windows-949", "ks_c_5601-1987",
          "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean", "iso-ir-149", "csksc56011987" -> {
        return CP949;
      }
      case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252",
          "cp1252", "x-cp1252", "cp819", "ibm819", "iso_8859-1" -> {
        return WINDOWS_1252;
      }
      default -> {
        try {
          return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
  }

  private static @Nullable Decoded fromBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return bomDecoded(b, 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return bomDecoded(b, 2, StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return bomDecoded(b, 2, StandardCharsets.UTF_16LE);
    }
    return null;
  }

  private static Decoded bomDecoded(byte[] b, int skip, Charset cs) {
    return new Decoded(new String(b, skip, b.length - skip, cs), cs, "bom", List.of());
  }

  private static Decoded checked(byte[] bytes, Charset declared, String how, List<String> problems) {
    boolean hasHighBytes = hasHighBytes(bytes);
    if (!hasHighBytes) {
      return new Decoded(new String(bytes, declared), declared, how, problems);
    }
    String utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (declared.equals(StandardCharsets.UTF_8)) {
      if (utf8 != null) {
        return new Decoded(utf8, declared, how, problems);
      }
      Decoded sniffed = sniff(bytes, problems);
      problems.add(
          "declared charset UTF-8 (" + how + ") does not fit the bytes; decoded as " + sniffed.charset().name());
      return new Decoded(sniffed.text(), sniffed.charset(), "sniffed", problems);
    }
    if (utf8 != null) {
      // Multi-byte UTF-8 sequences almost never occur by chance in legacy-encoded text.
      problems.add(
          "declared charset " + declared.name() + " (" + how + ") does not fit the bytes, which are valid UTF-8");
      return new Decoded(utf8, StandardCharsets.UTF_8, "sniffed", problems);
    }
    String asDeclared = strict(bytes, declared);
    if (asDeclared != null && !declared.equals(WINDOWS_1252)) {
      return new Decoded(asDeclared, declared, how, problems);
    }
    if (declared.equals(WINDOWS_1252)) {
      String korean = strict(bytes, CP949);
      if (korean != null && looksKorean(korean)) {
        problems.add("declared charset windows-1252 (" + how + ") does not fit the bytes, which read as Korean CP949");
        return new Decoded(korean, CP949, "sniffed", problems);
      }
      return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, how, problems);
    }
    Decoded sniffed = sniff(bytes, problems);
    problems.add(
        "declared charset " + declared.name() + " (" + how + ") does not fit the bytes; decoded as "
            + sniffed.charset().name());
    return new Decoded(sniffed.text(), sniffed.charset(), "sniffed", problems);
  }

  private static Decoded sniff(byte[] bytes, List<String> problems) {
    if (!hasHighBytes(bytes)) {
      return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "default", problems);
    }
    String utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return new Decoded(utf8, StandardCharsets.UTF_8, "sniffed", problems);
    }
    String korean = strict(bytes, CP949);
    if (korean != null && looksKorean(korean)) {
      return new Decoded(korean, CP949, "sniffed", problems);
    }
    return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, "sniffed", problems);
  }

  /** True when most non-ASCII characters are Hangul syllables or jamo. */
  private static boolean looksKorean(String text) {
    int nonAscii = 0;
    int hangul = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      nonAscii++;
      if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3130 && c <= 0x318F)) {
        hangul++;
      }
    }
    return hangul >= 2 && hangul >= nonAscii * 0.6;
  }

  private static boolean hasHighBytes(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String strict(byte[] bytes, Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8)) {
      // The JDK's lenient decoding is the fastest; only a replacement character in its output
      // can mean malformed input, and then the bytes are checked strictly.
      String text = new String(bytes, StandardCharsets.UTF_8);
      return text.indexOf('\uFFFD') < 0 || isValidUtf8(bytes) ? text : null;
    }
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer out = decoder.decode(ByteBuffer.wrap(bytes));
      return out.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Checks UTF-8 well-formedness by hand: a strict {@link CharsetDecoder} run copies the whole
   * page twice, and this check runs on every page.
   */
  static boolean isValidUtf8(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int extra;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + extra >= n) {
        return false;
      }
      int cp = c & (0x3F >> extra);
      for (int k = 1; k <= extra; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += extra + 1;
    }
    return true;
  }

  private static @Nullable String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
