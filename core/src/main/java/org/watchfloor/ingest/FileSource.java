package org.watchfloor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads articles from files and folders: plain text (with or without a header block), HTML, and
 * JSON Lines (one article a line), each optionally gzip-compressed, and WARC archives (handed to
 * {@link WarcSource}).
 *
 * <p>Every file is checked before it is handed on: an empty, binary, oversized or unreadable
 * file becomes a {@link Problem} naming the file, and the other files go on. A JSON Lines file
 * (a bulk export, a crawl) may be any size: it is streamed, and the limit applies to each line.
 */
public final class FileSource {

  /** Files larger than this are refused (a news article is rarely over a megabyte). */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final long maxBytes;

  public FileSource() {
    this(DEFAULT_MAX_BYTES);
  }

  public FileSource(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The files to read under the given paths, in a stable order. Folders are walked; inside them
   * only files with an article extension are taken (a README or an image beside the articles is
   * not an article), and not the expected answers of extraction test pages. A path given by
   * name is always taken. Missing paths become problems.
   */
  public List<Path> list(List<Path> paths, DocumentSink sink) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> formatOf(p) != null || WarcSource.isWarc(p))
              .filter(p -> !isExpectedAnswer(p))
              .sorted()
              .forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
          sink.problem(new Problem(path.toString(), "cannot list folder: " + e.getMessage()));
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        sink.problem(new Problem(path.toString(), "no such file or folder"));
      }
    }
    return files;
  }

  /**
   * Whether a file is the answer of an extraction test page: in the layout of such test sets
   * ({@code PAGE/source.html} beside {@code PAGE/expected.html}, as in Mozilla Readability's
   * tests), only the source is an article; its expected text is not a second one.
   */
  static boolean isExpectedAnswer(Path file) {
    Path parent = file.getParent();
    return file.getFileName().toString().equals("expected.html") && parent != null
        && Files.isRegularFile(parent.resolve("source.html"));
  }

  /** Reads one file and hands its document(s) or its problem to the sink. */
  public void read(Path file, DocumentSink sink) {
    String source = file.toString();
    if (WarcSource.isWarc(file) && Files.isReadable(file)) {
      // An archive holds many pages and may be gigabytes: it is streamed, not size-checked.
      new WarcSource(maxBytes).read(file, sink);
      return;
    }
    try {
      if (!Files.isReadable(file)) {
        sink.problem(new Problem(source, "file is not readable"));
        return;
      }
      long size = Files.size(file);
      if (size == 0) {
        sink.problem(new Problem(source, "empty file"));
        return;
      }
      if (formatOf(file) == Kind.JSONL) {
        streamJsonLines(file, sink);
        return;
      }
      if (size > maxBytes) {
        sink.problem(new Problem(source, tooLarge(size)));
        return;
      }
      byte[] bytes = Files.readAllBytes(file);
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".gz")) {
        bytes = gunzip(bytes);
        if (bytes == null) {
          sink.problem(new Problem(source, "gzip content larger than " + (maxBytes >> 20) + " MB"));
          return;
        }
        name = name.substring(0, name.length() - 3);
      }
      Kind kind = formatOf(name);
      if (kind == null) {
        kind = sniff(bytes);
      }
      String binary = binaryReason(bytes);
      if (binary != null) {
        sink.problem(new Problem(source, binary));
        return;
      }
      if (isBlank(bytes)) {
        sink.problem(new Problem(source, "file holds only white space"));
        return;
      }
      switch (kind) {
        case JSONL -> readJsonLines(source, bytes, sink);
        case HTML -> sink.accept(new RawDocument(source, source, RawDocument.Format.HTML, bytes, Map.of()));
        case TEXT -> sink.accept(new RawDocument(source, source, RawDocument.Format.TEXT, bytes, Map.of()));
      }
    } catch (IOException e) {
      sink.problem(new Problem(source, "cannot read: " + e.getMessage()));
    }
  }

  private String tooLarge(long size) {
    return String.format(Locale.ROOT, "file too large (%.1f MB, limit %d MB)", size / 1048576.0, maxBytes >> 20);
  }

  private byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      // Read at most one byte past the limit: a gzip bomb stops here, not in memory.
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      return out.length > maxBytes ? null : out;
    }
  }

  /**
   * Streams a JSON Lines file, compressed or not, a line at a time: memory is bounded by the
   * longest line allowed, whatever the file's size. Its head is checked for binary content first.
   */
  private void streamJsonLines(Path file, DocumentSink sink) throws IOException {
    String source = file.toString();
    boolean gz = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file));
        InputStream in = withoutBom(gz ? new GZIPInputStream(raw) : raw)) {
      java.io.PushbackInputStream head = new java.io.PushbackInputStream(in, 8192);
      byte[] first = head.readNBytes(8192);
      head.unread(first);
      String binary = binaryReason(first);
      if (binary != null) {
        sink.problem(new Problem(source, binary));
        return;
      }
      readJsonLines(source, new BufferedReader(new InputStreamReader(head, StandardCharsets.UTF_8)), sink);
    } catch (java.util.zip.ZipException e) {
      sink.problem(new Problem(source, "not valid gzip: " + e.getMessage()));
    }
  }

  private void readJsonLines(String file, byte[] bytes, DocumentSink sink) throws IOException {
    readJsonLines(file, new BufferedReader(
        new InputStreamReader(withoutBom(new java.io.ByteArrayInputStream(bytes)), StandardCharsets.UTF_8)), sink);
  }

  /**
   * {@code in} without the UTF-8 byte-order mark some editors and exporters put first: read as a
   * character, it made the first line of a JSON Lines file invalid JSON, and its article was lost.
   */
  static InputStream withoutBom(InputStream in) throws IOException {
    return BOMInputStream.builder().setInputStream(in).setByteOrderMarks(ByteOrderMark.UTF_8).get();
  }

  /**
   * One line of at most {@code maxBytes} characters, without its end; a longer line is skipped to
   * its end and returned as {@link #TOO_LONG}; {@code null} at the end of the input.
   */
  private @Nullable String boundedLine(BufferedReader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    int c;
    while ((c = reader.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (!tooLong) {
        line.append((char) c);
        if (line.length() > maxBytes) {
          tooLong = true;
          line.setLength(0);
        }
      }
    }
    if (c == -1 && line.isEmpty() && !tooLong) {
      return null;
    }
    if (tooLong) {
      return TOO_LONG;
    }
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }

  private static final String TOO_LONG = new String("\u0000line too long");

  private void readJsonLines(String file, BufferedReader reader, DocumentSink sink) throws IOException {
    String line;
    int lineNo = 0;
    while ((line = boundedLine(reader)) != null) {
      lineNo++;
      if (line == TOO_LONG) {
        sink.problem(new Problem(file + ":" + lineNo, "line longer than " + (maxBytes >> 20) + " MB"));
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      jsonLine(file + ":" + lineNo, file, line, sink);
    }
  }

  /**
   * Hands the sink the document of one line of a JSON Lines file in the public article contract
   * ({@code text} or {@code html}, the other keys as metadata), or a problem naming {@code
   * source} when the line is not such an article. A stream processor that reads the lines itself
   * (the Flink job) turns each into a document here, as ingest does.
   *
   * @param source the line, for messages ({@code file.jsonl:12})
   * @param file the file it came from, recorded with the article
   */
  public static void jsonLine(String source, @Nullable String file, String line, DocumentSink sink) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      sink.problem(new Problem(source, "not valid JSON: " + firstLine(e.getMessage())));
      return;
    }
    if (node == null || !node.isObject()) {
      sink.problem(new Problem(source, "a JSON Lines article must be an object"));
      return;
    }
    Map<String, String> meta = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (!value.isNull()) {
        meta.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
      }
    }
    String html = meta.remove("html");
    String text = meta.remove("text");
    if (html != null && !html.isBlank()) {
      sink.accept(new RawDocument(source, file, RawDocument.Format.HTML, html.getBytes(StandardCharsets.UTF_8), meta));
    } else if (text != null && !text.isBlank()) {
      sink.accept(new RawDocument(source, file, RawDocument.Format.TEXT, text.getBytes(StandardCharsets.UTF_8), meta));
    } else {
      sink.problem(new Problem(source, "no \"text\" or \"html\" field with content"));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  enum Kind {
    TEXT,
    HTML,
    JSONL
  }

  static Kind formatOf(Path path) {
    return formatOf(path.getFileName().toString().toLowerCase(Locale.ROOT));
  }

  private static Kind formatOf(String lowerName) {
    String name = lowerName.endsWith(".gz") ? lowerName.substring(0, lowerName.length() - 3) : lowerName;
    if (name.endsWith(".txt") || name.endsWith(".text")) {
      return Kind.TEXT;
    }
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
      return Kind.HTML;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Kind.JSONL;
    }
    return null;
  }

  /** For a file named without a known extension: HTML if it starts like markup, else text. */
  private static Kind sniff(byte[] bytes) {
    // after a UTF-8 byte-order mark, if there is one
    int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
        ? 3 : 0;
    String head = new String(bytes, from, Math.min(bytes.length - from, 1024), StandardCharsets.ISO_8859_1)
        .stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")) {
      return Kind.HTML;
    }
    if (head.startsWith("{")) {
      return Kind.JSONL;
    }
    return Kind.TEXT;
  }

  /**
   * Why the bytes are not text, or {@code null} when they are: a NUL byte or many control
   * characters in the first 8 KB mark a binary file (an image, a PDF, an archive).
   */
  static String binaryReason(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return "binary file (NUL byte at offset " + i + ")";
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    if (n > 0 && control * 10 > n) {
      return "binary file (" + control + " control bytes in the first " + n + ")";
    }
    return null;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
