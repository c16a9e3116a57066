package org.watchfloor.serve.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.EventExport;
import org.watchfloor.store.Store;

/**
 * The export pool refuses what it cannot start soon (a 503), and an export whose client went away
 * (its writer failing) stops reading at the event it was writing.
 */
class ExportsTest {

  @TempDir Path tmp;

  @Test
  void exportsBeyondThePoolAndItsQueueAreRefused() throws Exception {
    Path dir = tmp.resolve("store");
    Store.open(dir).close();
    try (Exports exports = new Exports(dir, 1, 1)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      exports.submit(() -> {
        started.countDown();
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
      exports.submit(() -> {}); // waits in the queue
      assertThatThrownBy(() -> exports.submit(() -> {}))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
          .hasMessageContaining("try again");
      release.countDown();
    }
  }

  @Test
  void anExportWhoseWriterFailsStopsReading() throws Exception {
    Path dir = tmp.resolve("store");
    try (Store store = Store.open(dir)) {
      List<Event> handed = new ArrayList<>();
      EventExport.Source endless = sink -> {
        for (int i = 0; i < 1_000_000; i++) {
          Event e = new Event("e" + i, "missile_launch",
              new EventDate(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 1, 1), DatePrecision.DAY),
              false, List.of(), List.of(), List.of(), java.util.Map.of(), "s", 0.5, 0, 0, List.of());
          handed.add(e);
          if (!sink.accept(e)) {
            return;
          }
        }
      };
      Writer gone = new Writer() {
        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
          throw new IOException("client went away");
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
      for (EventExport.Format f : EventExport.Format.values()) {
        handed.clear();
        store.inTransaction(() -> {
          assertThatThrownBy(() -> new EventExport(store, WatchProfile.load("dprk")).events(endless, f, gone))
              .isInstanceOf(IOException.class);
          return null;
        });
        assertThat(handed).as(f.name()).hasSizeLessThanOrEqualTo(1);
      }
    }
  }
}
