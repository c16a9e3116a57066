package org.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.cli.Main;

/**
 * Kills an ingest with SIGKILL in the middle of a large batch, runs it again, and checks that
 * every article is stored exactly once and the store is consistent.
 */
class CrashRecoveryIT {

  private static final int ARTICLES = 1500;

  @TempDir Path tmp;

  @Test
  void killedIngestResumesWithEveryArticleStoredOnce() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Files.createDirectories(corpus);
    LocalDate day = LocalDate.of(2023, 1, 2);
    for (int i = 0; i < ARTICLES; i++) {
      LocalDate d = day.plusDays(i % 700);
      Files.writeString(corpus.resolve(String.format(Locale.ROOT, "a%05d.txt", i)), """
          url: https://wire.example/story/%d
          outlet: Wire %d
          published: %sT10:00:00+09:00
          title: Launch report number %d

          North Korea fired a short-range ballistic missile into the Sea of Japan on %s, South Korea's Joint Chiefs of Staff said.
          The missile flew about %d km, the military said. Story number %d.
          """.formatted(i, i % 7, d, i, d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH),
          300 + i % 400, i), StandardCharsets.UTF_8);
    }
    Path store = tmp.resolve("store");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "ingest", "--store", store.toString(), corpus.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("first.log").toFile()).start();
    Path db = store.resolve("watchfloor.db");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    long seen = 0;
    while (p.isAlive() && Instant.now().isBefore(deadline)) {
      seen = Files.exists(db) ? count(db) : 0;
      if (seen >= 100) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(p.isAlive()).as("the first ingest must still be running when it is killed").isTrue();
    p.destroyForcibly().waitFor();
    long afterKill = count(db);
    assertThat(afterKill).isBetween(100L, (long) ARTICLES - 1);

    int exit = Main.run(new String[] {"ingest", "--store", store.toString(), corpus.toString()},
        new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(exit).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      assertThat(scalar(s, "SELECT COUNT(*) FROM articles")).isEqualTo(ARTICLES);
      assertThat(scalar(s, "SELECT COUNT(DISTINCT url) FROM articles")).isEqualTo(ARTICLES);
      assertThat(scalar(s, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.article_id = a.id)"))
          .as("every article has its report: none was half-written").isZero();
      assertThat(scalar(s, "SELECT COUNT(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = r.event_id)")).isZero();
      assertThat(scalar(s, "SELECT COALESCE(SUM(report_count), 0) FROM events")).isEqualTo(scalar(s, "SELECT COUNT(*) FROM reports"));
      assertThat(scalar(s, "PRAGMA integrity_check") ).isEqualTo(0L);
    }
    List<String> firstLog = Files.readAllLines(tmp.resolve("first.log"));
    assertThat(firstLog).noneMatch(l -> l.contains("internal error"));
    assertThat(new File(store.toFile(), "WATCHFLOOR-STORE")).exists();
  }

  private static long count(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      return scalar(s, "SELECT COUNT(*) FROM articles");
    } catch (java.sql.SQLException e) {
      return 0; // the schema is not there yet
    }
  }

  private static long scalar(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      Object v = rs.getObject(1);
      if (v instanceof String str) {
        return str.equals("ok") ? 0 : -1;
      }
      return ((Number) v).longValue();
    }
  }
}
