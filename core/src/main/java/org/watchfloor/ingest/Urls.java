package org.watchfloor.ingest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Credentials taken out of URLs before anything is stored: a link such as {@code
 * https://user:secret@host/story} (a paywall login pasted into a feed list, an export of a
 * logged-in crawl) is kept, shown and exported as {@code https://host/story}. The store holds
 * what arrived, so the raw bytes are cleaned too, byte for byte but for the credentials.
 */
public final class Urls {

  /**
   * A scheme and {@code //}, then user information up to the last {@code @} before the host: it
   * may hold an unescaped {@code @} itself ({@code user:p@ss@host}), so the match is greedy over
   * everything that cannot end an authority.
   */
  private static final Pattern USER_INFO =
      Pattern.compile("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*://)[^\\s/?#\"'<>\\\\]*@");

  /** A scheme of http or https, {@code //}, and a host (after any user information). */
  private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://(?:[^\\s/?#@]*+@)?+[^\\s/?#@:]");

  private Urls() {}

  /**
   * Whether {@code url} is an absolute http or https address with a host: the only addresses an
   * article keeps. A {@code javascript:}, {@code data:} or {@code file:} address or a relative
   * path is not. The rest of an address is not judged: addresses in the wild hold spaces and
   * characters that a strict parser refuses, and they are only shown and exported.
   */
  public static boolean isWebAddress(String url) {
    return WEB_ADDRESS.matcher(url.strip()).lookingAt();
  }

  /** {@code text} with the user information of every URL in it removed; the same string when there is none. */
  public static String withoutUserInfo(String text) {
    if (text.indexOf('@') < 0 || !text.contains("://")) {
      return text;
    }
    return USER_INFO.matcher(text).replaceAll("$1");
  }

  /**
   * The document with no credentials in its URLs: in its source, its metadata and its bytes. The
   * bytes are read as ISO-8859-1, one character a byte, so that only the ASCII of the credentials
   * changes whatever their encoding (in UTF-8 and the East Asian multi-byte encodings no byte of
   * a non-ASCII character is ASCII).
   */
  public static RawDocument withoutUserInfo(RawDocument doc) {
    String bytes = new String(doc.bytes(), StandardCharsets.ISO_8859_1);
    String cleanBytes = withoutUserInfo(bytes);
    Map<String, String> metadata = new LinkedHashMap<>();
    doc.metadata().forEach((k, v) -> metadata.put(k, withoutUserInfo(v)));
    String source = withoutUserInfo(doc.source());
    if (cleanBytes.equals(bytes) && metadata.equals(doc.metadata()) && source.equals(doc.source())) {
      return doc;
    }
    return new RawDocument(source, doc.sourcePath(), doc.format(), cleanBytes.getBytes(StandardCharsets.ISO_8859_1),
        metadata);
  }
}
