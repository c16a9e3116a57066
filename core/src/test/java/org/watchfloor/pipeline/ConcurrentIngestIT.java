package org.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.alert.Decider;
import org.watchfloor.bench.CorpusGenerator;
import org.watchfloor.eval.clusters.ClusterEvaluation;
import org.watchfloor.eval.clusters.ClusterScores;
import org.watchfloor.extract.Extractor;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.resolve.Editor;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.store.Analysts;
import org.watchfloor.store.CommitOrder;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import org.watchfloor.store.TestPostgres;

/**
 * A team's store: two ingests given overlapping input and two analysts editing, all at once on
 * one PostgreSQL database, as two {@code ingest} processes and a {@code serve} on one machine
 * would (each with a {@link Store} of its own, sharing the machine's cache directory of local
 * search indexes). Against one ingest of the same input into another database: the same articles,
 * none lost and none twice; the same events, holding the same reports (so no event twice and the
 * same clustering score against the corpus's ground truth); every edit in the edit log, in the
 * order each analyst made them, and on an event that still exists (event ids stay put).
 *
 * <p>Skipped without {@value TestPostgres#ENV} on a developer's machine; fails in CI without it
 * (see {@link TestPostgres}).
 */
class ConcurrentIngestIT {

  private static final int ARTICLES = 500;
  private static final long SEED = 19;

  @TempDir Path tmp;
  private final List<String> databases = new ArrayList<>();

  @AfterEach
  void dropDatabases() {
    databases.forEach(TestPostgres::drop);
  }

  private String database() {
    String url = TestPostgres.createDatabase();
    databases.add(url);
    return url;
  }

