package org.watchfloor.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads WARC files (plain or gzip-compressed, as web and news crawlers write them): each
 * {@code response} record holding a successful HTML page becomes a document named
 * {@code file@offset}, with the record's {@code WARC-Target-URI} as its {@code url}. Records of
 * other types, other media and other statuses are crawl furniture and are passed over.
 *
 * <p>The record's {@code WARC-Date} is when the page was captured, not published; it is kept as
 * {@code warc_date} so that it can serve only as the last resort, after every date the page
 * itself gives (see {@link org.watchfloor.parse.DateTexts#captureDate}). A record cut short (the file
 * ends before its declared length) is a problem for that record; since nothing after it can be
 * framed, reading stops there, keeping what was read before.
 */
public final class WarcSource {
  /** Metadata key of the record's {@code WARC-Date}: when the page was captured, as an ISO instant. */
  public static final String CAPTURE_DATE_KEY = "warc_date";

  private final long maxBytes;

  public WarcSource(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Whether a file name is that of a WARC file. */
  public static boolean isWarc(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".warc") || name.endsWith(".warc.gz");
  }

  /** Reads the HTML responses of a WARC file into the sink. */
  public void read(Path file, DocumentSink sink) {
    String name = file.toString();
    try (WarcReader reader = new WarcReader(file)) {
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (EOFException e) {
          sink.problem(new Problem(name + "@" + reader.position(), "WARC record cut short: the file ends inside it"));
          return;
        } catch (ParsingException e) {
          sink.problem(new Problem(name + "@" + reader.position(), "not a valid WARC record: " + e.getMessage()));
          return;
        }
        if (next.isEmpty()) {
          return;
        }
        if (next.get() instanceof WarcResponse response) {
          if (!readResponse(name, reader.position(), response, sink)) {
            return;
          }
        }
      }
    } catch (EOFException e) {
      sink.problem(new Problem(name, "WARC record cut short: the file ends inside it"));
    } catch (IOException | RuntimeException e) {
      sink.problem(new Problem(name, "cannot read WARC file: " + e.getMessage()));
    }
  }

  /** Reads one response record; false when the file cannot be read further. */
  private boolean readResponse(String file, long offset, WarcResponse response, DocumentSink sink) {
    String source = file + "@" + offset;
    try {
      if (!response.contentType().base().equals(MediaType.HTTP)) {
        return true;
      }
      HttpResponse http = response.http();
      MediaType type = http.contentType();
      String base = type.base().toString().toLowerCase(Locale.ROOT);
      if (http.status() != 200 || !(base.equals("text/html") || base.equals("application/xhtml+xml"))) {
        return true;
      }
      byte[] body;
      try (InputStream in = Channels.newInputStream(http.bodyDecoded())) {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (body.length > maxBytes) {
        sink.problem(new Problem(source, "page larger than " + maxBytes + " bytes; skipped"));
        return true;
      }
      // A record whose body ends short of its declared length: consume() would fail the same way.
      response.body().consume();
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("url", response.target());
      meta.put("content_type", type.toString());
      meta.put(CAPTURE_DATE_KEY, response.date().toString());
      if (response.headers().first("WARC-Truncated").isPresent()) {
        meta.put("warc_truncated", response.headers().first("WARC-Truncated").get());
      }
      sink.accept(new RawDocument(source, file, RawDocument.Format.HTML, body, meta));
      return true;
    } catch (EOFException e) {
      sink.problem(new Problem(source, "WARC record cut short: " + e.getMessage()));
      return false;
    } catch (IOException | RuntimeException e) {
      sink.problem(new Problem(source, "cannot read WARC record: " + e.getMessage()));
      return true;
    }
  }
}
