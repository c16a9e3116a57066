package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.pipeline.Reprocessor;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.store.Store;

/**
 * {@code serve} never answers a search from a stale index without saying so: a re-processing
 * whose index rebuild has not committed (put back here as the index before it) is shown as such
 * while a writer holds the index, and rebuilt by the server once none does.
 */
class StaleIndexServeTest {

  @TempDir Path tmp;

  @Test
  void searchesSayTheIndexIsStaleWhileAWriterHoldsItAndAreRightOnceNoneDoes() throws Exception {
    WatchProfile profile = WatchProfile.load("dprk");
    Extractor extractor = new Extractor(profile);
    Path dir = tmp.resolve("s");
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("launch.txt"), """
        url: https://wire.example/launch
        outlet: Example Wire
        published: 2024-06-11T09:00:00+09:00
        title: Missile fired east

        North Korea fired a ballistic missile into the sea off its east coast on Tuesday, Seoul's military said.
        """, StandardCharsets.UTF_8);
    try (Store store = Store.open(dir)) {
      new Pipeline(store, extractor, new Pipeline.Listener() {}).ingest(List.of(in));
    }
    Path before = tmp.resolve("index-before");
    copy(dir.resolve("index"), before);
    try (Store store = Store.open(dir)) {
      new Reprocessor(store, extractor).run(10, new Reprocessor.Listener() {});
    }
    try (Stream<Path> files = Files.list(dir.resolve("index"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    copy(before, dir.resolve("index"));

    try (Store reader = Store.openReadOnly(dir)) {
      Workbench workbench = Workbench.over(reader, profile, 2, StoreWriter.opening(dir)).start("127.0.0.1", 0);
      try {
        Http http = new Http(workbench.port());
        try (FSDirectory index = FSDirectory.open(dir.resolve("index"));
            Lock writer = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
          JsonNode stale = Http.json(http.get("/api/v1/search?q=missile"));
          assertThat(stale.get("total").asInt()).isPositive();
          assertThat(stale.get("stale_index").asText()).startsWith("the search index is stale");
          assertThat(http.get("/search?q=missile").body()).contains("id=\"stale-index\"");
        }
        JsonNode rebuilt = Http.json(http.get("/api/v1/search?q=missile"));
        assertThat(rebuilt.get("total").asInt()).isPositive();
        assertThat(rebuilt.get("stale_index").isNull()).isTrue();
        assertThat(http.get("/search?q=missile").body()).doesNotContain("stale-index");
      } finally {
        workbench.stop();
      }
    }
  }

  private static void copy(Path index, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }
}
