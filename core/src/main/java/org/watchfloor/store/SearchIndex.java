package org.watchfloor.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.FSDirectory;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.jspecify.annotations.Nullable;

/**
 * The full-text index over articles and events. Derived from the database: its commit data
 * records the last article and event change it holds (and on PostgreSQL the snapshot it read
 * them under, see {@code Dialect#committedSnapshot}), so the store can bring it up to date.
 * Events leave the database too (merged away by an analyst, not derived again by a
 * re-processing); a commit that follows event changes drops those from the index as well. The
 * commit data also names the generation of the database it was built for (see {@code
 * Store#markIndexStale}): an index of another generation is stale and is rebuilt whole.
 *
 * <p>Each document carries its facet values ({@link IndexFacets}: type, weapon, outlet, year) as
 * sorted-set doc values, so a search counts them from the index instead of reading every hit's
 * records. An index written before facets (or in any other layout) is rebuilt on open.
 */
public final class SearchIndex implements AutoCloseable {

  /** One search hit: an article or an event, its score, and a snippet with the match marked. */
  public record Hit(String kind, String id, String title, float score, String snippet) {}

  /** A facet value and how many of the hits have it. */
  public record FacetCount(String value, int count) {}

  /**
   * A page of the hits narrowed to the chosen facet values, how many such hits there are, and
   * per facet ({@link #FACETS}, in order) its most frequent values among them; {@code partial} when
   * collecting stopped at the search's time budget ({@link SearchLimits#BUDGET}), so that the hits
   * and counts are those found by then.
   */
  public record Faceted(List<Hit> hits, int total, Map<String, List<FacetCount>> facets, boolean partial) {}

  /** The deepest hit a search pages to: offset and limit together stay within it. */
  public static final int MAX_HIT_WINDOW = 10_000;

  /** The facets of a search, in the order shown. */
  public static final List<String> FACETS = IndexFacets.NAMES;

  private static final String ARTICLE_SEQ = "article_seq";
  private static final String EVENT_SEQ = "event_seq";
  private static final String FORMAT = "format";
  private static final String GENERATION = "generation";
  /** The database's snapshot the last catch-up read under, on PostgreSQL (see {@code Dialect#committedSnapshot}). */
  private static final String SEEN = "seen";
  /** The generation of an index emptied for a rebuild: none, so that a half-built one never passes for current. */
  private static final String REBUILDING = "-1";
  /**
   * The layout and analysis of the documents; an index of another is rebuilt. 2: facet values
   * added. 3: designators kept whole ({@link SearchAnalyzer}).
   */
  private static final String FORMAT_VERSION = "3";
  private static final FacetsConfig FACET_CONFIG = facetConfig();

  /** A reader of the index with its facet ordinals, shared by searches until the index changes. */
  private record Snapshot(DirectoryReader reader, @Nullable SortedSetDocValuesReaderState facets) {}

  private final Path dir;
  /** The database this index is derived from. */
  private final StoreLocation record;
  private final FSDirectory directory;
  private final Analyzer analyzer = SearchAnalyzer.forIndex();
  private final Analyzer queryAnalyzer = SearchAnalyzer.forQueries();
  /** {@code null} when the index is opened for reading only. */
  private final @Nullable IndexWriter writer;
  private @Nullable Snapshot current;
  private java.time.Duration budget = SearchLimits.BUDGET;

  private SearchIndex(Path dir, FSDirectory directory, @Nullable IndexWriter writer, StoreLocation record) {
    this.dir = dir;
    this.record = record;
    this.directory = directory;
    this.writer = writer;
  }

