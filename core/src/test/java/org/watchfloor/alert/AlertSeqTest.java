package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Alert;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import org.watchfloor.store.TestPostgres;

/**
 * The sequence number an inserted alert or digest is given is its own row's, even where the
 * database's session has taken a value of another sequence since (a trigger's, here): on
 * PostgreSQL {@code lastval()} answered that other sequence's value, so an alert's deliveries and
 * a digest's items pointed at a row that was not theirs.
 */
class AlertSeqTest {

  private static final WatchProfile DPRK = WatchProfile.named("dprk");
  private static final Instant NOON = Instant.parse("2025-06-02T03:00:00Z");

  @TempDir Path tmp;

  @Test
  void anAlertAndADigestGetTheirOwnSequenceNumbersOnPostgresql() throws Exception {
    String url = TestPostgres.createDatabase();
    try {
      try (Store store = Store.open(TestPostgres.location(url, tmp.resolve("cache")))) {
        sequencesOfOtherRowsTakenOnInsert(store.location(), "CREATE SEQUENCE other_seq START 1000",
            "CREATE FUNCTION take_other() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN PERFORM nextval('other_seq'); RETURN NEW; END $$",
            "CREATE TRIGGER alerts_other AFTER INSERT ON alerts FOR EACH ROW EXECUTE FUNCTION take_other()",
            "CREATE TRIGGER digests_other AFTER INSERT ON alert_digests FOR EACH ROW EXECUTE FUNCTION take_other()");
        theKeysAreTheRowsOwn(store);
      }
    } finally {
      TestPostgres.drop(url);
    }
  }

  @Test
  void anAlertAndADigestGetTheirOwnSequenceNumbersOnSqlite() throws Exception {
    try (Store store = Store.open(tmp.resolve("s"))) {
      sequencesOfOtherRowsTakenOnInsert(store.location(),
          "CREATE TABLE other (seq INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT)",
          "INSERT INTO other(seq, x) VALUES (999, 'start')",
          "CREATE TRIGGER alerts_other AFTER INSERT ON alerts BEGIN INSERT INTO other(x) VALUES ('a'); END",
          "CREATE TRIGGER digests_other AFTER INSERT ON alert_digests BEGIN INSERT INTO other(x) VALUES ('d'); END");
      theKeysAreTheRowsOwn(store);
    }
  }

  private static void sequencesOfOtherRowsTakenOnInsert(StoreLocation where, String... ddl) throws Exception {
    try (Connection db = where.connect(false); Statement s = db.createStatement()) {
      db.setAutoCommit(true);
      for (String sql : ddl) {
        s.execute(sql);
      }
    }
  }

  private static void theKeysAreTheRowsOwn(Store store) throws Exception {
    RuleBuilder.Made made = new RuleBuilder(DPRK, AlertSettings.defaults(), Clock.systemUTC())
        .build(new RuleBuilder.Draft("icbm", List.of("missile_launch"), List.of(), List.of(), List.of(), 1, 0,
            false, false, null, List.of("new"), null, List.of("desk@example.org"), List.of()));
    store.inTransaction(() -> store.alerts().insertRule(made.rule(), Tokens.digest(made.feedToken())));
    Alert alert = new Alert(0, "icbm", "e1", "new", "icbm:e1:new", "{}", 1, List.of(), NOON);

    OptionalLong seq = store.inTransaction(() -> store.alerts().insertAlert(alert));
    assertThat(seq).hasValue(store.inTransaction(() -> store.alerts().all()).getFirst().seq());
    assertThat(store.inTransaction(() -> store.alerts().insertAlert(alert))).as("decided again").isEmpty();

    store.inTransaction(() -> {
      store.alerts().insertDigestItem(seq.getAsLong(), "desk@example.org", NOON);
      return null;
    });
    int made2 = store.inTransaction(() -> store.alerts().claimDigests(LocalDate.parse("2025-06-02"),
        Instant.parse("2025-06-02T15:00:00Z"), Instant.parse("2025-06-03T07:00:00Z")));
    assertThat(made2).isEqualTo(1);
    long digest = store.inTransaction(() -> store.alerts().digests()).getFirst().seq();
    try (Connection db = store.location().connect(true); Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT digest_seq FROM alert_digest_items")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).as("the digest the item was claimed for").isEqualTo(digest);
    }
  }
}
