package org.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.WatchfloorException;
import org.watchfloor.extract.Extractor;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import org.watchfloor.store.TestPostgres;

/**
 * Re-processing a shared PostgreSQL store needs it alone: it derives every event anew and swaps
 * them in, so a report another process stored meanwhile would be lost. It is refused while another
 * process has the store open to write, and while it runs, no other process opens the store to
 * write; readers go on.
 */
class ReprocessBesideWritersTest {

  private static final Extractor EXTRACTOR = new Extractor(WatchProfile.load("dprk"));

  private String url;
  private StoreLocation where;
  private final List<Store> open = new ArrayList<>();

  @BeforeEach
  void database() {
    url = TestPostgres.createDatabase();
    where = StoreLocation.parse(url, System.getenv());
  }

  @AfterEach
  void drop() {
    open.forEach(Store::close);
    if (url != null) { // null when no test server is set and the test was skipped
      TestPostgres.drop(url);
    }
  }

  private Store writer() {
    Store s = Store.open(where);
    open.add(s);
    return s;
  }

  private static Reprocessor.Summary reprocess(Store store, Reprocessor.Listener listener) {
    return new Reprocessor(store, EXTRACTOR).run(10, listener);
  }

  @Test
  void isRefusedWhileAnotherProcessWritesTheStoreAndRunsOnceItHasClosed() {
    Store ingesting = writer();
    Store reprocessing = writer();
    assertThatThrownBy(() -> reprocess(reprocessing, new Reprocessor.Listener() {}))
        .isInstanceOf(WatchfloorException.StoreRefused.class)
        .hasMessageContaining("other processes have it open to write");
    ingesting.close();
    open.remove(ingesting);
    assertThat(reprocess(reprocessing, new Reprocessor.Listener() {}).articles()).isZero();
  }

  @Test
  void aWriterThatHasClosedNoLongerStandsInTheWayEvenAtOnce() {
    // the server ends a closed session's locks a moment after the client's close returns, unless
    // the store releases them itself first: repeated, so that the race would show
    for (int i = 0; i < 10; i++) {
      Store ingesting = writer();
      Store reprocessing = writer();
      ingesting.close();
      open.remove(ingesting);
      reprocessing.writeAlone();
      reprocessing.close();
      open.remove(reprocessing);
    }
  }

  @Test
  void whileItRunsNoOtherProcessOpensTheStoreToWriteButReadersDo() {
    Store reprocessing = writer();
    List<String> seen = new ArrayList<>();
    reprocess(reprocessing, new Reprocessor.Listener() {
      @Override
      public void swapped() {
        assertThatThrownBy(() -> Store.open(where))
            .isInstanceOf(WatchfloorException.StoreRefused.class)
            .hasMessageContaining("another process is re-processing it");
        try (Store reader = Store.openReadOnly(where)) {
          seen.add("read " + reader.count("events") + " events");
        }
      }
    });
    assertThat(seen).containsExactly("read 0 events");
    reprocessing.close();
    open.remove(reprocessing);
    writer(); // the store is open to write again once the re-processing has closed it
  }
}
