package org.watchfloor.serve.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.store.EventRows;
import org.watchfloor.store.SearchVariants;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import org.watchfloor.store.TestDatabase;
import org.watchfloor.store.TestDatabase.Backend;
import org.watchfloor.store.TestPostgres;

/**
 * The server's caches of what is read from the whole event table (the timeline's filter values,
 * an entity's months), keyed by the table's version: kept while no event is written, read again
 * once one is. On both backends (PostgreSQL skipped without {@value TestPostgres#ENV}); the time
 * that the filter values stand while the table changes ({@link StoreReads#FACETS_FRESH}) is told
 * by the test's clock.
 */
class EventTableCachesTest {

  @TempDir Path tmp;
  @RegisterExtension final TestDatabase database = new TestDatabase();
  private final AtomicLong nanos = new AtomicLong();

  private StoreLocation where(Backend backend) {
    return database.location(backend, tmp);
  }

  private void pastTheFreshWindow() {
    nanos.addAndGet(StoreReads.FACETS_FRESH.toNanos() + 1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theFilterValuesAreKeptUntilAnEventIsWritten(Backend backend) {
    StoreLocation where = where(backend);
    try (Store writer = Store.open(where)) {
      write(writer, event("ev-a", "KN-23", LocalDate.of(2024, 5, 1)));
      try (StoreReads reads = new StoreReads(where, 2, SearchVariants.NONE, nanos::get)) {
        StoreReads.Facets first = reads.facets();
        assertThat(first.weapons()).containsExactly("KN-23");

        write(writer, event("ev-b", "Hwasong-18", LocalDate.of(2024, 6, 1)));
        assertThat(reads.facets()).as("within the window after a read").isSameAs(first);
        pastTheFreshWindow();
        StoreReads.Facets after = reads.facets();
        assertThat(after.weapons()).containsExactly("Hwasong-18", "KN-23");

        pastTheFreshWindow();
        assertThat(reads.facets()).as("no event written since: the values kept").isSameAs(after);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anEntitysMonthsAreKeptUntilAnEventIsWritten(Backend backend) {
    StoreLocation where = where(backend);
    try (Store writer = Store.open(where)) {
      write(writer, event("ev-a", "KN-23", LocalDate.of(2024, 5, 1)));
      try (StoreReads reads = new StoreReads(where, 2, SearchVariants.NONE, nanos::get)) {
        List<EventRows.MonthCount> first = reads.eventsNaming("KN-23", 10, 0).perMonth();
        assertThat(first).containsExactly(new EventRows.MonthCount("2024-05", "", 1));
        assertThat(reads.eventsNaming("KN-23", 10, 0).perMonth()).as("no event written: the months kept").isSameAs(first);

        write(writer, event("ev-b", "KN-23", LocalDate.of(2024, 7, 3)));
        StoreReads.Naming after = reads.eventsNaming("KN-23", 10, 0);
        assertThat(after.perMonth()).containsExactly(
            new EventRows.MonthCount("2024-05", "", 1), new EventRows.MonthCount("2024-07", "", 1));
        assertThat(after.total()).isEqualTo(2);

        write(writer, event("ev-b", "Hwasong-18", LocalDate.of(2024, 7, 3))); // no longer names KN-23
        assertThat(reads.eventsNaming("KN-23", 10, 0).perMonth()).containsExactly(new EventRows.MonthCount("2024-05", "", 1));
      }
    }
  }

  private static void write(Store store, Event e) {
    store.inTransaction(() -> {
      store.events().upsert(e);
      return null;
    });
  }

  private static Event event(String id, String weapon, LocalDate day) {
    return new Event(id, "missile_launch", EventDate.day(day), false, List.of(), List.of(weapon), List.of(), Map.of(),
        "summary of " + id, 0.5, 1, 1, List.of());
  }
}
