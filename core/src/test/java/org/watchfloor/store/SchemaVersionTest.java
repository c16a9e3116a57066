package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.WatchfloorException;

/**
 * A store already at the newest schema opens without asking Flyway (one query of its history
 * table says so); any other store goes through Flyway as before: an older one is migrated by a
 * writer and refused by a reader, a newer one is refused by both, untouched.
 */
class SchemaVersionTest {

  private static final Pattern SCRIPT = Pattern.compile("V(\\d+(?:\\.\\d+)*)__.*\\.sql");

  @TempDir Path tmp;

  private static MigrationVersion newestScript(String location) throws IOException {
    MigrationVersion newest = null;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources", location))) {
      for (Path p : files.toList()) {
        Matcher m = SCRIPT.matcher(p.getFileName().toString());
        if (m.matches()) {
          MigrationVersion v = MigrationVersion.fromVersion(m.group(1));
          newest = newest == null || v.compareTo(newest) > 0 ? v : newest;
        }
      }
    }
    return newest;
  }

  private static String jdbc(Path dir) {
    return "jdbc:sqlite:" + dir.resolve(Store.DB_FILE);
  }

  private static void sql(Path dir, String statement) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbc(dir)); Statement s = db.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  private static String newestApplied(Path dir) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbc(dir)); Statement s = db.createStatement();
        var rs = s.executeQuery("SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private Path currentStore() {
    Path dir = tmp.resolve("current");
    Store.open(dir).close();
    return dir;
  }

  @Test
  void theNewestSchemaIsTheLastMigrationOfBothDatabases() throws IOException {
    assertThat(Store.SCHEMA).as("Store.SCHEMA against db/migration").isEqualTo(newestScript("db/migration"));
    assertThat(Store.SCHEMA).as("Store.SCHEMA against db/postgresql").isEqualTo(newestScript("db/postgresql"));
  }

  @Test
  void aStoreAtTheNewestSchemaOpensWithoutFlyway() throws Exception {
    Path dir = currentStore();
    assertThat(newestApplied(dir)).isEqualTo(Store.SCHEMA.getVersion());
    // a history Flyway would refuse to validate (a checksum no script has): not read at all
    sql(dir, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '" + Store.SCHEMA.getVersion() + "'");
    Flyway flyway = Flyway.configure().dataSource(jdbc(dir), null, null).locations("classpath:db/migration").load();
    assertThatThrownBy(flyway::validate).hasMessageContaining("checksum");

    assertThat(Store.schemaCurrent(StoreLocation.directory(dir))).isTrue();
    try (Store writer = Store.open(dir)) {
      assertThat(writer.count("articles")).isZero();
    }
    try (Store reader = Store.openReadOnly(dir)) {
      assertThat(reader.count("events")).isZero();
    }
  }

  @Test
  void anOlderStoreIsMigratedByAWriterAndRefusedByAReader() throws Exception {
    Path dir = tmp.resolve("older");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(Store.MARKER), Store.MARKER_TEXT, StandardCharsets.UTF_8);
    Flyway.configure().dataSource(jdbc(dir), null, null).locations("classpath:db/migration").target("60").load().migrate();
    assertThat(Store.schemaCurrent(StoreLocation.directory(dir))).isFalse();

    assertThatThrownBy(() -> Store.openReadOnly(dir))
        .isInstanceOf(WatchfloorException.StoreRefused.class)
        .hasMessageContaining("written by an older Watchfloor");
    assertThat(newestApplied(dir)).isEqualTo("60");

    Store.open(dir).close();
    assertThat(newestApplied(dir)).isEqualTo(Store.SCHEMA.getVersion());
    assertThat(Store.schemaCurrent(StoreLocation.directory(dir))).isTrue();
  }

  @Test
  void aNewerStoreIsRefusedByWritersAndReadersUntouched() throws Exception {
    Path dir = currentStore();
    MigrationVersion future = MigrationVersion.fromVersion(Store.SCHEMA.getVersion() + "1");
    sql(dir, "INSERT INTO flyway_schema_history(installed_rank, version, description, type, script, checksum,"
        + " installed_by, installed_on, execution_time, success) VALUES (1000, '" + future.getVersion()
        + "', 'from the future', 'SQL', 'V" + future.getVersion() + "__from_the_future.sql', 0, 'test',"
        + " CURRENT_TIMESTAMP, 0, 1)");
    assertThat(Store.schemaCurrent(StoreLocation.directory(dir))).isFalse();

    for (Runnable open : new Runnable[] {() -> Store.open(dir).close(), () -> Store.openReadOnly(dir).close()}) {
      assertThatThrownBy(open::run)
          .isInstanceOf(WatchfloorException.StoreRefused.class)
          .hasMessageContaining("schema version " + future.getVersion() + " was written by a newer Watchfloor");
    }
    assertThat(newestApplied(dir)).isEqualTo(future.getVersion());
  }

  @Test
  void aPostgresqlDatabaseAtTheNewestSchemaIsKnownToBeCurrent() {
    String url = TestPostgres.createDatabase();
    try {
      StoreLocation server = StoreLocation.parse(url, System.getenv());
      assertThat(Store.schemaCurrent(server)).as("an empty database").isFalse();
      Store.open(server).close();
      assertThat(Store.schemaCurrent(server)).isTrue();
      try (Store reader = Store.openReadOnly(server)) {
        assertThat(reader.count("events")).isZero();
      }
    } finally {
      TestPostgres.drop(url);
    }
  }

  @Test
  void aFailedMigrationIsLeftToFlyway() throws Exception {
    Path dir = currentStore();
    sql(dir, "UPDATE flyway_schema_history SET success = 0 WHERE version = '" + Store.SCHEMA.getVersion() + "'");
    assertThat(Store.schemaCurrent(StoreLocation.directory(dir))).isFalse();
  }
}
