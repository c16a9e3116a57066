package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store's writer beside another connection that commits all the while (what {@code run}'s
 * alert deliverer does beside its ingest): a transaction that reads and then writes must wait for
 * the other commit, not fail as "database is locked" because its snapshot went stale.
 */
class ConcurrentWritersTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "commit every {0}")
  @ValueSource(ints = {1, 5})
  void aTransactionThatReadsThenWritesIsNotRefusedWhenAnotherConnectionCommitsMeanwhile(int commitEvery)
      throws Exception {
    Path dir = tmp.resolve("s");
    ExecutorService other = Executors.newSingleThreadExecutor();
    AtomicBoolean stop = new AtomicBoolean();
    try (Store store = Store.open(dir); AlertConnection beside = AlertConnection.beside(store)) {
      Future<Integer> writes = other.submit(() -> {
        int n = 0;
        while (!stop.get()) {
          int i = n++;
          beside.inTransaction(() -> {
            beside.alerts().setSetting("test.counter", Integer.toString(i));
            return null;
          });
          Thread.sleep(1);
        }
        return n;
      });
      store.commitEvery(commitEvery);
      for (int i = 0; i < 200; i++) {
        int unit = i;
        store.inTransaction(() -> {
          store.alerts().settings(); // a read first: the transaction's snapshot
          java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // the other connection commits meanwhile
          store.quarantine("unit-" + unit, "written after a read");
          return null;
        });
      }
      store.flush();
      stop.set(true);
      assertThat(writes.get()).as("the other connection kept committing").isPositive();
      assertThat(store.count("quarantine")).isEqualTo(200);
    } finally {
      stop.set(true);
      other.shutdownNow();
    }
  }

  @Test
  void aTransactionLeftWaitingForTheLockTooLongFailsAloneAndTheConnectionGoesOn() throws Exception {
    Path dir = tmp.resolve("s");
    try (Store store = Store.open(dir); AlertConnection beside = AlertConnection.beside(store)) {
      try (var s = beside.connection().createStatement()) {
        s.execute("PRAGMA busy_timeout=0");
      }
      store.inTransaction(() -> {
        store.quarantine("held", "the store holds the write lock");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> beside.inTransaction(() -> {
          beside.alerts().setSetting("test.counter", "1");
          return null;
        }))).as("the other writer cannot lock while the store holds it").hasMessageContaining("locked");
        return null;
      });
      beside.inTransaction(() -> {
        beside.alerts().setSetting("test.counter", "2");
        return null;
      });
      assertThat(beside.inTransaction(() -> beside.alerts().settings())).containsEntry("test.counter", "2");
      assertThat(store.count("quarantine")).isEqualTo(1);
    }
  }
}
