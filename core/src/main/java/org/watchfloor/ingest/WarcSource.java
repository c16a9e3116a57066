package org.watchfloor.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads WARC files (plain or gzip-compressed, as web and news crawlers write them): each
 * {@code response} record holding a successful HTML (or plain text) page becomes a document named
 * {@code file@offset}, with the record's {@code WARC-Target-URI} as its {@code url}. Records of
 * other types (requests, revisits, metadata), other media and other statuses are crawl furniture:
 * they are passed over, and counted by kind ({@link DocumentSink#passedOver}).
 *
 * <p>The record's {@code WARC-Date} is when the page was captured, not published; it is kept as
 * {@code warc_date} so that it can serve only as the last resort, after every date the page
 * itself gives (see {@link org.watchfloor.parse.DateTexts#captureDate}). A record cut short or
 * corrupt is a problem naming the file and the record's offset, and reading goes on at the next
 * record (see {@link WarcRecords}).
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
    return isWarc(file.getFileName().toString());
  }

  /** Whether a file name is that of a WARC file ({@code .warc} or {@code .warc.gz}). */
  public static boolean isWarc(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".warc") || name.endsWith(".warc.gz");
  }

  /** Reads the pages of a WARC file into the sink. */
  public void read(Path file, DocumentSink sink) {
    String name = file.toString();
    try (WarcRecords records = records(FileChannel.open(file), name)) {
      for (WarcRecords.Read read = records.next(); read != null; read = records.next()) {
        switch (read) {
          case WarcRecords.Read.Page p -> sink.accept(p.document());
          case WarcRecords.Read.PassedOver p -> sink.passedOver(name + "@" + p.offset(), p.counted());
          case WarcRecords.Read.Failed f -> sink.problem(f.problem());
        }
      }
    } catch (IOException | RuntimeException e) {
      sink.problem(new Problem(name, "cannot read WARC file: " + e.getMessage()));
    }
  }

  /**
   * The records of an archive from the channel's position (0, or the offset of a record an earlier
   * read handed out), for a reader that pulls them one at a time; closing them closes the channel.
   *
   * @param name the archive's name in the documents' sources and in problems
   */
  public WarcRecords records(SeekableByteChannel channel, String name) throws IOException {
    try {
      return new WarcRecords(channel, name, maxBytes);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }
}
