package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event's count of news reports (schema 61), on which the timeline hides background-only
 * events, follows every way a report is written, moved or deleted, in any order with its event,
 * and is counted for the events of an older store.
 */
class EventNewsReportsTest {

  @TempDir Path tmp;

  private static void event(Statement s, String id) throws SQLException {
    s.executeUpdate("INSERT INTO events(id, type, date_precision, summary, confidence, report_count,"
        + " independent_origins, created_at, updated_at) VALUES ('" + id + "', 'missile_launch', 'UNKNOWN', 's', 0.5,"
        + " 1, 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
  }

  private static void report(Statement s, String id, String event, boolean background) throws SQLException {
    s.executeUpdate("INSERT INTO reports(id, article_id, event_id, type, date_precision, background, evidence,"
        + " evidence_start, evidence_end, certainty, origin) VALUES ('" + id + "', 'a', '" + event
        + "', 'missile_launch', 'UNKNOWN', " + (background ? 1 : 0) + ", 'e', 0, 1, 'ASSERTED', 'o')");
  }

  private static int news(Statement s, String event) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT news_reports FROM events WHERE id = '" + event + "'")) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  private String migrated(String target) {
    String url = "jdbc:sqlite:" + tmp.resolve("store.db");
    var config = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration");
    (target == null ? config : config.target(target)).load().migrate();
    return url;
  }

  @Test
  void theCountFollowsReportsAsTheyAreWrittenMovedAndDeleted() throws Exception {
    try (Connection db = DriverManager.getConnection(migrated(null)); Statement s = db.createStatement()) {
      // a report written before its event (re-processing's order may differ from the resolver's)
      report(s, "r1", "e1", false);
      event(s, "e1");
      assertThat(news(s, "e1")).isEqualTo(1);
      event(s, "e2");
      report(s, "r2", "e2", true);
      assertThat(news(s, "e2")).isZero();
      report(s, "r3", "e2", false);
      assertThat(news(s, "e2")).isEqualTo(1);
      // a merge moves a report; a correction of the flag changes it
      s.executeUpdate("UPDATE reports SET event_id = 'e1' WHERE id = 'r3'");
      assertThat(news(s, "e1")).isEqualTo(2);
      assertThat(news(s, "e2")).isZero();
      s.executeUpdate("UPDATE reports SET background = 1 WHERE id = 'r1'");
      assertThat(news(s, "e1")).isEqualTo(1);
      s.executeUpdate("DELETE FROM reports WHERE id = 'r3'");
      assertThat(news(s, "e1")).isZero();
      // an upsert of the event row leaves the count alone
      s.executeUpdate("INSERT INTO events(id, type, date_precision, summary, confidence, report_count,"
          + " independent_origins, created_at, updated_at) VALUES ('e2', 'missile_launch', 'UNKNOWN', 's2', 0.5, 2, 1,"
          + " 'x', 'x') ON CONFLICT(id) DO UPDATE SET summary = excluded.summary");
      report(s, "r4", "e2", false);
      s.executeUpdate("INSERT INTO events(id, type, date_precision, summary, confidence, report_count,"
          + " independent_origins, created_at, updated_at) VALUES ('e2', 'missile_launch', 'UNKNOWN', 's3', 0.5, 2, 1,"
          + " 'x', 'x') ON CONFLICT(id) DO UPDATE SET summary = excluded.summary");
      assertThat(news(s, "e2")).isEqualTo(1);
    }
  }

  @Test
  void anOlderStoreHasItsEventsCountedWhenMigrated() throws Exception {
    String url = migrated("60");
    try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
      event(s, "old1");
      report(s, "o1", "old1", false);
      report(s, "o2", "old1", false);
      event(s, "old2");
      report(s, "o3", "old2", true);
    }
    migrated(null);
    try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
      assertThat(news(s, "old1")).isEqualTo(2);
      assertThat(news(s, "old2")).isZero();
    }
  }
}
