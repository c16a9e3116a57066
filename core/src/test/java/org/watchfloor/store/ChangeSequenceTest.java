package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;

/**
 * An event's change sequence on a PostgreSQL store that two processes write at once, each in its
 * own transaction: every write of an event gives it a number no other write has, above the one it
 * replaced, whichever order the writers' statements run and commit in. The caches of what is
 * derived from an event (its contract JSON) take an unchanged number for an unchanged event.
 *
 * <p>Skipped without {@value TestPostgres#ENV} on a developer's machine; fails in CI without it
 * (see {@link TestPostgres}).
 */
class ChangeSequenceTest {

  @TempDir Path tmp;
  @RegisterExtension final TestDatabase database = new TestDatabase();

  @Test
  void aWriterCommittingBesideAnOpenBatchTakesANumberOfItsOwn() throws SQLException {
    StoreLocation where = database.location(tmp.resolve("writers"));
    try (Store a = Store.open(where); Store b = Store.open(where)) {
      a.commitEvery(10); // A's batch stays open until it is flushed
      a.inTransaction(() -> {
        a.events().upsert(event("ev-held", "engine_test", LocalDate.of(2021, 3, 2), "Engine burn at Sohae"));
        return null;
      });
      b.inTransaction(() -> {
        b.events().upsert(event("ev-committed", "missile_launch", LocalDate.of(2024, 9, 20), "Cruise missiles"));
        return null;
      });
      a.flush();
    }
    Map<String, Long> seqs = changeSeqs();
    assertThat(seqs).containsOnlyKeys("ev-held", "ev-committed");
    assertThat(seqs.get("ev-held")).as("A's number, taken while B wrote and committed")
        .isNotEqualTo(seqs.get("ev-committed"));
  }

