package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every schema version is written for both databases: the PostgreSQL location starts at 20 (the
 * whole SQLite schema up to 20 in one script), and from there each SQLite migration has one of the
 * same version in db/postgresql, so that a store of either kind at a version means one schema.
 */
class MigrationPairsTest {

  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

  private static TreeSet<Integer> versions(String location) throws IOException {
    TreeSet<Integer> out = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources", location))) {
      for (Path p : files.toList()) {
        Matcher m = VERSION.matcher(p.getFileName().toString());
        if (m.matches()) {
          out.add(Integer.parseInt(m.group(1)));
        }
      }
    }
    return out;
  }

  @Test
  void eachSqliteSchemaFrom20OnHasItsPostgresqlTwin() throws IOException {
    TreeSet<Integer> sqlite = versions("db/migration");
    TreeSet<Integer> postgres = versions("db/postgresql");
    assertThat(postgres.first()).isEqualTo(20);
    assertThat(List.copyOf(postgres)).as("PostgreSQL migrations (db/postgresql) against SQLite's (db/migration)")
        .isEqualTo(List.copyOf(sqlite.tailSet(20)));
  }
}
