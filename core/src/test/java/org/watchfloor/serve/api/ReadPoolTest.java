package org.watchfloor.serve.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.store.Store;

class ReadPoolTest {

  @TempDir Path tmp;

  @Test
  void twoReadsRunSideBySideOnTheirOwnConnections() throws Exception {
    Path dir = tmp.resolve("store");
    Store.open(dir).close();
    // threads of their own: the common pool has one worker on a two-core machine
    try (ReadPool pool = new ReadPool(dir, 2); ExecutorService threads = Executors.newFixedThreadPool(2)) {
      CountDownLatch firstHolds = new CountDownLatch(1);
      CountDownLatch secondRan = new CountDownLatch(1);
      CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> pool.read(s -> {
        firstHolds.countDown();
        try {
          return secondRan.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }), threads);
      assertThat(firstHolds.await(20, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> second = CompletableFuture.runAsync(() -> pool.read(s -> {
        secondRan.countDown();
        return null;
      }), threads);
      assertThat(first.get(20, TimeUnit.SECONDS)).as("the second read ran while the first held its connection").isTrue();
      second.get(20, TimeUnit.SECONDS);
      assertThat(pool.opened()).isEqualTo(2);
    }
  }

  @Test
  void aPoolOfOneReusesItsConnection() throws Exception {
    Path dir = tmp.resolve("store");
    Store.open(dir).close();
    try (ReadPool pool = new ReadPool(dir, 1)) {
      Store a = pool.read(s -> s);
      Store b = pool.read(s -> s);
      assertThat(a).isSameAs(b);
      assertThat(pool.opened()).isEqualTo(1);
    }
  }
}
