package org.watchfloor.ingest;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The records of one WARC archive, one {@link Read} at a time: a page to parse, a record passed
 * over (with what kind of record it was), or a record that cannot be read, each at its offset in
 * the file. A state machine over jwarc's reader, pulled by {@link WarcSource#read} and by the
 * Flink job's WARC source alike.
 *
 * <p>A corrupt or truncated record is one {@link Read.Failed} at its offset; reading then goes on
 * at the next record that can be framed: the next gzip member in an archive compressed record by
 * record (as crawlers write them), the next line starting {@code WARC/1.} in an uncompressed one.
 * jwarc itself cannot go on past a bad record, which is why the next one is looked for here.
 */
public final class WarcRecords implements Closeable {

  /** What one record of the archive gave. */
  public sealed interface Read {
    /** The record's offset in the file: where it starts, or where reading it failed. */
    long offset();

    /** A page to parse. */
    record Page(long offset, RawDocument document) implements Read {}

    /** A record that holds no article (a request, a revisit, an image, ...): {@code kind} says which. */
    record PassedOver(long offset, String kind) implements Read {
      /** Its kind as the passed-over items of an ingest are counted: {@code WARC revisit}. */
      public String counted() {
        return "WARC " + kind;
      }
    }

    /** A record that cannot be read, and why. */
    record Failed(long offset, Problem problem) implements Read {}
  }

  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};
  private static final byte[] WARC_LINE = "\nWARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int SCAN_CHUNK = 64 * 1024;

  private final SeekableByteChannel channel;
  private final String name;
  private final long maxBytes;
  private @Nullable WarcReader reader;
  private final WarcCompression compression;
  /** A record found when looking for the next one after a bad record, not yet handed out. */
  private @Nullable WarcRecord pending;

  /**
   * Reads the archive from the channel's position (the start of a record: 0, or an offset an
   * earlier read handed out). The channel is closed with this.
   *
   * @param name the archive's name in documents' sources and problems ({@code name@offset})
   */
  WarcRecords(SeekableByteChannel channel, String name, long maxBytes) throws IOException {
    this.channel = channel;
    this.name = name;
    this.maxBytes = maxBytes;
    WarcReader first = new WarcReader(new Unclosed(channel));
    this.reader = first;
    // by the name too: an archive whose first gzip header is garbled still goes on by gzip members
    this.compression = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? WarcCompression.GZIP : first.compression();
  }

  /** The next record's outcome, or {@code null} at the end of the archive. */
  public @Nullable Read next() {
    WarcReader r = reader;
    if (r == null) {
      return null;
    }
    // a pending record was read by the current reader, which resync started at it
    WarcRecord record = pending;
    pending = null;
    if (record == null) {
      try {
        Optional<WarcRecord> next = r.next();
        if (next.isEmpty()) {
          reader = null;
          return null;
        }
        record = next.get();
      } catch (IOException | RuntimeException e) {
        return failed(r.position(), e);
      }
    }
    long offset = r.position();
    try {
      return read(offset, record);
    } catch (IOException | RuntimeException e) {
      return failed(offset, e);
    }
  }

  private Read read(long offset, WarcRecord record) throws IOException {
    String source = name + "@" + offset;
    if (!(record instanceof WarcResponse response)) {
      return new Read.PassedOver(offset, record.type());
    }
    if (!response.contentType().base().equals(MediaType.HTTP)) {
      return new Read.PassedOver(offset, "response not HTTP");
    }
    HttpResponse http = response.http();
    if (http.status() != 200) {
      return new Read.PassedOver(offset, "HTTP status not 200");
    }
    MediaType type = http.contentType();
    RawDocument.Format format = switch (type.base().toString().toLowerCase(Locale.ROOT)) {
      case "text/html", "application/xhtml+xml" -> RawDocument.Format.HTML;
      case "text/plain" -> RawDocument.Format.TEXT;
      default -> null;
    };
    if (format == null) {
      return new Read.PassedOver(offset, "not HTML or text");
    }
    // A crawler fetches each host's robots.txt: plain text, but never an article.
    if (response.target().toLowerCase(Locale.ROOT).endsWith("/robots.txt")) {
      return new Read.PassedOver(offset, "robots.txt");
    }
    byte[] body;
    try (InputStream in = Channels.newInputStream(http.bodyDecoded())) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (body.length > maxBytes) {
      return new Read.Failed(offset, new Problem(source, "page larger than " + maxBytes + " bytes; skipped"));
    }
    // A record whose body ends short of its declared length fails here, not on the next record.
    response.body().consume();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("url", response.target());
    meta.put("content_type", type.toString());
    meta.put(WarcSource.CAPTURE_DATE_KEY, response.date().toString());
    response.headers().first("WARC-Truncated").ifPresent(why -> meta.put("warc_truncated", why));
    return new Read.Page(offset, new RawDocument(source, name, format, body, meta));
  }

  /** The failure of the record at {@code offset}; reading goes on at the next record after it. */
  private Read failed(long offset, Exception e) {
    String reason = e instanceof EOFException
        ? "WARC record cut short: the file ends inside it"
        : "not a readable WARC record: " + firstLine(e.getMessage());
    resync(offset + 1);
    return new Read.Failed(offset, new Problem(name + "@" + offset, reason));
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /**
   * Looks for the next record that can be read at or after {@code from}, and keeps it as the
   * pending one; at the end of the file, ends the reading. A place that only looks like a record's
   * start (gzip's magic bytes inside compressed data) is passed over silently.
   */
  private void resync(long from) {
    byte[] mark = compression == WarcCompression.GZIP ? GZIP_MAGIC : WARC_LINE;
    // WARC_LINE starts with the newline before the record: the record starts one byte later.
    int lead = compression == WarcCompression.GZIP ? 0 : 1;
    long at = from - lead;
    reader = null;
    try {
      while (true) {
        long found = find(mark, Math.max(0, at));
        if (found < 0) {
          return;
        }
        long start = found + lead;
        if (start >= from) {
          channel.position(start);
          WarcReader candidate = new WarcReader(new Unclosed(channel));
          try {
            Optional<WarcRecord> next = candidate.next();
            if (next.isPresent()) {
              reader = candidate;
              pending = next.get();
              return;
            }
          } catch (IOException | RuntimeException e) {
            // not a record after all: look further
          }
        }
        at = found + 1;
      }
    } catch (IOException e) {
      reader = null; // the file cannot be read further; the failure already names the record
    }
  }

  /** The offset of the first {@code mark} at or after {@code from}, or -1. */
  private long find(byte[] mark, long from) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(SCAN_CHUNK);
    long base = from;
    channel.position(from);
    while (true) {
      buf.clear();
      int n = 0;
      while (buf.hasRemaining()) {
        int r = channel.read(buf);
        if (r < 0) {
          break;
        }
        n += r;
      }
      byte[] a = buf.array();
      for (int i = 0; i + mark.length <= n; i++) {
        if (matches(a, i, mark)) {
          return base + i;
        }
      }
      if (n < SCAN_CHUNK) {
        return -1;
      }
      // the next chunk starts so that a mark across the boundary is still found
      base += n - mark.length + 1;
      channel.position(base);
    }
  }

  private static boolean matches(byte[] a, int at, byte[] mark) {
    for (int j = 0; j < mark.length; j++) {
      if (a[at + j] != mark[j]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    reader = null;
    channel.close();
  }

  /**
   * The archive's channel, which jwarc's readers may close without closing it: after a bad record
   * a new reader is started on the same channel at the next record.
   */
  private record Unclosed(SeekableByteChannel channel) implements SeekableByteChannel {
    @Override
    public int read(ByteBuffer dst) throws IOException {
      return channel.read(dst);
    }

    @Override
    public int write(ByteBuffer src) {
      throw new java.nio.channels.NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
      return channel.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
      channel.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new java.nio.channels.NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return channel.isOpen();
    }

    @Override
    public void close() {
      // the channel belongs to WarcRecords
    }
  }
}
