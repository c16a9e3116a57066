package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;

/** The entity → events index follows every way an event row is written, and is built for older stores. */
class EventEntityIndexTest {

  @TempDir Path tmp;

  private static Event event(String id, LocalDate day, List<String> actors, List<String> weapons, Map<String, String> attributes) {
    return new Event(id, "missile_launch", EventDate.day(day), false, actors, weapons, List.of("Sea of Japan"), attributes,
        "summary of " + id, 0.5, 1, 1, List.of());
  }

  private static List<String> ids(List<Event> events) {
    return events.stream().map(Event::id).toList();
  }

  @Test
  void anEntityFindsTheEventsNamingItAsTheyAreWrittenChangedAndDeleted() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      store.inTransaction(() -> {
        store.events().upsert(event("e1", LocalDate.of(2024, 1, 2), List.of("Korean People's Army"), List.of("Hwasong-18"),
            Map.of("exercise", "Freedom Shield")));
        store.events().upsert(event("e2", LocalDate.of(2024, 3, 4), List.of(), List.of("KN-23"), Map.of()));
        return null;
      });
      store.inTransaction(() -> {
        assertThat(ids(store.events().naming("Hwasong-18"))).containsExactly("e1");
        assertThat(ids(store.events().naming("Freedom Shield"))).containsExactly("e1");
        assertThat(ids(store.events().naming("Sea of Japan"))).containsExactly("e2", "e1");
        assertThat(store.events().namesOf("e1"))
            .containsExactly("Freedom Shield", "Hwasong-18", "Korean People's Army", "Sea of Japan");
        return null;
      });

      // a merge rewrites the surviving event's lists and deletes the emptied one
      store.inTransaction(() -> {
        store.events().upsert(event("e1", LocalDate.of(2024, 1, 2), List.of(), List.of("KN-23"), Map.of()));
        assertThat(store.events().naming("Hwasong-18")).isEmpty();
        assertThat(ids(store.events().naming("KN-23"))).containsExactly("e2", "e1");
        assertThat(store.events().deleteIfEmpty("e2")).isTrue();
        assertThat(ids(store.events().naming("KN-23"))).containsExactly("e1");
        return null;
      });

      // re-processing replaces every event at once
      store.inTransaction(() -> {
        ShadowTables shadow = store.shadow();
        shadow.begin();
        shadow.events().upsert(event("n1", LocalDate.of(2024, 5, 6), List.of(), List.of("Hwasong-15"), Map.of()));
        shadow.swap(Map.of("n1", "e9"));
        shadow.drop();
        assertThat(store.events().naming("KN-23")).isEmpty();
        assertThat(store.events().namesOf("e1")).isEmpty();
        assertThat(ids(store.events().naming("Hwasong-15"))).containsExactly("e9");
        return null;
      });
    }
  }

  /**
   * A page of an entity's events is the same slice of its newest-first list whichever way it is
   * read: walking the timeline (an entity in most events, the page near the top) or sorting the
   * events naming it (a rare entity, or a page deep down), undated events last.
   */
  @Test
  void pagesOfACommonAndARareEntityAreSlicesOfTheirList() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      store.inTransaction(() -> {
        for (int i = 0; i < 120; i++) {
          // every event names the Sea of Japan; one in ten the Hwasong-18; every seventh is undated
          List<String> weapons = i % 10 == 0 ? List.of("Hwasong-18") : List.of("KN-23");
          Event e = event(String.format(java.util.Locale.ROOT, "e%03d", i), LocalDate.of(2020, 1, 1).plusDays(i * 37L % 500),
              List.of(), weapons, Map.of());
          if (i % 7 == 0) {
            e = new Event(e.id(), e.type(), EventDate.UNKNOWN, false, e.actors(), e.weapons(), e.locations(), e.attributes(),
                e.summary(), 0.5, 1, 1, List.of());
          }
          store.events().upsert(e);
        }
        return null;
      });
      store.inTransaction(() -> {
        for (String name : List.of("Sea of Japan", "Hwasong-18", "KN-23")) {
          List<String> all = ids(store.events().naming(name));
          assertThat(all).as(name).isNotEmpty();
          for (int[] page : new int[][] {{5, 0}, {10, 3}, {50, 40}, {200, 0}, {5, 110}, {5, 500}}) {
            int limit = page[0];
            int offset = page[1];
            assertThat(ids(store.events().naming(name, limit, offset))).as(name + " limit " + limit + " offset " + offset)
                .isEqualTo(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())));
          }
        }
        assertThat(ids(store.events().naming("Sea of Japan")).getLast()).as("undated last").isEqualTo("e119");
        return null;
      });
    }
  }

  @Test
  void aStoreWrittenBeforeTheIndexHasItsEventsIndexedWhenItIsOpened() throws Exception {
    Path dir = tmp.resolve("old");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(Store.MARKER), Store.MARKER_TEXT, StandardCharsets.UTF_8);
    String url = "jdbc:sqlite:" + dir.resolve(Store.DB_FILE);
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("6").load().migrate();
    try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
      s.executeUpdate("INSERT INTO events(id, type, date_precision, actors, weapons, locations, attributes, summary,"
          + " confidence, report_count, independent_origins, created_at, updated_at)"
          + " VALUES ('old1', 'missile_launch', 'UNKNOWN', '[]', '[\"Hwasong-17\"]', '[]', '{\"site\":\"Sunan\"}', 's',"
          + " 0.5, 1, 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
    }

    try (Store store = Store.open(dir)) {
      store.inTransaction(() -> {
        assertThat(ids(store.events().naming("Hwasong-17"))).containsExactly("old1");
        assertThat(ids(store.events().naming("Sunan"))).containsExactly("old1");
        return null;
      });
    }
  }
}
