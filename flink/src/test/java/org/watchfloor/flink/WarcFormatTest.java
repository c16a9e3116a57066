package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.ingest.WarcFixtures;

/** The job's WARC format: an archive read by the core's reader, and read again from a checkpoint. */
class WarcFormatTest {

  @TempDir Path dir;
  private final WarcFormat format = new WarcFormat(FileSource.DEFAULT_MAX_BYTES);

  /**
   * Each value the reader hands on, as {@code page URL}, {@code failed SOURCE} or {@code passed
   * SOURCE KIND}, with the position it records.
   */
  private static List<String> read(BulkFormat.Reader<Staged> reader) throws IOException {
    return Harnesses.read(reader, staged -> switch (staged) {
      case Staged.Arrived a -> "page " + a.document().metadata().get("url");
      case Staged.Failed f -> "failed " + f.problem().source();
      case Staged.PassedOver p -> "passed " + p.source() + " " + p.kind();
      default -> throw new AssertionError(staged);
    });
  }

  @Test
  void anArchiveGivesItsPagesItsBadRecordsAndWhatItPassesOverEachAtItsOffset() throws IOException {
    WarcFixtures.Crawl crawl = WarcFixtures.messy(dir, "messy.warc.gz", WarcCompression.GZIP);
    String name = new org.apache.flink.core.fs.Path(crawl.file().toUri()).toString();

    List<String> read = read(format.createReader(new Configuration(), Harnesses.split(crawl.file(), null)));

    assertThat(read).containsExactly(
        passed(crawl, name, "warcinfo", "WARC warcinfo"),
        passed(crawl, name, "request", "WARC request"),
        "page https://news.example/one at " + crawl.offset("one") + " +1",
        passed(crawl, name, "metadata", "WARC metadata"),
        passed(crawl, name, "image", "WARC not HTML or text"),
        passed(crawl, name, "revisit", "WARC revisit"),
        "page https://news.example/notice.txt at " + crawl.offset("notice.txt") + " +1",
        passed(crawl, name, "robots", "WARC robots.txt"),
        passed(crawl, name, "missing", "WARC HTTP status not 200"),
        "failed " + name + "@" + crawl.offset("corrupt") + " at " + crawl.offset("corrupt") + " +1",
        "page https://news.example/two at " + crawl.offset("two") + " +1",
        "failed " + name + "@" + crawl.offset("truncated") + " at " + crawl.offset("truncated") + " +1");
  }

  /** The line of a record passed over: named by its file and offset, of the kind ingest counts it as. */
  private static String passed(WarcFixtures.Crawl crawl, String name, String record, String kind) {
    return "passed " + name + "@" + crawl.offset(record) + " " + kind + " at " + crawl.offset(record) + " +1";
  }

  @Test
  void aRestoredReaderGoesOnAfterTheLastRecordItHandedOn() throws IOException {
    WarcFixtures.Crawl crawl = WarcFixtures.messy(dir, "messy.warc", WarcCompression.NONE);
    CheckpointedPosition afterNotice = new CheckpointedPosition(crawl.offset("notice.txt"), 1);

    List<String> read = read(format.restoreReader(new Configuration(), Harnesses.split(crawl.file(), afterNotice)));

    assertThat(read).extracting(s -> s.substring(0, s.indexOf(' '))).containsExactly("passed", "passed", "failed", "page", "failed");
    assertThat(read.get(3)).startsWith("page https://news.example/two at " + crawl.offset("two"));
  }

  @Test
  void onlyTheWarcFilesOfAFolderAreSplits() throws IOException {
    WarcFixtures.messy(dir, "a.warc", WarcCompression.NONE);
    Path sub = Files.createDirectories(dir.resolve("later"));
    WarcFixtures.messy(sub, "b.warc.gz", WarcCompression.GZIP);
    Files.writeString(dir.resolve("README.md"), "what this crawl is");
    Files.writeString(sub.resolve("index.cdx"), "an index");
    WarcFixtures.messy(dir, ".partial.warc", WarcCompression.NONE);

    Collection<FileSourceSplit> splits = new WarcFormat.WarcFiles().enumerateSplits(
        new org.apache.flink.core.fs.Path[] {new org.apache.flink.core.fs.Path(dir.toUri())}, 1);

    assertThat(splits).extracting(s -> s.path().getName()).containsExactlyInAnyOrder("a.warc", "b.warc.gz");
  }
}
