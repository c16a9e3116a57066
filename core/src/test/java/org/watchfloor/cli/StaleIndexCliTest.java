package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading commands never search a stale index without saying so. The crash points are made by
 * putting back the index as it was before the last writer's work: what a kill after the
 * database's commit and before the index's leaves.
 */
class StaleIndexCliTest {

  @TempDir Path tmp;

  private Path article(String name, String title, String body) throws IOException {
    Path dir = tmp.resolve("in-" + name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), """
        url: https://wire.example/%s
        outlet: Example Wire
        published: 2024-06-11T09:00:00+09:00
        title: %s

        %s
        """.formatted(name, title, body), StandardCharsets.UTF_8);
    return dir;
  }

  private static void ingest(Path store, Path files) {
    CliRunner.Result r = CliRunner.run("ingest", "--store", store.toString(), files.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void aSearchFindsWhatAWriterKilledBeforeItsIndexCommitHadStored() throws Exception {
    Path store = tmp.resolve("s");
    ingest(store, article("one.txt", "Missile fired east",
        "North Korea fired a ballistic missile into the sea off its east coast on Tuesday, Seoul's military said."));
    Path before = tmp.resolve("index-before");
    copyIndex(store.resolve("index"), before);
    ingest(store, article("two.txt", "Shipyard photographs",
        "Satellite photographs show a new submarine hull at the Sinpo shipyard, analysts said on Tuesday."));
    putBack(before, store.resolve("index"));

    CliRunner.Result r = CliRunner.run("search", "--store", store.toString(), "sinpo");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("[Sinpo]");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aSearchBesideAWriterThatHasNotRebuiltTheIndexAfterAReprocessingSaysTheIndexIsStale() throws Exception {
    Path store = tmp.resolve("s");
    ingest(store, article("one.txt", "Missile fired east",
        "North Korea fired a ballistic missile into the sea off its east coast on Tuesday, Seoul's military said."));
    Path before = tmp.resolve("index-before");
    copyIndex(store.resolve("index"), before);
    CliRunner.Result reprocess = CliRunner.run("reprocess", "--store", store.toString());
    assertThat(reprocess.exit()).as(reprocess.err()).isZero();
    putBack(before, store.resolve("index"));

    try (FSDirectory index = FSDirectory.open(store.resolve("index"));
        Lock writer = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      CliRunner.Result stale = CliRunner.run("search", "--store", store.toString(), "missile");
      assertThat(stale.exit()).as(stale.err()).isZero();
      assertThat(stale.out()).contains("[missile]");
      assertThat(stale.err()).startsWith("warning: the search index is stale");
    }
    CliRunner.Result rebuilt = CliRunner.run("search", "--store", store.toString(), "missile");
    assertThat(rebuilt.out()).contains("[missile]");
    assertThat(rebuilt.err()).isEmpty();
  }

  private static void copyIndex(Path index, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  private static void putBack(Path saved, Path index) throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    copyIndex(saved, index);
  }
}
