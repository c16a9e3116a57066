package org.watchfloor.serve.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.SampleCorpus;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/**
 * Reads never wait for a write transaction: while a writer holds one open (as an ingest does
 * between its commits), the workbench's reads — a page of events, an event's JSON, a search —
 * answer at once from the last committed state (SQLite's write-ahead log).
 */
class ReadsBesideAWriterTest {

  @TempDir Path tmp;

  @Test
  void readsAnswerWhileAWriteTransactionIsOpen() throws Exception {
    Path dir = tmp.resolve("store");
    try (Store writer = Store.open(dir)) {
      new Pipeline(writer, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {})
          .ingest(List.of(SampleCorpus.articles()));
      writer.syncIndex();
      // threads of their own: the common pool has one worker on a two-core machine
      try (StoreReads reads = new StoreReads(dir, 2);
          java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
        long before = reads.events(EventFilter.NONE, 500, 0).total();
        String id = reads.events(EventFilter.NONE, 1, 0).events().get(0).id();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> writer.inTransaction(() -> {
          writer.markIndexStale(); // a write: the transaction now holds the database's write lock
          written.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        }), threads);
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> {
          long total = reads.events(EventFilter.NONE, 500, 0).total();
          reads.eventJson(id).orElseThrow();
          reads.search("missile", null, new SearchFacets.Selection(java.util.Map.of()), 10, 0);
          return total;
        }, threads);
        assertThat(read.get(20, TimeUnit.SECONDS)).as("read while the write transaction was open").isEqualTo(before);
        assertThat(holding).isNotDone();
        release.countDown();
        holding.get(30, TimeUnit.SECONDS);
      }
    }
  }
}
