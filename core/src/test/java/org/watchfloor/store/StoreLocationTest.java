package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.WatchfloorException;

/** What {@code --store} names, and where a server's credentials come from. */
class StoreLocationTest {

  @TempDir Path tmp;

  private final Map<String, String> env = Map.of(StoreLocation.CACHE_ENV, "/var/cache/wf", "PGUSER", "analyst");

  @Test
  void aPathIsAnSqliteStoreDirectory() {
    StoreLocation where = StoreLocation.parse("data/store", env);
    assertThat(where).isInstanceOf(StoreLocation.Directory.class);
    assertThat(where.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(where.dir()).isEqualTo(Path.of("data/store").toAbsolutePath().normalize());
  }

  @Test
  void postgresqlUrlsOfEachSpellingNameTheSameDatabase() {
    for (String url : new String[] {"postgresql://db.example:5432/watch", "postgres://db.example/watch",
        "jdbc:postgresql://db.example:5432/watch"}) {
      StoreLocation.Server s = (StoreLocation.Server) StoreLocation.parse(url, env);
      assertThat(s.url()).as(url).isEqualTo("jdbc:postgresql://db.example:5432/watch");
      assertThat(s.name()).isEqualTo("postgresql://db.example:5432/watch");
      assertThat(s.dialect()).isEqualTo(Dialect.POSTGRESQL);
      assertThat(s.user()).isEqualTo("analyst");
      assertThat(s.dir().getParent()).isEqualTo(Path.of("/var/cache/wf"));
      assertThat(s.dir().getFileName().toString()).startsWith("pg-db.example-5432-watch-");
    }
  }

  @Test
  void credentialsInTheUrlAreRefusedNamingWhereTheyGoInstead() {
    for (String url : new String[] {"postgresql://ana:secret@db/watch", "postgresql://ana@db/watch",
        "jdbc:postgresql://db/watch?password=secret", "postgresql://db/watch?ssl=true&user=ana"}) {
      assertThatThrownBy(() -> StoreLocation.parse(url, env)).as(url)
          .isInstanceOf(WatchfloorException.BadInput.class)
          .hasMessageContaining("PGPASSWORD")
          .hasMessageContaining(StoreLocation.PASSWORD_FILE_ENV)
          .hasMessageNotContaining("secret") // the refusal does not print the secret once more
          .hasMessageContaining("db");
    }
  }

  @Test
  void thePasswordComesFromTheEnvironmentOrAFileItNames() throws Exception {
    Path file = tmp.resolve("pw");
    Files.writeString(file, "from-file\nignored\n", StandardCharsets.UTF_8);
    StoreLocation.Server fromFile = (StoreLocation.Server) StoreLocation.parse("postgresql://db/watch",
        Map.of(StoreLocation.PASSWORD_FILE_ENV, file.toString(), StoreLocation.CACHE_ENV, tmp.toString()));
    assertThat(fromFile.password()).isEqualTo("from-file");
    assertThat(fromFile.properties().getProperty("password")).isEqualTo("from-file");
    assertThat(fromFile.toString()).doesNotContain("from-file");

    StoreLocation.Server fromEnv = (StoreLocation.Server) StoreLocation.parse("postgresql://db/watch",
        Map.of("PGPASSWORD", "from-env", StoreLocation.PASSWORD_FILE_ENV, file.toString(),
            StoreLocation.CACHE_ENV, tmp.toString()));
    assertThat(fromEnv.password()).isEqualTo("from-env");

    assertThatThrownBy(() -> StoreLocation.parse("postgresql://db/watch",
        Map.of(StoreLocation.PASSWORD_FILE_ENV, tmp.resolve("missing").toString())))
        .isInstanceOf(WatchfloorException.BadInput.class).hasMessageContaining("missing");
  }

  @Test
  void aUrlWithoutADatabaseIsRefused() {
    assertThatThrownBy(() -> StoreLocation.parse("postgresql://db.example:5432/", env))
        .isInstanceOf(WatchfloorException.BadInput.class).hasMessageContaining("postgresql://host[:port]/database");
  }

  @Test
  void ciIsRecognisedSoThatPostgresqlCasesFailThereInsteadOfSkipping() {
    assertThat(TestPostgres.inCi(Map.of("CI", "true"))).isTrue();
    assertThat(TestPostgres.inCi(Map.of("CI", "TRUE"))).isTrue();
    assertThat(TestPostgres.inCi(Map.of())).isFalse();
  }
}