  @Test
  void aWriteThatWaitedOnAnotherWriterOfTheEventStillRaisesItsNumber() throws Exception {
    StoreLocation where = database.location(tmp.resolve("writers"));
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (Store a = Store.open(where); Store b = Store.open(where)) {
      a.inTransaction(() -> {
        a.events().upsert(event("ev", "missile_launch", LocalDate.of(2024, 5, 1), "first report"));
        return null;
      });
      a.commitEvery(10);
      a.inTransaction(() -> {
        a.events().upsert(event("ev", "missile_launch", LocalDate.of(2024, 5, 1), "A's first change"));
        return null;
      });
      // B moves the event to other dates (other candidate blocks than A holds), so it waits on the
      // row A changed, not on A's advisory locks: its statement began before A committed
      Future<?> bWrites = thread.submit(() -> b.inTransaction(() -> {
        b.events().upsert(event("ev", "missile_launch", LocalDate.of(2021, 1, 1), "B's change"));
        return null;
      }));
      TestPostgres.awaitWaitingOnALock(where);
      a.inTransaction(() -> {
        a.events().upsert(event("ev", "missile_launch", LocalDate.of(2024, 5, 1), "A's second change"));
        return null;
      });
      long afterA = a.inTransaction(() -> a.events().changeSeqs(List.of("ev")).get("ev"));
      a.flush();
      bWrites.get(30, TimeUnit.SECONDS);
      Event last = b.inTransaction(() -> b.events().get("ev").orElseThrow());
      assertThat(last.summary()).isEqualTo("B's change");
      assertThat(changeSeqs().get("ev")).as("B's write, committed after A's, replaced A's number " + afterA)
          .isGreaterThan(afterA);
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void theMigrationGivesEventsThatSharedANumberNumbersOfTheirOwnAndTheSequenceGoesOnAboveThem() throws SQLException {
    StoreLocation.Server where = (StoreLocation.Server) database.location(tmp.resolve("writers"));
    Flyway.configure().locations("classpath:db/postgresql").dataSource(where.url(), where.user(), where.password())
        .target("73").load().migrate();
    // what two writers taking MAX + 1 at once left behind: 2 twice, 3 three times
    try (Connection db = where.connect(false); Statement s = db.createStatement()) {
      String[][] rows = {{"ev-a", "1"}, {"ev-b", "2"}, {"ev-c", "2"}, {"ev-d", "3"}, {"ev-e", "3"}, {"ev-f", "3"}};
      for (String[] row : rows) {
        s.executeUpdate("INSERT INTO events(id, type, date_precision, summary, confidence, report_count,"
            + " independent_origins, created_at, updated_at, change_seq) VALUES ('" + row[0] + "', 'missile_launch',"
            + " 'UNKNOWN', 'summary', 0.5, 1, 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', " + row[1] + ")");
      }
      db.commit();
    }
    try (Store store = Store.open(where)) {
      assertThat(changeSeqs()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "ev-a", 1L, "ev-b", 2L, "ev-d", 3L, // the first of each number keeps it
          "ev-c", 4L, "ev-e", 5L, "ev-f", 6L)); // the others take new ones, in their order, above the old
      store.inTransaction(() -> {
        store.events().upsert(event("ev-new", "missile_launch", LocalDate.of(2024, 9, 20), "a new event"));
        store.events().upsert(event("ev-a", "missile_launch", LocalDate.of(2024, 9, 21), "a changed event"));
        return null;
      });
    }
    Map<String, Long> after = changeSeqs();
    // an update takes a number again once it holds the row, leaving a gap (see Dialect#changeSeqOfUpdate)
    assertThat(after.get("ev-new")).isEqualTo(7L);
    assertThat(after.get("ev-a")).isGreaterThan(7L);
  }

  @Test
  void aStoreCopiedToPostgresqlGoesOnNumberingAboveTheEventsCopied() throws SQLException {
    Path dir = tmp.resolve("embedded");
    try (Store original = Store.open(dir)) {
      original.inTransaction(() -> {
        original.events().upsert(event("ev-a", "missile_launch", LocalDate.of(2024, 5, 1), "first"));
        original.events().upsert(event("ev-b", "engine_test", LocalDate.of(2021, 3, 2), "second"));
        original.events().upsert(event("ev-a", "missile_launch", LocalDate.of(2024, 5, 1), "first, changed"));
        return null;
      });
    }
    StoreLocation where = database.location(tmp.resolve("copy"));
    StoreCopy.copy(StoreLocation.directory(dir), where);
    assertThat(changeSeqs()).containsExactlyInAnyOrderEntriesOf(Map.of("ev-a", 3L, "ev-b", 2L));
    try (Store copy = Store.open(where)) {
      copy.inTransaction(() -> {
        copy.events().upsert(event("ev-c", "missile_launch", LocalDate.of(2024, 9, 20), "written on the copy"));
        return null;
      });
    }
    assertThat(changeSeqs().get("ev-c")).as("above the numbers copied").isGreaterThan(3L);
  }

  @Test
  void eventsSwappedInByReprocessingLeaveTheSequenceAboveThem() throws SQLException {
    try (Store store = Store.open(database.location(tmp.resolve("writers")))) {
      store.inTransaction(() -> {
        store.events().upsert(event("ev-old", "missile_launch", LocalDate.of(2024, 5, 1), "before re-processing"));
        return null;
      });
      store.inTransaction(() -> {
        ShadowTables shadow = store.shadow();
        shadow.begin();
        shadow.events().upsert(event("new-1", "missile_launch", LocalDate.of(2024, 5, 1), "derived again"));
        shadow.events().upsert(event("new-2", "engine_test", LocalDate.of(2021, 3, 2), "derived again too"));
        shadow.swap(Map.of("new-1", "ev-old", "new-2", "ev-fresh"));
        shadow.drop();
        return null;
      });
      Map<String, Long> swapped = changeSeqs();
      assertThat(swapped.get("ev-old")).as("a new version of the event").isGreaterThan(1L);
      assertThat(swapped.get("ev-fresh")).isGreaterThan(swapped.get("ev-old"));
      store.inTransaction(() -> {
        store.events().upsert(event("ev-after", "missile_launch", LocalDate.of(2024, 9, 20), "after re-processing"));
        return null;
      });
    }
    Map<String, Long> after = changeSeqs();
    assertThat(after.get("ev-after")).as("after the swap's numbers " + after)
        .isGreaterThan(Math.max(after.get("ev-old"), after.get("ev-fresh")));
  }

  private Map<String, Long> changeSeqs() throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Connection db = database.location(tmp.resolve("numbers")).connect(true);
        PreparedStatement ps = db.prepareStatement("SELECT id, change_seq FROM events");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
      db.rollback();
    }
    return out;
  }

  private static Event event(String id, String type, LocalDate day, String summary) {
    return new Event(id, type, EventDate.day(day), false, List.of(), List.of(), List.of(), Map.of(), summary, 0.5, 1, 1,
        List.of());
  }
}
