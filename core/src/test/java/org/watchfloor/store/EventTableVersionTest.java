package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;

/** The event table's version, the key of caches of what is read from all of it (the timeline's filter values). */
class EventTableVersionTest {

  @TempDir Path tmp;

  private static Event event(String id) {
    return new Event(id, "missile_launch", EventDate.day(LocalDate.of(2024, 5, 1)), false, List.of(), List.of(),
        List.of(), Map.of(), "summary of " + id, 0.5, 1, 1, List.of());
  }

  private String version(Path dir) {
    try (Store store = Store.open(dir)) {
      return store.inTransaction(() -> store.events().tableVersion());
    }
  }

  @Test
  void aLateCommitOfANumberBelowTheLastIsANewVersion() throws Exception {
    Path dir = tmp.resolve("s");
    try (Store store = Store.open(dir)) {
      store.inTransaction(() -> {
        store.events().upsert(event("first"));
        store.events().upsert(event("second"));
        store.events().upsert(event("second"));
        return null;
      });
    }
    // Writers of a shared store take their numbers from one sequence and commit out of order: one
    // took 2 for "first" and commits after another committed 3 for "second" (the store as it is
    // now: first 1, second 3), so neither the last sequence nor the count moves.
    String before = version(dir);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("watchfloor.db"));
        Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE events SET change_seq = 2, summary = 'changed' WHERE id = 'first'");
    }
    assertThat(version(dir)).isNotEqualTo(before);
  }
}