  /** The store at {@code url} as a process on this test's machine names it. */
  private StoreLocation location(String url) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(StoreLocation.CACHE_ENV, tmp.resolve("cache").toString());
    return StoreLocation.parse(url, env);
  }

  private record Analyst(String name, List<Edit> made) {}

  @Test
  void twoIngestsAndTwoAnalystsAtOnceStoreWhatOneIngestStores() throws Exception {
    Path corpus = tmp.resolve("corpus");
    new CorpusGenerator(SEED).generate(ARTICLES, corpus);
    List<String> lines = Files.readAllLines(corpus.resolve("articles.jsonl"), StandardCharsets.UTF_8);
    // two watchers of overlapping feeds: each takes two articles of three, in the corpus's order
    // (a third of it both take), so both meet each happening's articles at about the same time
    Path first = write("first.jsonl", every(lines, 2));
    Path second = write("second.jsonl", every(lines, 0));
    WatchProfile profile = WatchProfile.load("dprk");

    StoreLocation shared = location(database());
    try (Store store = Store.open(shared)) {
      Analysts.add(store, "ana", "bo");
    }
    CommitOrder.record(shared);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    AtomicBoolean ingesting = new AtomicBoolean(true);
    List<Future<IngestSummary>> ingests = new ArrayList<>();
    try {
      for (Path input : List.of(first, second)) {
        ingests.add(threads.submit(() -> {
          try (Store store = Store.open(shared)) {
            return pipeline(store, profile).ingestFiles(List.of(input)).summary();
          }
        }));
      }
      List<Future<Analyst>> analysts = new ArrayList<>();
      for (String name : List.of("ana", "bo")) {
        analysts.add(threads.submit(editing(shared, profile, name, ingesting)));
      }
      for (Future<IngestSummary> f : ingests) {
        IngestSummary s = f.get(10, TimeUnit.MINUTES);
        assertThat(s.problemCount()).as("problems of an ingest beside others: %s", s.problems()).isZero();
      }
      ingesting.set(false);
      List<Analyst> edited = new ArrayList<>();
      for (Future<Analyst> f : analysts) {
        edited.add(f.get(2, TimeUnit.MINUTES));
      }

      // the same input as one ingest takes it, in the order the two committed it
      Map<String, String> byUrl = new HashMap<>();
      for (String line : lines) {
        String url = JSON.readTree(line).get("url").asText();
        assertThat(byUrl.put(url, line)).as("two articles of the corpus at %s", url).isNull();
      }
      List<String> order = CommitOrder.urls(shared);
      assertThat(order).as("articles stored twice").doesNotHaveDuplicates();
      assertThat(missing(byUrl.keySet(), new java.util.HashSet<>(order))).as("articles lost").isEmpty();
      assertThat(order).hasSameSizeAs(lines);
      Path committed = write("committed.jsonl", order.stream().map(byUrl::get).toList());
      Clustering reference;
      try (Store store = Store.open(location(database()))) {
        IngestSummary s = pipeline(store, profile).ingestFiles(List.of(committed)).summary();
        assertThat(s.problemCount()).as("problems of the single ingest: %s", s.problems()).isZero();
        reference = Clustering.of(store, corpus);
      }

      try (Store store = Store.open(shared)) {
        Clustering together = Clustering.of(store, corpus);
        assertThat(together.articles()).isEqualTo(reference.articles());
        assertThat(missing(reference.events(), together.events()).size()).as("events (by their reports) of the"
            + " single ingest that the two made otherwise, of %d", reference.events().size()).isZero();
        assertThat(together.events()).as("events").hasSameSizeAs(reference.events());
        assertThat(together.score().pairwiseF1()).isEqualTo(reference.score().pairwiseF1());
        assertThat(together.score().bcubedF1()).isEqualTo(reference.score().bcubedF1());
        assertThat(sharedChangeSeqs(shared)).as("change sequences that two events hold (number: events)").isEmpty();

        List<Edit> log = store.inTransaction(() -> store.edits().all());
        int made = 0;
        for (Analyst a : edited) {
          assertThat(a.made()).as("edits %s made while both ingested", a.name()).isNotEmpty();
          made += a.made().size();
          List<Long> ids = a.made().stream().map(Edit::id).toList();
          assertThat(ids).as("%s's edits, in the order made", a.name()).isSorted();
          for (Edit e : a.made()) {
            assertThat(log).as("the edit log").anySatisfy(l -> {
              assertThat(l.id()).isEqualTo(e.id());
              assertThat(l.kind()).isEqualTo(e.kind());
              assertThat(l.target()).isEqualTo(e.target());
              assertThat(l.analyst()).isEqualTo(a.name());
            });
            assertThat(store.inTransaction(() -> store.events().get(e.target()))).as("event %s edited", e.target())
                .isPresent();
          }
        }
        assertThat(log).hasSize(made);
      }
    } finally {
      ingesting.set(false);
      threads.shutdownNow();
      threads.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  /**
   * The change sequences that more than one event holds, with how many: none, whichever writer took
   * its number first or committed first (each takes them from the store's sequence, schema 74).
   */
  private static Map<Long, Long> sharedChangeSeqs(StoreLocation store) throws java.sql.SQLException {
    Map<Long, Long> out = new HashMap<>();
    try (java.sql.Connection db = store.connect(true); java.sql.Statement s = db.createStatement();
        java.sql.ResultSet rs = s.executeQuery(
            "SELECT change_seq, COUNT(*) FROM events GROUP BY change_seq HAVING COUNT(*) > 1")) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getLong(2));
      }
      db.rollback();
    }
    return out;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** What {@code expected} holds that {@code found} does not. */
  private static <T> Set<T> missing(Set<T> expected, Set<T> found) {
    Set<T> out = new java.util.HashSet<>(expected);
    out.removeAll(found);
    return out;
  }

  /** The lines but every third from {@code skip} on. */
  private static List<String> every(List<String> lines, int skip) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (i % 3 != skip) {
        out.add(lines.get(i));
      }
    }
    return out;
  }

  private Path write(String name, List<String> lines) throws java.io.IOException {
    Path file = tmp.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static Pipeline pipeline(Store store, WatchProfile profile) {
    return new Pipeline(store, new Extractor(profile), new Pipeline.Listener() {}, Optional.empty());
  }

  /**
   * An analyst at the workbench of a {@code serve} process: for as long as the ingests run,
   * confirms, rejects or corrects the outcome of an event picked at random (none of which moves a
   * report), each through the writer the workbench writes with, as its edit routes do.
   */
  private Callable<Analyst> editing(StoreLocation where, WatchProfile profile, String name, AtomicBoolean ingesting) {
    return () -> {
      SplittableRandom random = new SplittableRandom(name.hashCode());
      StoreWriter writer = StoreWriter.opening(where, where.dir()).waiting(java.time.Duration.ofMinutes(1));
      List<Edit> made = new ArrayList<>();
      while (ingesting.get() || made.isEmpty()) {
        Edit edit = writer.write(store -> {
          List<Event> events = store.inTransaction(() -> store.events().list(null, 0));
          if (events.isEmpty()) {
            return null;
          }
          String id = events.get(random.nextInt(events.size())).id();
          Editor editor = new Editor(store, profile, Clock.systemUTC(), new Decider(store));
          return switch (random.nextInt(3)) {
            case 0 -> editor.confirm(id, name, "seen");
            case 1 -> editor.reject(id, name, null);
            default -> editor.correct(id, "outcome", random.nextBoolean() ? "success" : "failure", name, null);
          };
        });
        if (edit != null) {
          made.add(edit);
        }
        Thread.sleep(50);
      }
      return new Analyst(name, made);
    };
  }

  /**
   * What an ingest made of the corpus: the ids of the articles stored, each event as the ids of
   * its reports (event ids are named after the report that came first, which two ingests racing
   * over the same input may see in another order), and the score against the ground truth.
   */
  private record Clustering(Set<String> articles, Set<Set<String>> events, ClusterScores score) {

    static Clustering of(Store store, Path corpus) throws SQLException, java.io.IOException {
      Set<String> articles = new TreeSet<>();
      store.articles().refs().forEach(r -> articles.add(r.id()));
      Set<Set<String>> events = new java.util.HashSet<>();
      store.inTransaction(() -> {
        for (Event e : store.events().list(null, 0)) {
          Set<String> reports = new TreeSet<>();
          for (Report r : store.events().reportsOf(e.id())) {
            reports.add(r.id());
          }
          assertThat(reports).as("reports of event %s", e.id()).isNotEmpty();
          assertThat(events.add(Collections.unmodifiableSet(reports))).as("event %s twice", e.id()).isTrue();
        }
        return null;
      });
      ClusterScores score = ClusterEvaluation.score(corpus.resolve("gold-events.csv"), null, store, false,
          new IngestSummary(0, 0, 0, 0, List.of(), new StageTimes(0, 0, 0, 0)), 0).scores();
      return new Clustering(articles, events, score);
    }
  }
}
