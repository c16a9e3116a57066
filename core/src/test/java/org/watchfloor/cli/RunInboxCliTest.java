package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}'s inbox: finished files only, each filed by what became of its own documents. */
class RunInboxCliTest {

  @TempDir Path tmp;

  private static final String GOOD = "{\"url\": \"https://wire.example/inbox/%s\", \"title\": \"Cruise missile test\","
      + " \"published\": \"2024-04-01T09:00:00+09:00\", \"text\": \"North Korea fired several cruise missiles over the"
      + " Yellow Sea on Monday morning, officials in Seoul said.\"}\n";

  private static Path write(Path f, String text, boolean settled) throws IOException {
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
    if (settled) {
      Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(60)));
    }
    return f;
  }

  private CliRunner.Result runOnce(Path inbox, String... more) {
    String[] base = {"run", "--store", tmp.resolve("s").toString(), "--inbox", inbox.toString(), "--once",
        "--no-sample", "--no-profile-feeds"};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRunner.run(args);
  }

  @Test
  void aGoodFileIsProcessedBesideAFailingOneWhoseNameStartsWithItsNameAndTemporaryNamesWait() throws Exception {
    Path inbox = tmp.resolve("inbox");
    write(inbox.resolve("a.jsonl"), GOOD.formatted("a"), true);
    write(inbox.resolve("a.jsonl2"), "", true);
    write(inbox.resolve("b.jsonl.part"), GOOD.formatted("b"), true);

    CliRunner.Result r = runOnce(inbox);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("ingested 1 articles (0 already stored, 1 failed)");
    assertThat(inbox.resolve("processed/a.jsonl")).exists();
    assertThat(inbox.resolve("failed/a.jsonl2")).exists();
    assertThat(inbox.resolve("b.jsonl.part")).exists();
    assertThat(inbox.resolve("processed/b.jsonl.part")).doesNotExist();
  }

  @Test
  void oneRunWaitsOnceForAFileStillBeingWrittenAndLeavesItInTheInbox() throws Exception {
    Path inbox = tmp.resolve("inbox");
    Path f = write(inbox.resolve("growing.jsonl"), GOOD.formatted("growing"), false);
    AtomicBoolean done = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      int n = 0;
      while (!done.get()) {
        try {
          Files.writeString(f, GOOD.formatted("growing-" + n++), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
          Thread.sleep(50);
        } catch (IOException | InterruptedException e) {
          return;
        }
      }
    });
    writer.start();
    CliRunner.Result r;
    try {
      r = runOnce(inbox, "--settle", "400");
    } finally {
      done.set(true);
      writer.join();
    }

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("waiting 400 ms for 1 inbox file still being written")
        .contains("left in the inbox, still being written: growing.jsonl")
        .doesNotContain("ingested");
    assertThat(f).exists();
    assertThat(inbox.resolve("processed/growing.jsonl")).doesNotExist();
  }
}
