package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.resolve.Editor;
import org.watchfloor.resolve.Resolver;
import org.watchfloor.store.TestDatabase.Backend;

/**
 * The event table's version ({@link EventRows#tableVersion}), the key of the server's caches of
 * what is read from all of it: raised by every transaction that inserts, changes or deletes an
 * event, whoever writes it, visible with that transaction's rows and not before, and left as it
 * is by reads and by work rolled back. The same on both backends (PostgreSQL skipped without
 * {@value TestPostgres#ENV}); beside it, PostgreSQL writers do not wait on each other's batches
 * for it.
 */
class EventTableVersionTest {

  @TempDir Path tmp;
  @RegisterExtension final TestDatabase database = new TestDatabase();

  private StoreLocation where(Backend backend) {
    return database.location(backend, tmp);
  }

  private static long version(Store store) {
    return store.inTransaction(() -> store.events().tableVersion());
  }

  private static void write(Store store, Store.SqlWork<?> work) {
    store.inTransaction(work);
  }

  private static void upsert(Store store, Event e) {
    write(store, () -> {
      store.events().upsert(e);
      return null;
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anInsertAChangeAndADeleteEachRaiseIt(Backend backend) {
    try (Store store = Store.open(where(backend))) {
      long empty = version(store);
      upsert(store, event("ev-a", "KN-23", LocalDate.of(2024, 5, 1)));
      long inserted = version(store);
      assertThat(inserted).as("after an insert").isGreaterThan(empty);

      upsert(store, event("ev-a", "KN-24", LocalDate.of(2024, 5, 1)));
      long changed = version(store);
      assertThat(changed).as("after a change").isGreaterThan(inserted);

      write(store, () -> store.events().deleteIfEmpty("ev-a"));
      assertThat(version(store)).as("after a delete").isGreaterThan(changed);
      assertThat(store.inTransaction(() -> store.events().get("ev-a"))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void readsAndWorkRolledBackLeaveItAsItIs(Backend backend) {
    try (Store store = Store.open(where(backend))) {
      upsert(store, event("ev-a", "KN-23", LocalDate.of(2024, 5, 1)));
      long before = version(store);
      store.inTransaction(() -> {
        store.events().get("ev-a");
        store.events().types();
        store.events().weaponNames();
        store.events().perMonthNaming("KN-23");
        store.events().naming("KN-23", 10, 0);
        return store.events().countFiltered(EventRows.Criteria.ALL);
      });
      assertThat(version(store)).as("after reads").isEqualTo(before);

      assertThatThrownBy(() -> write(store, () -> {
        store.events().upsert(event("ev-b", "KN-25", LocalDate.of(2024, 6, 1)));
        throw new IllegalStateException("given up");
      })).hasMessageContaining("given up");
      assertThat(version(store)).as("after an insert rolled back").isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anAnalystsMergeRaisesIt(Backend backend) {
    try (Store store = Store.open(where(backend))) {
      Analysts.add(store, "ana");
      String kn23 = ingest(store, "a1", "KN-23");
      String kn24 = ingest(store, "a2", "KN-24");
      long before = version(store);

      Editor editor = new Editor(store, WatchProfile.load("dprk"), Clock.systemUTC());
      editor.correct(kn23, "summary", "A launch, summary corrected by hand.", "ana", null);
      long corrected = version(store);
      assertThat(corrected).as("after a correction").isGreaterThan(before);

      editor.merge(kn23, kn24, "ana", "one salvo"); // changes the survivor, deletes the other
      assertThat(version(store)).as("after a merge").isGreaterThan(corrected);
      assertThat(store.inTransaction(() -> store.events().get(kn24))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void reprocessingsSwapRaisesIt(Backend backend) {
    try (Store store = Store.open(where(backend))) {
      upsert(store, event("ev-old", "KN-23", LocalDate.of(2024, 5, 1)));
      long before = version(store);
      write(store, () -> {
        ShadowTables shadow = store.shadow();
        shadow.begin();
        shadow.events().upsert(event("new-1", "KN-23", LocalDate.of(2024, 5, 1)));
        assertThat(store.events().tableVersion()).as("the scratch tables are not the store's").isEqualTo(before);
        shadow.swap(Map.of("new-1", "ev-old"));
        shadow.drop();
        return null;
      });
      assertThat(version(store)).isGreaterThan(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aStoreCopiedHasAVersionOfItsOwnThatGoesOn(Backend backend) {
    Path original = tmp.resolve("original");
    try (Store s = Store.open(original)) {
      write(s, () -> {
        s.events().upsert(event("ev-a", "KN-23", LocalDate.of(2024, 5, 1)));
        s.events().upsert(event("ev-b", "KN-24", LocalDate.of(2024, 6, 1)));
        return null;
      });
    }
    StoreLocation copy = where(backend);
    StoreCopy.copy(StoreLocation.directory(original), copy);
    try (Store store = Store.open(copy)) {
      long copied = version(store);
      assertThat(copied).as("raised by the copy's inserts").isPositive();
      upsert(store, event("ev-c", "KN-25", LocalDate.of(2024, 7, 1)));
      assertThat(version(store)).isGreaterThan(copied);
    }
  }

  /**
   * What a cache relies on: a reader that reads the version and then the rows never finds a
   * version that a writer raised while the rows it reads are still the old ones.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aReaderSeesTheNewVersionOnlyWithTheRowsCommitted(Backend backend) {
    StoreLocation where = where(backend);
    try (Store writer = Store.open(where)) {
      upsert(writer, event("ev-a", "KN-23", LocalDate.of(2024, 5, 1)));
      try (Store reader = Store.openReadOnly(where)) {
        long before = version(reader);
        writer.commitEvery(10); // the batch stays open until it is flushed
        upsert(writer, event("ev-b", "KN-24", LocalDate.of(2024, 6, 1)));
        assertThat(version(reader)).as("while the batch is open").isEqualTo(before);
        assertThat(reader.inTransaction(() -> reader.events().types())).containsExactly("missile_launch");
        assertThat(reader.inTransaction(() -> reader.events().get("ev-b"))).isEmpty();

        writer.flush();
        assertThat(version(reader)).as("once it is committed").isGreaterThan(before);
        assertThat(reader.inTransaction(() -> reader.events().get("ev-b"))).isPresent();
      }
    }
  }

  /**
   * PostgreSQL writers each hold a batch open for seconds: a writer that commits beside another's
   * open batch of events neither waits for it nor leaves the version as it was, and the batch's
   * commit raises it again.
   */
  @Test
  void aWriterCommittingBesideAnOpenBatchOfEventsDoesNotWaitForIt() throws Exception {
    StoreLocation where = database.location(tmp.resolve("cache"));
    ExecutorService thread = Executors.newSingleThreadExecutor();
    // B before A, so that A is closed first: a B left waiting on A's batch is let go, and the test fails instead of hanging
    try (Store b = Store.open(where); Store a = Store.open(where)) {
      long before = version(a);
      a.commitEvery(10);
      upsert(a, event("ev-held", "KN-23", LocalDate.of(2021, 3, 2)));
      Future<Long> bCommits = thread.submit(() -> {
        upsert(b, event("ev-committed", "KN-24", LocalDate.of(2024, 9, 20)));
        return version(b);
      });
      long afterB = bCommits.get(30, TimeUnit.SECONDS);
      assertThat(afterB).as("B's commit, A's batch still open").isGreaterThan(before);
      a.flush();
      assertThat(version(b)).as("A's commit").isGreaterThan(afterB);
    } finally {
      thread.shutdownNow();
    }
  }

  private static String ingest(Store store, String articleId, String weapon) {
    Article a = new Article(articleId, null, null, "Example Daily", "A title", null, null, "en", "t", "h" + articleId,
        Set.of(), null, Map.of(), List.of());
    Report r = new Report(articleId + "-r0", articleId, "missile_launch", EventDate.day(LocalDate.of(2024, 5, 17)), false,
        false, List.of("kim-jong-un"), List.of(weapon), List.of(), Map.of(), "A " + weapon + " was fired.", 0, 10,
        null, Certainty.ASSERTED, "outlet:" + articleId, List.of());
    return store.inTransaction(() -> {
      store.articles().insert(a, new RawDocument(a.id(), null, RawDocument.Format.TEXT, new byte[0], Map.of()), List.of());
      new Resolver(store.events(), store.edits()).attach(a, List.of(r), id -> new Origin(id, id));
      return store.events().eventOfReport(articleId + "-r0").orElseThrow();
    });
  }

  private static Event event(String id, String weapon, LocalDate day) {
    return new Event(id, "missile_launch", EventDate.day(day), false, List.of(), List.of(weapon), List.of(), Map.of(),
        "summary of " + id, 0.5, 1, 1, List.of());
  }
}
