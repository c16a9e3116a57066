package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.store.TestDatabase.Backend;

/**
 * The writes each stored report makes (its event, its origin, the report and its claims), whose
 * statements the store prepares once and runs again: each call writes its own values and claims,
 * never those of the call before, also after a write that failed, after re-processing swapped
 * new tables in, and in the store opened again. The same on both backends (PostgreSQL skipped
 * without {@value TestPostgres#ENV}).
 */
class EventWritesTest {

  @TempDir Path tmp;
  @RegisterExtension final TestDatabase database = new TestDatabase();

  private StoreLocation where(Backend backend) {
    return database.location(backend, tmp);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void eachReportIsStoredWithItsOwnValuesAndClaims(Backend backend) {
    Report withClaims = report("a1-r0", "a1", EventDate.day(LocalDate.of(2024, 5, 17)), "KCNA",
        List.of(new Claim("count", "2", 3, 4), new Claim("range_km", "600", 20, 23)));
    Report undatedWithout = report("a2-r0", "a2", EventDate.UNKNOWN, null, List.of());
    Report oneClaim = report("a3-r0", "a3", EventDate.day(LocalDate.of(2024, 6, 2)), "a JCS official",
        List.of(new Claim("apogee_km", "50", 7, 9)));
    try (Store store = Store.open(where(backend))) {
      for (Report r : List.of(withClaims, undatedWithout, oneClaim)) {
        store(store, r, "ev-" + r.articleId());
      }
      for (Report r : List.of(withClaims, undatedWithout, oneClaim)) {
        assertThat(store.inTransaction(() -> store.events().reportsOf("ev-" + r.articleId())))
            .as(r.id()).containsExactly(r);
        assertThat(store.inTransaction(() -> store.events().get("ev-" + r.articleId())).orElseThrow())
            .as("the event of " + r.id()).isEqualTo(event("ev-" + r.articleId(), r.date(), "summary of " + r.id()));
      }
    }
    try (Store again = Store.open(where(backend))) {
      store(again, report("a4-r0", "a4", EventDate.UNKNOWN, null, List.of()), "ev-a4");
      assertThat(again.inTransaction(() -> again.events().reportsOf("ev-a1"))).containsExactly(withClaims);
      assertThat(again.inTransaction(() -> again.events().reportsOf("ev-a4")))
          .singleElement().satisfies(r -> assertThat(r.claims()).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aWriteThatFailedLeavesNothingToTheNext(Backend backend) {
    try (Store store = Store.open(where(backend))) {
      Report first = report("a1-r0", "a1", EventDate.day(LocalDate.of(2024, 5, 17)), "KCNA",
          List.of(new Claim("count", "2", 3, 4)));
      store(store, first, "ev-a1");

      Report sameId = report("a1-r0", "a2", EventDate.day(LocalDate.of(2024, 7, 1)), "Yonhap",
          List.of(new Claim("count", "9", 1, 2)));
      assertThatThrownBy(() -> store(store, sameId, "ev-a2")).as("a report id stored before").isNotNull();

      Report next = report("a3-r0", "a3", EventDate.UNKNOWN, null, List.of());
      store(store, next, "ev-a3");
      assertThat(store.inTransaction(() -> store.events().reportsOf("ev-a3"))).containsExactly(next);
      assertThat(store.inTransaction(() -> store.events().reportsOf("ev-a1"))).containsExactly(first);
      assertThat(store.inTransaction(() -> store.events().get("ev-a2"))).as("rolled back").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void writesAfterReprocessingGoToTheTablesSwappedIn(Backend backend) {
    try (Store store = Store.open(where(backend))) {
      // enough writes before the swap that PostgreSQL's driver has prepared them on the server
      for (int i = 1; i <= 6; i++) {
        store(store, report("a1" + i + "-r0", "a1" + i, EventDate.day(LocalDate.of(2024, 5, 17)), "KCNA",
            List.of(new Claim("count", "1", 0, 1))), "ev-a1" + i);
      }
      store.inTransaction(() -> {
        ShadowTables shadow = store.shadow();
        shadow.begin();
        shadow.events().upsert(event("new-1", EventDate.day(LocalDate.of(2024, 5, 17)), "summary of the new one"));
        shadow.swap(Map.of("new-1", "ev-a11"));
        shadow.drop();
        return null;
      });
      Report after = report("a2-r0", "a2", EventDate.day(LocalDate.of(2024, 8, 9)), "KCNA",
          List.of(new Claim("count", "1", 0, 1)));
      store(store, after, "ev-a2");

      assertThat(store.inTransaction(() -> store.events().reportsOf("ev-a2"))).containsExactly(after);
      assertThat(store.inTransaction(() -> store.events().get("ev-a2"))).isPresent();
      assertThat(store.inTransaction(() -> store.events().get("ev-a11")).orElseThrow().summary())
          .as("the event re-processing made, under the id it had").isEqualTo("summary of the new one");
    }
  }

  /** Stores the report's article, then the report in an event of its own, in one unit of work. */
  private static void store(Store store, Report r, String eventId) {
    Article a = new Article(r.articleId(), null, null, "Example Daily", "A title", null, null, "en", "t",
        "h" + r.articleId(), Set.of(), null, Map.of(), List.of());
    store.inTransaction(() -> {
      store.articles().insert(a, new RawDocument(a.id(), null, RawDocument.Format.TEXT, new byte[0], Map.of()), List.of());
      store.events().upsert(event(eventId, r.date(), "summary of " + r.id()));
      store.events().ensureOrigin(new Origin(r.origin(), "Origin " + r.origin()));
      store.events().insertReport(r, eventId);
      return null;
    });
  }

  private static Report report(String id, String articleId, EventDate date, @org.jspecify.annotations.Nullable String attribution,
      List<Claim> claims) {
    return new Report(id, articleId, "missile_launch", date, false, false, List.of("kim-jong-un"), List.of("KN-23"),
        List.of(), Map.of(), "A KN-23 was fired from " + articleId + ".", 0, 10, attribution, Certainty.ASSERTED,
        "outlet:" + articleId, claims);
  }

  private static Event event(String id, EventDate date, String summary) {
    return new Event(id, "missile_launch", date, false, List.of(), List.of("KN-23"), List.of(), Map.of(), summary, 0.5,
        1, 1, List.of());
  }
}
