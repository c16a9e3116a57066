package org.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extraction;
import org.watchfloor.extract.Extractor;
import org.watchfloor.model.Article;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.resolve.Editor;
import org.watchfloor.store.SearchIndex;
import org.watchfloor.store.ShadowTables;
import org.watchfloor.store.Analysts;
import org.watchfloor.store.Store;

/** Re-processing the sample corpus: event ids kept, analyst edits kept, all or nothing. */
class ReprocessorTest {

  private static final Path SAMPLE = Path.of("src/main/resources/sample-corpus/articles");
  private static final Extractor EXTRACTOR = new Extractor(WatchProfile.load("dprk"));

  @TempDir Path tmp;
  private Store store;
  private Editor editor;

  @BeforeEach
  void ingestSample() {
    store = Store.open(tmp.resolve("s"));
    new Pipeline(store, EXTRACTOR, new Pipeline.Listener() {}).ingest(List.of(SAMPLE));
    Analysts.add(store, "ana", "bo");
    editor = new Editor(store, WatchProfile.load("dprk"), Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Reprocessor.Summary reprocess() {
    return new Reprocessor(store, EXTRACTOR).run(7, new Reprocessor.Listener() {});
  }

  @Test
  void everyArticleRecordsTheExtractorThatMadeItsReports() {
    List<String> ids = new ArrayList<>();
    for (TreeSet<String> reports : eventsByArticles().values()) {
      reports.forEach(r -> ids.add(r.substring(0, r.indexOf('/'))));
    }
    assertThat(ids).isNotEmpty();
    for (String id : ids) {
      assertThat(store.inTransaction(() -> store.articles().extractedBy(id))).as(id).contains(EXTRACTOR.modelVersion());
    }
    assertThat(EXTRACTOR.modelVersion()).startsWith("rules+relevance-");
  }

  /** Each event id with the (article, report type) pairs behind it: what "the same events" means. */
  private Map<String, TreeSet<String>> eventsByArticles() {
    return store.inTransaction(() -> {
      Map<String, TreeSet<String>> out = new TreeMap<>();
      for (Event e : store.events().list(null, 0)) {
        out.put(e.id(), store.events().reportsOf(e.id()).stream().map(r -> r.articleId() + "/" + r.eventType())
            .collect(Collectors.toCollection(TreeSet::new)));
      }
      return out;
    });
  }

  private List<Report> reportsOf(String eventId) {
    return store.inTransaction(() -> store.events().reportsOf(eventId));
  }

  /** Two events of one type, the first with at least two articles behind it. */
  private List<String> twoEventsOfOneType() {
    Map<String, TreeSet<String>> events = eventsByArticles();
    List<Event> all = store.inTransaction(() -> store.events().list(null, 0));
    for (Event a : all) {
      for (Event b : all) {
        if (a != b && a.type().equals(b.type()) && events.get(a.id()).size() >= 2) {
          return List.of(a.id(), b.id());
        }
      }
    }
    throw new AssertionError("the sample corpus should hold two events of one type");
  }

  @Test
  void eventIdsSurviveReprocessingWhenTheExtractorIsUnchanged() {
    Map<String, TreeSet<String>> before = eventsByArticles();
    assertThat(before).hasSizeGreaterThan(10);

    Reprocessor.Summary s = reprocess();

    assertThat(eventsByArticles()).isEqualTo(before);
    assertThat(s.idsKept()).isEqualTo(before.size());
    assertThat(s.articles()).isEqualTo((int) store.count("articles"));
  }

  /**
   * A "newer extractor": the same findings under other report ids, so that every event
   * resolution creates is named differently than before (the order of reports is kept: it
   * decides which reports resolve together).
   */
  private static Extraction renamed(Article a) {
    Extraction x = EXTRACTOR.extract(a);
    List<Report> out = new ArrayList<>();
    for (int i = 0; i < x.reports().size(); i++) {
      Report r = x.reports().get(i);
      out.add(new Report(r.articleId() + "-v2-" + i, r.articleId(), r.eventType(), r.date(), r.planned(),
          r.background(), r.actors(), r.weapons(), r.locations(), r.attributes(), r.evidence(), r.evidenceStart(),
          r.evidenceEnd(), r.attribution(), r.certainty(), r.origin(), r.claims()));
    }
    return new Extraction(x.mentions(), out);
  }

  @Test
  void eventIdsAndAMergeSurviveAnExtractorThatNamesEverythingAnew() {
    List<String> pair = twoEventsOfOneType();
    editor.merge(pair.get(0), pair.get(1), "ana", null);
    Map<String, TreeSet<String>> before = eventsByArticles();

    Reprocessor.Summary s = new Reprocessor(store, ReprocessorTest::renamed, EXTRACTOR::origin, EXTRACTOR.profile(), "renaming-2")
        .run(7, new Reprocessor.Listener() {});

    assertThat(eventsByArticles()).isEqualTo(before);
    for (String article : before.values().stream().flatMap(TreeSet::stream).map(a -> a.substring(0, a.indexOf('/'))).toList()) {
      assertThat(store.inTransaction(() -> store.articles().extractedBy(article))).as(article).contains("renaming-2");
    }
    assertThat(s.idsKept()).isEqualTo(before.size());
    assertThat(store.inTransaction(() -> store.events().reportsOf(pair.get(0))))
        .allSatisfy(r -> assertThat(r.id()).contains("-v2-"));
  }

  /** A newer extractor that calls every happening "other". */
  private static Extraction retyped(Article a) {
    Extraction x = EXTRACTOR.extract(a);
    List<Report> out = new ArrayList<>();
    for (Report r : x.reports()) {
      out.add(new Report(r.id(), r.articleId(), "other", r.date(), r.planned(), r.background(), r.actors(),
          r.weapons(), r.locations(), r.attributes(), r.evidence(), r.evidenceStart(), r.evidenceEnd(),
          r.attribution(), r.certainty(), r.origin(), r.claims()));
    }
    return new Extraction(x.mentions(), out);
  }

  @Test
  void theSearchIndexFacetsArticlesByWhatTheNewerExtractorFound() {
    assertThat(articleTypes()).contains("missile_launch");

    new Reprocessor(store, ReprocessorTest::retyped, EXTRACTOR::origin, EXTRACTOR.profile(), "retyping-2")
        .run(7, new Reprocessor.Listener() {});

    assertThat(articleTypes()).containsExactly("other");
  }

  /** The report types the search index counts over the articles that mention missiles. */
  private List<String> articleTypes() {
    return store.search().searchFaceted("missile", "article", Map.of(), 10, 0, 20).facets().get("type").stream()
        .map(SearchIndex.FacetCount::value).toList();
  }

  /** The report types the index of {@code s} counts over the articles that mention missiles. */
  private static List<String> articleTypes(Store s) {
    return s.search().searchFaceted("missile", "article", Map.of(), 10, 0, 20).facets().get("type").stream()
        .map(SearchIndex.FacetCount::value).toList();
  }

  @Test
  void anIndexLeftFromBeforeTheSwapIsRebuiltByTheNextWriter() throws Exception {
    Path dir = store.dir();
    store.close();
    Path before = tmp.resolve("index-before");
    copyTree(dir.resolve("index"), before);
    store = Store.open(dir);

    new Reprocessor(store, ReprocessorTest::retyped, EXTRACTOR::origin, EXTRACTOR.profile(), "retyping-2")
        .run(7, new Reprocessor.Listener() {});
    store.close();
    // what a kill after the swap's commit and before the rebuild's leaves: the new database, the old index
    deleteTree(dir.resolve("index"));
    copyTree(before, dir.resolve("index"));

    store = Store.open(dir);
    assertThat(articleTypes(store)).containsExactly("other");
  }

  @Test
  void aRunKilledBetweenTheSwapAndTheIndexRebuildLeavesNoReaderSearchingStaleFacets() throws Exception {
    Path dir = store.dir();
    assertThatThrownBy(() -> new Reprocessor(store, ReprocessorTest::retyped, EXTRACTOR::origin, EXTRACTOR.profile(),
        "retyping-2").run(7, new Reprocessor.Listener() {
          @Override
          public void swapped() {
            throw new IllegalStateException("killed");
          }
        })).hasMessage("killed");
    store.close();

    // a writer holds the index (say, one rebuilding it): the reader searches the old index, and says so
    try (FSDirectory index = FSDirectory.open(dir.resolve("index"));
        Lock held = index.obtainLock(IndexWriter.WRITE_LOCK_NAME);
        Store reader = Store.openReadOnly(dir)) {
      assertThat(reader.checkIndex()).hasValueSatisfying(note -> assertThat(note).contains("stale"));
      assertThat(articleTypes(reader)).contains("missile_launch");
    }
    // no writer: the reader rebuilds it before it searches
    try (Store reader = Store.openReadOnly(dir)) {
      assertThat(reader.checkIndex()).isEmpty();
      assertThat(articleTypes(reader)).containsExactly("other");
    }
    store = Store.open(dir);
    assertThat(articleTypes(store)).containsExactly("other");
  }

  static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  @Test
  void aMergeKeepsTheSurvivingIdAcrossReprocessing() {
    List<String> pair = twoEventsOfOneType();
    String survivor = pair.get(0);
    String other = pair.get(1);
    TreeSet<String> together = new TreeSet<>(eventsByArticles().get(survivor));
    together.addAll(eventsByArticles().get(other));

    Edit merge = editor.merge(survivor, other, "ana", "same launch");
    assertThat(merge.status()).isEqualTo(Edit.Status.APPLIED);
    assertThat(eventsByArticles()).containsEntry(survivor, together).doesNotContainKey(other);

    reprocess();

    Map<String, TreeSet<String>> after = eventsByArticles();
    assertThat(after).containsEntry(survivor, together).doesNotContainKey(other);
    assertThat(store.inTransaction(() -> store.edits().all())).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(Edit.Status.APPLIED));
  }

  @Test
  void aMergeOfTwoEventsOneArticleReportsAsOneTypeTakesBothReportsAndSurvivesReprocessing() {
    // an article with two reports of one type on two events: a pin holds for its first report only
    Map<String, TreeSet<String>> events = eventsByArticles();
    String survivor = null;
    String other = null;
    for (var a : events.entrySet()) {
      for (var b : events.entrySet()) {
        if (survivor == null && !a.getKey().equals(b.getKey())
            && a.getValue().stream().anyMatch(b.getValue()::contains)) {
          survivor = a.getKey();
          other = b.getKey();
        }
      }
    }
    assertThat(other).as("the sample corpus has an article reporting two events of one type").isNotNull();
    TreeSet<String> together = new TreeSet<>(events.get(survivor));
    together.addAll(events.get(other));
    int reports = reportsOf(survivor).size() + reportsOf(other).size();

    editor.merge(survivor, other, "ana", null);

    assertThat(eventsByArticles()).containsEntry(survivor, together).doesNotContainKey(other);
    assertThat(reportsOf(survivor)).hasSize(reports);

    reprocess();

    assertThat(eventsByArticles()).containsEntry(survivor, together).doesNotContainKey(other);
    assertThat(reportsOf(survivor)).hasSize(reports);
  }

  @Test
  void aMergeLeavesAReportOfTheSameArticleAndTypeOnAThirdEventWhereItIs() {
    // an article with reports of one type on two events: merging the event of its later report
    // into a third event must not take the earlier report off its own event
    List<Report> pair = store.inTransaction(() -> {
      for (Event e : store.events().list(null, 0)) {
        for (Report r : store.events().reportsOf(e.id())) {
          List<Report> same = store.events().reportsOfArticle(r.articleId()).stream()
              .filter(o -> o.eventType().equals(r.eventType())).toList();
          if (same.size() > 1) {
            String first = store.events().eventOfReport(same.get(0).id()).orElseThrow();
            String second = store.events().eventOfReport(same.get(1).id()).orElseThrow();
            if (!first.equals(second)) {
              return same.subList(0, 2);
            }
          }
        }
      }
      return List.of();
    });
    assertThat(pair).as("the sample corpus has an article reporting one type on two events").hasSize(2);
    String kept = store.inTransaction(() -> store.events().eventOfReport(pair.get(0).id()).orElseThrow());
    String merged = store.inTransaction(() -> store.events().eventOfReport(pair.get(1).id()).orElseThrow());
    String third = store.inTransaction(() -> store.events().list(pair.get(0).eventType(), 0).stream().map(Event::id)
        .filter(id -> !id.equals(kept) && !id.equals(merged)).findFirst().orElseThrow());

    editor.merge(third, merged, "ana", null);

    assertThat(store.inTransaction(() -> store.events().eventOfReport(pair.get(0).id()))).contains(kept);
    assertThat(store.inTransaction(() -> store.events().eventOfReport(pair.get(1).id()))).contains(third);
  }

  @Test
  void aSplitSurvivesReprocessing() {
    String event = twoEventsOfOneType().get(0);
    String article = reportsOf(event).get(0).articleId();
    int reports = reportsOf(event).size();

    Edit split = editor.split(event, List.of(article), "ana", null);
    String splitEvent = split.pins().stream().filter(p -> p.articleId().equals(article)).findFirst().orElseThrow().event();
    assertThat(reportsOf(splitEvent)).extracting(Report::articleId).containsOnly(article);

    Map<String, TreeSet<String>> edited = eventsByArticles();
    reprocess();

    assertThat(eventsByArticles()).isEqualTo(edited);
    assertThat(reportsOf(splitEvent)).extracting(Report::articleId).containsOnly(article);
    assertThat(reportsOf(event)).hasSize(reports - reportsOf(splitEvent).size())
        .extracting(Report::articleId).doesNotContain(article);
  }

  @Test
  void corrections_andVerdictsSurviveReprocessing() {
    String event = twoEventsOfOneType().get(0);
    editor.correct(event, "range_km", "1234", "ana", "per the MoD briefing");
    editor.reject(twoEventsOfOneType().get(1), "bo", null);

    reprocess();

    Event e = store.inTransaction(() -> store.events().get(event)).orElseThrow();
    assertThat(e.attributes()).containsEntry("range_km", "1234");
    assertThat(store.inTransaction(() -> store.edits().all())).extracting(Edit::status)
        .containsOnly(Edit.Status.APPLIED);
  }

  @Test
  void aRunKilledBeforeTheSwapLeavesTheOldDerivedData() {
    String event = twoEventsOfOneType().get(0);
    editor.split(event, List.of(reportsOf(event).get(0).articleId()), "ana", null);
    Map<String, TreeSet<String>> before = eventsByArticles();
    long mentions = store.count("mentions");
    long claims = store.count("claims");

    assertThatThrownBy(() -> new Reprocessor(store, EXTRACTOR).run(5, new Reprocessor.Listener() {
      @Override
      public void batchDone(int articlesSoFar) {
        if (articlesSoFar >= 15) {
          throw new IllegalStateException("killed");
        }
      }
    })).hasMessage("killed");

    assertThat(eventsByArticles()).isEqualTo(before);
    assertThat(store.count("mentions")).isEqualTo(mentions);
    assertThat(store.count("claims")).isEqualTo(claims);

    reprocess(); // and the next run starts clean
    assertThat(eventsByArticles()).isEqualTo(before);
  }

  @Test
  void aRunKilledDuringTheSwapIsRolledBackWhole() {
    Map<String, TreeSet<String>> before = eventsByArticles();
    long mentions = store.count("mentions");
    ShadowTables shadow = store.shadow();

    // an empty shadow swapped in would wipe every event: a failure after it must undo all of it
    assertThatThrownBy(() -> store.inTransaction(() -> {
      shadow.begin();
      shadow.swap(Map.of());
      assertThat(store.events().list(null, 0)).isEmpty();
      throw new IllegalStateException("killed");
    })).hasMessage("killed");

    assertThat(eventsByArticles()).isEqualTo(before);
    assertThat(store.count("mentions")).isEqualTo(mentions);
  }

  @Test
  void aBatchSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> new Reprocessor(store, EXTRACTOR).run(0, new Reprocessor.Listener() {}))
        .isInstanceOf(org.watchfloor.WatchfloorException.BadInput.class);
  }
}
