package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines files are streamed: any size is read, the limit is on each line. */
class JsonLinesStreamTest {

  @TempDir Path tmp;

  private static String lines(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{\"url\":\"https://example.test/").append(i).append("\",\"text\":\"Report number ").append(i)
          .append(" about a launch off the east coast.\"}\n");
    }
    return sb.toString();
  }

  @Test
  void aFileMuchLargerThanTheLimitIsReadWhole() throws IOException {
    Path file = Files.writeString(tmp.resolve("bulk.jsonl"), lines(200));
    assertThat(Files.size(file)).isGreaterThan(10_000);
    CollectingSink sink = new CollectingSink();
    new FileSource(1_000).read(file, sink);
    assertThat(sink.problems).isEmpty();
    assertThat(sink.documents).hasSize(200);
    assertThat(sink.documents.get(199).source()).isEqualTo(file + ":200");
  }

  @Test
  void aLineOverTheLimitIsOneProblemAndTheOtherLinesGoOn() throws IOException {
    String huge = "{\"text\":\"" + "x".repeat(5_000) + "\"}\n";
    Path file = Files.writeString(tmp.resolve("mixed.jsonl"), lines(2) + huge + lines(1).replace("\r", ""));
    CollectingSink sink = new CollectingSink();
    new FileSource(1_000).read(file, sink);
    assertThat(sink.documents).hasSize(3);
    assertThat(sink.problems).singleElement().satisfies(p -> {
      assertThat(p.source()).isEqualTo(file + ":3");
      assertThat(p.message()).contains("line longer than");
    });
  }

  @Test
  void aCompressedFileIsStreamedToo() throws IOException {
    Path file = tmp.resolve("bulk.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(lines(300).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    CollectingSink sink = new CollectingSink();
    new FileSource(1_000).read(file, sink);
    assertThat(sink.problems).isEmpty();
    assertThat(sink.documents).hasSize(300);
    assertThat(new String(sink.documents.get(0).bytes(), StandardCharsets.UTF_8)).endsWith("east coast.");
  }

  @Test
  void binaryContentUnderAJsonLinesNameIsRefusedOnceNotLineByLine() throws IOException {
    byte[] junk = new byte[50_000];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (i % 7 == 0 ? 0 : (i * 31));
    }
    Path file = Files.write(tmp.resolve("junk.jsonl"), junk);
    CollectingSink sink = new CollectingSink();
    new FileSource(1_000).read(file, sink);
    assertThat(sink.documents).isEmpty();
    assertThat(sink.problems).hasSize(1);
  }

  @Test
  void aBrokenGzipIsOneProblemNamingTheFile() throws IOException {
    Path file = Files.write(tmp.resolve("broken.jsonl.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});
    CollectingSink sink = new CollectingSink();
    new FileSource(1_000).read(file, sink);
    assertThat(sink.documents).isEmpty();
    assertThat(sink.problems).singleElement().satisfies(p -> assertThat(p.source()).isEqualTo(file.toString()));
  }
}
