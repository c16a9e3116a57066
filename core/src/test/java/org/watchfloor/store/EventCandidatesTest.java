package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;

/**
 * Resolution's candidate lookup: every event whose dates reach the window, narrow or years wide,
 * read through indexes bounded on both sides so the lookup does not walk the store's history.
 */
class EventCandidatesTest {

  @TempDir Path tmp;

  private static Event event(String id, String type, EventDate date) {
    return new Event(id, type, date, false, List.of(), List.of(), List.of(), Map.of(), "summary of " + id, 0.5, 1, 1,
        List.of());
  }

  private static EventDate span(String from, String to) {
    return new EventDate(LocalDate.parse(from), LocalDate.parse(to), DatePrecision.YEAR);
  }

  @Test
  void findsTheNarrowAndWideEventsReachingTheWindowAndNothingOlder() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      store.inTransaction(() -> {
        EventRows events = store.events();
        events.upsert(event("old-day", "missile_launch", EventDate.day(LocalDate.of(2010, 3, 1))));
        events.upsert(event("day-before", "missile_launch", EventDate.day(LocalDate.of(2024, 4, 30))));
        events.upsert(event("month", "missile_launch", EventDate.month(2024, 5)));
        events.upsert(event("year-before", "missile_launch", span("2023-04-20", "2024-05-01")));
        events.upsert(event("five-years", "missile_launch", span("2020-01-01", "2024-12-31")));
        events.upsert(event("ended-wide", "missile_launch", span("2015-01-01", "2019-12-31")));
        events.upsert(event("other-type", "nuclear_test", EventDate.day(LocalDate.of(2024, 5, 1))));
        events.upsert(event("after", "missile_launch", EventDate.day(LocalDate.of(2024, 5, 9))));
        events.upsert(event("undated", "missile_launch", EventDate.UNKNOWN));
        return null;
      });
      List<String> found = store.inTransaction(() -> store.events()
          .candidates("missile_launch", LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 2)).stream()
          .map(Event::id).toList());
      // ordered by start; the 377-day span is narrow, the five-year one wide: both found, once each
      assertThat(found).containsExactly("five-years", "year-before", "day-before", "month");
      List<String> undated = store.inTransaction(() -> store.events().undated("missile_launch").stream()
          .map(Event::id).toList());
      assertThat(undated).containsExactly("undated");
    }
  }

  @Test
  void eachPartOfTheLookupReadsARangeOfAnIndexNotTheTable() throws Exception {
    Path dir = tmp.resolve("plan");
    Store.open(dir).close();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.DB_FILE));
        PreparedStatement ps = db.prepareStatement("EXPLAIN QUERY PLAN " + EventRows.candidates(Dialect.SQLITE))) {
      String[] params = {"missile_launch", "2023-03-26", "2024-05-02", "2024-04-30", "missile_launch", "2024-04-30",
          "2023-03-26", "2024-05-02"};
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      List<String> plan = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.add(rs.getString("detail"));
        }
      }
      assertThat(plan).anyMatch(p -> p.contains("USING INDEX events_type_date (type=? AND date_earliest>? AND date_earliest<?)"));
      assertThat(plan).anyMatch(p -> p.contains("USING INDEX events_type_wide (type=? AND date_latest>?)"));
      assertThat(plan).noneMatch(p -> p.startsWith("SCAN events"));
    }
  }
}
