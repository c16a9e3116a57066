package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;

/**
 * Facet counts from the index agree with counts made from the store's records, over a store built
 * from the sample corpus; they follow event changes, and an index without facets is rebuilt.
 */
class FacetedSearchTest {

  private static final Path SAMPLE = Path.of("src/main/resources/sample-corpus/articles");

  @TempDir Path tmp;
  private Store store;

  @BeforeEach
  void ingestSample() {
    store = Store.open(tmp.resolve("s"));
    new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {}).ingest(List.of(SAMPLE));
    store.syncIndex();
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** Facet name → value → hits having it, counted from the records of every hit of the query. */
  private Map<String, Map<String, Integer>> countedFromRecords(String query, Map<String, String> chosen) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    SearchIndex.FACETS.forEach(n -> counts.put(n, new HashMap<>()));
    store.inTransaction(() -> {
      for (SearchIndex.Hit h : store.search().search(query, null, 100_000)) {
        Map<String, Set<String>> v = recordValues(h);
        if (chosen.entrySet().stream().allMatch(c -> v.get(c.getKey()).contains(c.getValue()))) {
          v.forEach((name, values) -> values.forEach(x -> counts.get(name).merge(x, 1, Integer::sum)));
        }
      }
      return null;
    });
    return counts;
  }

  private Map<String, Set<String>> recordValues(SearchIndex.Hit h) throws java.sql.SQLException {
    Map<String, Set<String>> v = new HashMap<>();
    SearchIndex.FACETS.forEach(n -> v.put(n, new LinkedHashSet<>()));
    if (h.kind().equals("event")) {
      Event e = store.events().get(h.id()).orElseThrow();
      v.get("type").add(e.type());
      v.get("weapon").addAll(e.weapons());
      if (e.date().isKnown()) {
        v.get("year").add(Integer.toString(e.date().earliest().getYear()));
      }
      for (Report r : store.events().reportsOf(e.id())) {
        String outlet = store.articles().get(r.articleId()).orElseThrow().outlet();
        if (outlet != null) {
          v.get("outlet").add(outlet);
        }
      }
    } else {
      Article a = store.articles().get(h.id()).orElseThrow();
      if (a.outlet() != null) {
        v.get("outlet").add(a.outlet());
      }
      if (a.published() != null) {
        v.get("year").add(Integer.toString(a.published().localDay().getYear()));
      }
      for (Report r : store.events().reportsOfArticle(a.id())) {
        v.get("type").add(r.eventType());
        v.get("weapon").addAll(r.weapons());
      }
    }
    return v;
  }

  private static Map<String, Map<String, Integer>> asMaps(SearchIndex.Faceted f) {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    f.facets().forEach((name, values) -> {
      Map<String, Integer> m = new HashMap<>();
      values.forEach(c -> m.put(c.value(), c.count()));
      out.put(name, m);
    });
    return out;
  }

  @Test
  void theIndexCountsWhatTheRecordsSay() {
    SearchIndex.Faceted all = store.search().searchFaceted("missile", null, Map.of(), 10, 0, 1000);
    assertThat(all.total()).isEqualTo(store.search().search("missile", null, 100_000).size()).isGreaterThan(10);
    assertThat(all.hits()).hasSize(10);
    assertThat(asMaps(all)).isEqualTo(countedFromRecords("missile", Map.of()));
    assertThat(all.facets().get("outlet")).isNotEmpty();
    assertThat(all.facets().get("type")).isSortedAccordingTo((a, b) -> Integer.compare(b.count(), a.count()));
  }

  @Test
  void choosingAValueNarrowsTheHitsAndTheCounts() {
    SearchIndex.Faceted all = store.search().searchFaceted("missile", null, Map.of(), 10, 0, 1000);
    SearchIndex.FacetCount outlet = all.facets().get("outlet").get(0);
    String weapon = all.facets().get("weapon").get(0).value();

    SearchIndex.Faceted narrowed = store.search().searchFaceted("missile", null, Map.of("outlet", outlet.value()), 500, 0, 1000);
    assertThat(narrowed.total()).isEqualTo(outlet.count()).isLessThan(all.total());
    assertThat(asMaps(narrowed)).isEqualTo(countedFromRecords("missile", Map.of("outlet", outlet.value())));

    Map<String, String> both = Map.of("outlet", outlet.value(), "weapon", weapon);
    SearchIndex.Faceted twice = store.search().searchFaceted("missile", null, both, 500, 0, 1000);
    assertThat(asMaps(twice)).isEqualTo(countedFromRecords("missile", both));
    assertThat(twice.total()).isEqualTo(twice.hits().size()).isLessThanOrEqualTo(narrowed.total());
  }

  @Test
  void aChangedEventIsCountedWithItsNewValuesOnceTheIndexCatchesUp() {
    SearchIndex.Hit hit = store.search().search("missile", "event", 1).get(0);
    Event before = store.inTransaction(() -> store.events().get(hit.id()).orElseThrow());
    Event after = new Event(before.id(), before.type(), before.date(), before.planned(), before.actors(),
        List.of("Test-Weapon-X"), before.locations(), before.attributes(), before.summary(), before.confidence(),
        before.reports(), before.independentOrigins(), before.conflicts());
    store.inTransaction(() -> {
      store.events().upsert(after);
      return null;
    });
    store.syncIndex();

    SearchIndex.Faceted f = store.search().searchFaceted("missile", "event", Map.of("weapon", "Test-Weapon-X"), 10, 0, 10);
    assertThat(f.hits()).extracting(SearchIndex.Hit::id).containsExactly(before.id());
    assertThat(f.facets().get("weapon")).containsExactly(new SearchIndex.FacetCount("Test-Weapon-X", 1));
  }

  @Test
  void aRebuildTakesUpReportsChangedUnderArticlesAlreadyIndexed() throws Exception {
    SearchIndex.Hit article = store.search().search("missile", "article", 1).get(0);
    // what a re-processing does: the article's reports derived again, of another type
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("s/watchfloor.db"));
        java.sql.PreparedStatement ps = db.prepareStatement("UPDATE reports SET type = 'test_type' WHERE article_id = ?")) {
      ps.setString(1, article.id());
      assertThat(ps.executeUpdate()).isPositive();
    }
    store.syncIndex();
    Map<String, String> chosen = Map.of("type", "test_type");
    assertThat(store.search().searchFaceted("missile", "article", chosen, 10, 0, 0).total()).as("not caught up").isZero();

    store.rebuildIndex();
    SearchIndex.Faceted f = store.search().searchFaceted("missile", "article", chosen, 10, 0, 0);
    assertThat(f.hits()).extracting(SearchIndex.Hit::id).containsExactly(article.id());
    assertThat(asMaps(store.search().searchFaceted("missile", null, Map.of(), 1, 0, 1000)))
        .isEqualTo(countedFromRecords("missile", Map.of()));
  }

  @Test
  void anIndexWrittenWithoutFacetsIsRebuiltWhenTheStoreOpens() throws Exception {
    int total = store.search().searchFaceted("missile", null, Map.of(), 1, 0, 0).total();
    store.close();
    // an index as an older Watchfloor left it: caught up (by its sequence numbers) but of no known layout
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("s/index"));
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      w.deleteAll();
      w.setLiveCommitData(Map.of("article_seq", "999999", "event_seq", "999999").entrySet());
      w.commit();
    }
    store = Store.open(tmp.resolve("s"));
    SearchIndex.Faceted f = store.search().searchFaceted("missile", null, Map.of(), 1, 0, 20);
    assertThat(f.total()).isEqualTo(total);
    assertThat(f.facets().get("outlet")).isNotEmpty();
  }
}
