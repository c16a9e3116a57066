package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.GdeltSourceTest;

/** The job's GDELT format: the watched URLs of an export, zipped as GDELT serves it, and read again from a checkpoint. */
class GdeltFormatTest {

  @TempDir Path dir;
  private final GdeltFormat format = new GdeltFormat("dprk");

  /** An events export of made-up rows, zipped: two watched rows (one URL twice), one not, one malformed. */
  static Path export(Path dir, String first, String second) throws IOException {
    Path zip = dir.resolve("20250508101500.export.CSV.zip");
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("20250508101500.export.CSV"));
      z.write(String.join("\n",
          GdeltSourceTest.event("901", "PRK", "JPN", "", first),
          GdeltSourceTest.event("902", "BRA", "ARG", "AR", "https://pampa.example/football-final"),
          "902\tcut\toff",
          GdeltSourceTest.event("903", "", "", "KN", second),
          GdeltSourceTest.event("904", "USA", "PRK", "", first)).getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return zip;
  }

  private static List<String> read(BulkFormat.Reader<Staged> reader) throws IOException {
    return Harnesses.read(reader, staged -> switch (staged) {
      case Staged.Found f -> f.url();
      case Staged.Failed f -> f.problem().message();
      default -> throw new AssertionError(staged);
    });
  }

  @Test
  void theWatchedUrlsOfAZippedExportAreFoundOnceEachAndABadRowIsAProblem() throws IOException {
    Path zip = export(dir, "https://wire.example/launch-east", "https://wire.example/sinpo-yard");
    String name = new org.apache.flink.core.fs.Path(zip.toUri()).toString();

    List<String> read = read(format.createReader(new Configuration(), Harnesses.split(zip, null)));

    assertThat(read).containsExactly(
        name + ":3: not a GDELT 2.0 event (61 columns) or mention (16 columns) row: 3 columns +1",
        "https://wire.example/launch-east +2",
        "https://wire.example/sinpo-yard +3");
  }

  @Test
  void aRestoredReaderDropsWhatItHandedOn() throws IOException {
    Path zip = export(dir, "https://wire.example/launch-east", "https://wire.example/sinpo-yard");

    List<String> read = read(format.restoreReader(new Configuration(),
        Harnesses.split(zip, new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 2))));

    assertThat(read).containsExactly("https://wire.example/sinpo-yard +3");
  }
}
