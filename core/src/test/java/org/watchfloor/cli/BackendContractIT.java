package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.watchfloor.store.Analysts;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import org.watchfloor.store.TestPostgres;

/**
 * The public contracts are the same on both backends: the same assertions on an SQLite store
 * and a PostgreSQL one, and for the same input the same bytes from {@code events --format jsonl},
 * {@code articles --format jsonl} and {@code search}. The one store-assigned timestamp these
 * contracts show is when an analyst's edit was made ({@code edits[].at}); {@code ingested_at},
 * {@code created_at} and {@code updated_at} stay in the database.
 */
class BackendContractIT {

  /** The sample corpus shipped in the jar: 42 articles, several events told by several outlets. */
  private static final Path CORPUS = Path.of("src/main/resources/sample-corpus/articles");

  enum Backend {
    SQLITE(dir -> dir.resolve("store").toString()),
    POSTGRESQL(dir -> TestPostgres.createDatabase());

    final Function<Path, String> create;

    Backend(Function<Path, String> create) {
      this.create = create;
    }
  }

  @TempDir Path tmp;
  private final List<String> databases = new ArrayList<>();

  private String store(Backend backend) {
    String store = backend.create.apply(tmp);
    if (backend == Backend.POSTGRESQL) {
      databases.add(store);
    }
    return store;
  }

  @AfterEach
  void dropDatabases() {
    databases.forEach(TestPostgres::drop);
  }

  private static String ok(String... args) {
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.exit()).as("%s%nstderr: %s", String.join(" ", args), r.err()).isZero();
    return r.out();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void ingestStoresTheCorpusAndAgainChangesNothing(Backend backend) {
    String store = store(backend);
    assertThat(ok("ingest", "--store", store, CORPUS.toString()))
        .startsWith("ingested 42 articles (0 already stored, 0 failed)")
        .contains(backend == Backend.SQLITE ? "store " + store : "store postgresql://"); // never a cache directory
    String events = ok("events", "--store", store, "--format", "jsonl");
    assertThat(events.lines().count()).isGreaterThan(10);
    assertThat(ok("ingest", "--store", store, CORPUS.toString())).startsWith("ingested 0 articles (42 already stored");
    assertThat(ok("events", "--store", store, "--format", "jsonl")).isEqualTo(events);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aReaderInAnotherProcessSearchesWhatTheWriterStored(Backend backend) {
    String store = store(backend);
    ok("ingest", "--store", store, CORPUS.toString());
    String hits = ok("search", "--store", store, "Hwasong-18");
    assertThat(hits).contains("Hwasong-18");
  }

  @Test
  void bothBackendsWriteTheSameContractsForTheSameInput() throws Exception {
    String sqlite = store(Backend.SQLITE);
    String postgres = store(Backend.POSTGRESQL);
    for (String store : List.of(sqlite, postgres)) {
      ok("ingest", "--store", store, CORPUS.toString());
    }
    for (List<String> command : List.of(
        List.of("events", "--format", "jsonl"),
        List.of("articles", "--format", "jsonl"),
        List.of("search", "launch", "--limit", "50"),
        List.of("search", "Hwasong", "--kind", "event"))) {
      String onSqlite = ok(args(command, sqlite));
      String onPostgres = ok(args(command, postgres));
      assertThat(onSqlite).as(String.join(" ", command)).isNotBlank();
      assertThat(onPostgres).as(String.join(" ", command)).isEqualTo(onSqlite);
    }
    assertThat(Files.exists(Path.of(sqlite, "WATCHFLOOR-STORE"))).isTrue();

    // analyst edits and a re-processing (the scratch tables, the swap) give the same record on both
    String[] ids = ok("events", "--store", sqlite, "--format", "jsonl").lines()
        .map(l -> l.substring(l.indexOf("\"id\":\"") + 6, l.indexOf("\"", l.indexOf("\"id\":\"") + 6)))
        .limit(3).toArray(String[]::new);
    for (String store : List.of(sqlite, postgres)) {
      try (Store s = Store.open(StoreLocation.parse(store, System.getenv()))) {
        Analysts.add(s, "ana"); // through AccountRows' own connection, as the workbench adds them
      }
      ok("edit", "reject", ids[0], "--analyst", "ana", "--note", "not an event", "--store", store);
      ok("edit", "merge", ids[1], ids[2], "--analyst", "ana", "--store", store);
      ok("reprocess", "--store", store);
    }
    String onSqlite = editTimesOut(ok("events", "--store", sqlite, "--format", "jsonl", "--include-rejected"));
    assertThat(onSqlite).contains("\"status\":\"rejected\"").contains("\"kind\":\"merge\"");
    assertThat(editTimesOut(ok("events", "--store", postgres, "--format", "jsonl", "--include-rejected")))
        .isEqualTo(onSqlite);
  }

  @Test
  void aStoreCopiedToPostgresqlAndBackGivesTheSameContracts() {
    String original = store(Backend.SQLITE);
    ok("ingest", "--store", original, CORPUS.toString());
    String server = store(Backend.POSTGRESQL);
    String back = tmp.resolve("back").toString();

    assertThat(ok("store", "copy", "--from", original, "--to", server))
        .startsWith("copied 42 articles, ")
        .contains("checked: the events and articles contracts of both are identical");
    assertThat(ok("store", "copy", "--from", server, "--to", back)).contains("checked: the events and articles");

    for (List<String> command : List.of(List.of("events", "--format", "jsonl"), List.of("articles", "--format", "jsonl"),
        List.of("search", "launch", "--limit", "50"))) {
      String expected = ok(args(command, original));
      assertThat(ok(args(command, server))).as("%s on the copy", command).isEqualTo(expected);
      assertThat(ok(args(command, back))).as("%s on the copy of the copy", command).isEqualTo(expected);
    }
    // the copy goes on where the original stopped: ingesting again adds nothing anywhere
    assertThat(ok("ingest", "--store", server, CORPUS.toString())).startsWith("ingested 0 articles (42 already stored");
  }

  @Test
  void aCopyIntoAStoreThatHoldsSomethingIsRefusedAndLeavesItAlone() {
    String one = store(Backend.SQLITE);
    ok("ingest", "--store", one, CORPUS.toString());
    String server = store(Backend.POSTGRESQL);
    ok("ingest", "--store", server, CORPUS.resolve("001-hwasong17-icbm-jcs-wire.txt").toString());

    CliRunner.Result r = CliRunner.run("store", "copy", "--from", one, "--to", server);
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("not empty (articles holds rows)");
    assertThat(ok("articles", "--store", server, "--format", "jsonl").lines().count()).isEqualTo(1);
  }

  /** The one store-assigned timestamp of these contracts: when an edit was made ({@code edits[].at}). */
  private static String editTimesOut(String jsonl) {
    return jsonl.replaceAll("\"at\":\"[0-9T:.Z-]+\"", "\"at\":\"(edit time)\"");
  }

  private static String[] args(List<String> command, String store) {
    List<String> all = new ArrayList<>(command.subList(0, 1));
    all.add("--store");
    all.add(store);
    all.addAll(command.subList(1, command.size()));
    return all.toArray(String[]::new);
  }
}