  static SearchIndex open(Path dir, StoreLocation record) throws IOException {
    FSDirectory directory = FSDirectory.open(dir);
    IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzer.forIndex());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    IndexWriter writer;
    try {
      writer = new IndexWriter(directory, config);
    } catch (IOException e) {
      directory.close(); // the write lock is held elsewhere, or the index is unreadable
      throw e;
    }
    if (!FORMAT_VERSION.equals(commitValue(writer, FORMAT))) {
      // no sequence numbers in the commit data: the store indexes everything again
      writer.deleteAll();
      writer.setLiveCommitData(Map.of(FORMAT, FORMAT_VERSION).entrySet());
    }
    return new SearchIndex(dir, directory, writer, record);
  }

  private static FacetsConfig facetConfig() {
    FacetsConfig config = new FacetsConfig();
    IndexFacets.NAMES.forEach(name -> config.setMultiValued(name, true));
    return config;
  }

  /**
   * Opens the index for searching only, beside a process that may be writing it: each search
   * reads the latest commit, and no lock is taken.
   */
  static SearchIndex openReadOnly(Path dir, StoreLocation record) throws IOException {
    return new SearchIndex(dir, FSDirectory.open(dir), null, record);
  }

  /** Sets how long collecting one search's hits may take (for tests: zero stops every search at once). */
  void budget(java.time.Duration budget) {
    this.budget = budget;
  }

  /** Whether this is the writer's index, rather than one opened to read. */
  boolean writable() {
    return writer != null;
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("the search index is open read-only");
    }
    return writer;
  }

  long articleSeq() {
    return number(commitValue(writer(), ARTICLE_SEQ));
  }

  long eventSeq() {
    return number(commitValue(writer(), EVENT_SEQ));
  }

  /** The snapshot of the database the last catch-up read under; "" for none (SQLite, or nothing read yet). */
  String seen() {
    String v = commitValue(writer(), SEEN);
    return v == null ? "" : v;
  }

  /** The database generation this index was built for; 0 for an index older than generations. */
  long generation() {
    return number(commitValue(writer(), GENERATION));
  }

  private static long number(@Nullable String v) {
    return v == null ? 0 : Long.parseLong(v);
  }

  /** How far the index reached, as its latest commit records it. */
  record Reach(long generation, long articleSeq, long eventSeq, String seen, boolean knownFormat) {}

  /**
   * What the latest commit of the index records, as a reader sees it: an index not written yet
   * has reached nothing.
   */
  Reach committed() throws IOException {
    Map<String, String> data;
    if (writer != null) {
      data = new HashMap<>();
      Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
      if (live != null) {
        live.forEach(e -> data.put(e.getKey(), e.getValue()));
      }
    } else {
      Snapshot s = acquire();
      if (s == null) {
        return new Reach(0, 0, 0, "", true);
      }
      try {
        data = s.reader().getIndexCommit().getUserData();
      } finally {
        s.reader().decRef();
      }
    }
    return new Reach(number(data.get(GENERATION)), number(data.get(ARTICLE_SEQ)), number(data.get(EVENT_SEQ)),
        data.getOrDefault(SEEN, ""), FORMAT_VERSION.equals(data.get(FORMAT)));
  }

  private static @Nullable String commitValue(IndexWriter writer, String key) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    for (Map.Entry<String, String> e : data == null ? List.<Map.Entry<String, String>>of() : data) {
      if (e.getKey().equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private void write(String key, Document doc, Map<String, Set<String>> facets) throws IOException {
    facets.forEach((name, values) -> values.forEach(v -> doc.add(new SortedSetDocValuesFacetField(name, v))));
    writer().updateDocument(new Term("key", key), FACET_CONFIG.build(doc));
  }

  /** Indexes the article with its facet values ({@link IndexFacets}). */
  void indexArticle(Article a, Map<String, Set<String>> facets) throws IOException {
    Document doc = new Document();
    doc.add(new StringField("key", "article:" + a.id(), Field.Store.NO));
    doc.add(new StringField("kind", "article", Field.Store.YES));
    doc.add(new StringField("id", a.id(), Field.Store.YES));
    doc.add(new TextField("title", a.title() == null ? "" : a.title(), Field.Store.YES));
    doc.add(new TextField("text", a.text(), Field.Store.YES));
    if (a.outlet() != null) {
      doc.add(new TextField("outlet", a.outlet(), Field.Store.YES));
    }
    write("article:" + a.id(), doc, facets);
  }

  /** Indexes the event with its facet values ({@link IndexFacets}). */
  void indexEvent(Event e, Map<String, Set<String>> facets) throws IOException {
    Document doc = new Document();
    doc.add(new StringField("key", "event:" + e.id(), Field.Store.NO));
    doc.add(new StringField("kind", "event", Field.Store.YES));
    doc.add(new StringField("id", e.id(), Field.Store.YES));
    doc.add(new StringField("type", e.type(), Field.Store.YES));
    doc.add(new TextField("title", e.type().replace('_', ' ') + " " + e.date().iso(), Field.Store.YES));
    String entities = String.join(" ", e.actors()) + " " + String.join(" ", e.weapons()) + " " + String.join(" ", e.locations());
    doc.add(new TextField("text", e.summary() + "\n" + entities, Field.Store.YES));
    write("event:" + e.id(), doc, facets);
  }

  /**
   * Empties the index and forgets how far it reached and for which generation, so that the store
   * indexes everything again; should a commit happen before that is done (the writer closing on
   * an error), the half-built index is of no generation and is rebuilt by whoever opens it next.
   */
  void clear() throws IOException {
    writer().deleteAll();
    writer().setLiveCommitData(Map.of(FORMAT, FORMAT_VERSION, GENERATION, REBUILDING).entrySet());
  }

  /**
   * Commits what was indexed, recording how far into the database it reached: the last article
   * and event change, the generation, and the snapshot the reads were taken under ({@code seen}).
   * When events were indexed ({@code eventsChanged}), those the database no longer holds are
   * dropped first: an event merged away goes in the transaction that changes the one it joined.
   */
  void commit(long articleSeq, long eventSeq, long generation, String seen, boolean eventsChanged) throws IOException {
    if (eventsChanged) {
      dropGoneEvents();
    }
    Map<String, String> data = new HashMap<>();
    data.put(ARTICLE_SEQ, Long.toString(articleSeq));
    data.put(EVENT_SEQ, Long.toString(eventSeq));
    if (!seen.isEmpty()) {
      data.put(SEEN, seen);
    }
    data.put(FORMAT, FORMAT_VERSION);
    data.put(GENERATION, Long.toString(generation));
    writer().setLiveCommitData(data.entrySet());
    writer().commit();
  }

  /**
   * Deletes the events the database no longer holds. Cheap when there are none, the usual case:
   * every event in the database is in the index once it has caught up, so only an index holding
   * more events than the database has any to drop, and only then are the ids compared. Reads the
   * database (committed before the index, see {@code Store.syncIndex}) over a read-only
   * connection of its own, because the store hands the index the events that changed, not those
   * that went.
   */
  private void dropGoneEvents() throws IOException {
    Query events = new TermQuery(new Term("kind", "event"));
    try (DirectoryReader reader = DirectoryReader.open(writer())) {
      IndexSearcher searcher = new IndexSearcher(reader);
      int indexed = searcher.count(events);
      if (indexed == 0) {
        return;
      }
      Set<String> live = new HashSet<>();
      try (Connection db = record.connect(true); Statement st = db.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
          rs.next();
          if (rs.getLong(1) >= indexed) {
            return;
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT id FROM events")) {
          while (rs.next()) {
            live.add(rs.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new IOException("cannot read the events to drop from the index: " + e.getMessage(), e);
      }
      for (ScoreDoc sd : searcher.search(events, indexed).scoreDocs) {
        String id = searcher.storedFields().document(sd.doc).get("id");
        if (!live.contains(id)) {
          writer().deleteDocuments(new Term("key", "event:" + id));
        }
      }
    }
  }

  /**
   * The version of the index's latest commit as this process sees it: equal versions answer a
   * search the same, for caches of searches. 0 while there is no index yet.
   */
  public long version() {
    try {
      Snapshot s = acquire();
      if (s == null) {
        return 0;
      }
      try {
        return s.reader().getVersion();
      } finally {
        s.reader().decRef();
      }
    } catch (IOException e) {
      throw new WatchfloorException("search index: " + e.getMessage(), e);
    }
  }

  /**
   * Searches titles and texts with Lucene's query syntax ({@code hwasong AND launch},
   * {@code "air defence"}); {@code kind} limits hits to {@code article} or {@code event}.
   */
  public List<Hit> search(String queryText, @Nullable String kind, int limit) {
    return search(queryText, kind, limit, SearchVariants.NONE);
  }

  /** As {@link #search(String, String, int)}, a designator also finding its {@code variants}. */
  public List<Hit> search(String queryText, @Nullable String kind, int limit, SearchVariants variants) {
    return searchFaceted(queryText, kind, Map.of(), limit, 0, 0, variants).hits();
  }

  /**
   * Like {@link #search}, narrowed to the hits having every chosen value ({@code facet → value}),
   * and counting the facets' values over all those hits (up to {@code valuesShown} per facet, most
   * frequent first, then by value); hits {@code offset} to {@code offset + limit} are returned.
   */
  public Faceted searchFaceted(String queryText, @Nullable String kind, Map<String, String> chosen, int limit,
      int offset, int valuesShown) {
    return searchFaceted(queryText, kind, chosen, limit, offset, valuesShown, SearchVariants.NONE);
  }

  /** As {@link #searchFaceted(String, String, Map, int, int, int)}, a designator also finding its {@code variants}. */
  public Faceted searchFaceted(String queryText, @Nullable String kind, Map<String, String> chosen, int limit,
      int offset, int valuesShown, SearchVariants variants) {
    Query parsed = parse(queryText, variants);
    Query base = parsed;
    if (kind != null) {
      base = new BooleanQuery.Builder()
          .add(parsed, BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term("kind", kind)), BooleanClause.Occur.FILTER)
          .build();
    }
    DrillDownQuery query = new DrillDownQuery(FACET_CONFIG, base);
    chosen.forEach((name, value) -> query.add(name, value));
    try {
      Snapshot snapshot = acquire();
      if (snapshot == null) {
        return new Faceted(List.of(), 0, emptyFacets(), false);
      }
      try {
        IndexSearcher searcher = new IndexSearcher(snapshot.reader());
        searcher.setTimeout(new QueryTimeoutImpl(budget.toMillis()));
        FacetsCollectorManager.FacetsResult result =
            FacetsCollectorManager.search(searcher, query, Math.max(1, Math.min(offset + limit, MAX_HIT_WINDOW)),
                new FacetsCollectorManager());
        int total = result.facetsCollector().getMatchingDocs().stream().mapToInt(m -> m.totalHits()).sum();
        Map<String, List<FacetCount>> facets = emptyFacets();
        if (valuesShown > 0 && snapshot.facets() != null) {
          SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(snapshot.facets(), result.facetsCollector());
          for (String name : FACETS) {
            FacetResult top = snapshot.facets().getOrdRange(name) == null ? null : counts.getTopChildren(valuesShown, name);
            if (top != null) {
              for (LabelAndValue lv : top.labelValues) {
                facets.get(name).add(new FacetCount(lv.label, lv.value.intValue()));
              }
            }
          }
        }
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("[", "]"), new QueryScorer(parsed, "text"));
        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = result.topDocs().scoreDocs;
        for (int i = offset; i < docs.length; i++) {
          hits.add(hit(searcher, highlighter, docs[i]));
        }
        return new Faceted(hits, total, facets, searcher.timedOut());
      } finally {
        snapshot.reader().decRef();
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw SearchLimits.tooManyClauses();
    } catch (IOException | InvalidTokenOffsetsException e) {
      throw new WatchfloorException("search index: " + e.getMessage(), e);
    }
  }

  private Query parse(String queryText) {
    return parse(queryText, SearchVariants.NONE);
  }

  /** The query within the search limits ({@link SearchLimits}), a designator also finding its {@code variants}. */
  private Query parse(String queryText, SearchVariants variants) {
    return SearchLimits.parse(queryText, queryAnalyzer, variants);
  }

  private static Map<String, List<FacetCount>> emptyFacets() {
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    FACETS.forEach(name -> facets.put(name, new ArrayList<>()));
    return facets;
  }

  private Hit hit(IndexSearcher searcher, Highlighter highlighter, ScoreDoc sd) throws IOException, InvalidTokenOffsetsException {
    Document doc = searcher.storedFields().document(sd.doc);
    String text = doc.get("text");
    String snippet = highlighter.getBestFragment(analyzer, "text", text);
    if (snippet == null) {
      snippet = text.substring(0, Math.min(160, text.length()));
    }
    return new Hit(doc.get("kind"), doc.get("id"), doc.get("title"), sd.score, snippet.replace('\n', ' '));
  }

  /**
   * The latest state of the index, with a reference taken that the caller releases ({@code
   * decRef}); {@code null} while there is no index yet. A reader and its facet ordinals are kept
   * until the index changes, instead of being opened for every search.
   */
  private synchronized @Nullable Snapshot acquire() throws IOException {
    if (current == null) {
      if (writer == null && !DirectoryReader.indexExists(directory)) {
        return null;
      }
      current = snapshot(writer != null ? DirectoryReader.open(writer) : DirectoryReader.open(directory));
    } else if (writer != null || committedSince(current.reader())) {
      DirectoryReader newer = DirectoryReader.openIfChanged(current.reader());
      if (newer != null) {
        current.reader().decRef();
        current = snapshot(newer);
      }
    }
    current.reader().incRef();
    return current;
  }

  /**
   * Whether another process committed to the index since {@code reader} was opened: a newer
   * commit point in the folder's listing. Without a writer of its own a process sees the index
   * change only by such a commit, and asking the listing is all this costs; {@link
   * DirectoryReader#openIfChanged} reads and checks the latest commit file itself, which a server's
   * every search did twice (9 % of its CPU under {@code bench serve}).
   */
  private boolean committedSince(DirectoryReader reader) throws IOException {
    return SegmentInfos.getLastCommitGeneration(directory.listAll()) != reader.getIndexCommit().getGeneration();
  }

  private static Snapshot snapshot(DirectoryReader reader) throws IOException {
    String field = FACET_CONFIG.getDimConfig(FACETS.get(0)).indexFieldName;
    boolean hasFacets = FieldInfos.getMergedFieldInfos(reader).fieldInfo(field) != null;
    return new Snapshot(reader, hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, FACET_CONFIG) : null);
  }

  @Override
  public void close() throws IOException {
    try {
      synchronized (this) {
        if (current != null) {
          current.reader().decRef();
          current = null;
        }
      }
      if (writer != null) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }
}
