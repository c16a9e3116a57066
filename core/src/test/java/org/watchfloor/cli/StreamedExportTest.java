package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import org.watchfloor.store.TestPostgres;

/**
 * {@code events --format jsonl}, {@code articles --format jsonl} and {@code export} write the
 * record as they read it: run in a JVM of its own with a 32 MB heap, each exports a store holding
 * about three times that much text (events with long summaries, articles with long texts), which
 * a command holding every row before writing cannot do (it ran out of memory before the rows
 * were streamed). The output is still every row, in the listing's order. On PostgreSQL the rows
 * come through a cursor (a fetch size inside the read's transaction) while each event's reports
 * are read beside it on the same connection.
 */
class StreamedExportTest {

  /** Rows and their text: 3,000 × 24 KB = 72 MB of characters, beside a 32 MB heap. */
  private static final int ROWS = 3_000;
  private static final int TEXT_CHARS = 24_000;
  private static final String HEAP = "-Xmx32m";

  @TempDir static Path tmp;
  private static final Map<Backend, String> STORES = new EnumMap<>(Backend.class);

  /** The two backends; the PostgreSQL one is skipped without a test server (see {@link TestPostgres}). */
  enum Backend { SQLITE, POSTGRESQL }

  /** The store of {@code backend}, filled on first use. */
  private static synchronized String store(Backend backend) {
    return STORES.computeIfAbsent(backend, b -> {
      String where = b == Backend.SQLITE ? tmp.resolve("store").toString() : TestPostgres.createDatabase();
      fill(where);
      return where;
    });
  }

  @AfterAll
  static void dropDatabase() {
    String server = STORES.get(Backend.POSTGRESQL);
    if (server != null) {
      TestPostgres.drop(server);
    }
  }

  private static void fill(String where) {
    String filler = "The launch was reported by several outlets in slightly different words. ".repeat(TEXT_CHARS / 72);
    try (Store s = Store.open(StoreLocation.parse(where, System.getenv()))) {
      s.inTransaction(() -> {
        for (int i = 0; i < ROWS; i++) {
          String n = String.format("%05d", i);
          s.events().upsert(new Event("ev" + n, "missile_launch", EventDate.day(LocalDate.of(2020, 1, 1).plusDays(i)),
              false, List.of("KPA"), List.of(), List.of(), Map.of(), "Event " + n + ". " + filler, 0.5, 0, 0, List.of()));
          String text = "Article " + n + ". " + filler;
          s.articles().insert(new Article("ar" + n, "https://example.org/" + n, null, "Example", "Article " + n, null,
                  null, "en", text, "hash" + n, Set.of(), null, Map.of(), List.of()),
              new RawDocument("test:" + n, null, RawDocument.Format.TEXT, new byte[0], Map.of()), List.of());
        }
        return null;
      });
    }
  }

  /** Runs the command line in a new JVM with a small heap, its standard output into a file. */
  private static List<String> runSmall(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(tmp, "out", ".jsonl");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the export ends").isTrue();
    assertThat(p.exitValue()).as("exit of %s under %s; stderr:%n%s", String.join(" ", args), HEAP,
        Files.readString(err, StandardCharsets.UTF_8)).isZero();
    try (Stream<String> lines = Files.lines(out, StandardCharsets.UTF_8)) {
      return lines.map(l -> l.substring(0, Math.min(l.length(), 40))).toList();
    }
  }

  private static List<String> ids(String prefix, int from, int step) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i >= 0 && i < ROWS; i += step) {
      ids.add(prefix + String.format("%05d", i));
    }
    return ids;
  }

  private static List<String> idsOf(List<String> heads) {
    return heads.stream().map(h -> h.substring(h.indexOf("\"id\":\"") + 6, h.indexOf("\"id\":\"") + 13)).toList();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void eventsAreWrittenNewestFirstUnderASmallHeap(Backend backend) throws Exception {
    List<String> heads = runSmall("events", "--format", "jsonl", "--store", store(backend));
    assertThat(idsOf(heads)).isEqualTo(ids("ev", ROWS - 1, -1));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void articlesAreWrittenInIngestOrderUnderASmallHeap(Backend backend) throws Exception {
    List<String> heads = runSmall("articles", "--format", "jsonl", "--store", store(backend));
    assertThat(idsOf(heads)).isEqualTo(ids("ar", 0, 1));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theExportIsWrittenUnderASmallHeap(Backend backend) throws Exception {
    List<String> heads = runSmall("export", "--format", "jsonl", "--store", store(backend));
    assertThat(idsOf(heads)).isEqualTo(ids("ev", ROWS - 1, -1));
  }
}
