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
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
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
 * records the last article and event change it holds, so the store can bring it up to date.
 * Events leave the database too (merged away by an analyst, not derived again by a
 * re-processing); a commit that follows event changes drops those from the index as well.
 */
public final class SearchIndex implements AutoCloseable {

  /** One search hit: an article or an event, its score, and a snippet with the match marked. */
  public record Hit(String kind, String id, String title, float score, String snippet) {}

  private static final String ARTICLE_SEQ = "article_seq";
  private static final String EVENT_SEQ = "event_seq";

  private final Path dir;
  private final FSDirectory directory;
  private final Analyzer analyzer = new EnglishAnalyzer();
  /** {@code null} when the index is opened for reading only. */
  private final @Nullable IndexWriter writer;

  private SearchIndex(Path dir, FSDirectory directory, @Nullable IndexWriter writer) {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
  }

  static SearchIndex open(Path dir) throws IOException {
    FSDirectory directory = FSDirectory.open(dir);
    IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    return new SearchIndex(dir, directory, new IndexWriter(directory, config));
  }

  /**
   * Opens the index for searching only, beside a process that may be writing it: each search
   * reads the latest commit, and no lock is taken.
   */
  static SearchIndex openReadOnly(Path dir) throws IOException {
    return new SearchIndex(dir, FSDirectory.open(dir), null);
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("the search index is open read-only");
    }
    return writer;
  }

  long articleSeq() {
    return commitValue(ARTICLE_SEQ);
  }

  long eventSeq() {
    return commitValue(EVENT_SEQ);
  }

  private long commitValue(String key) {
    Iterable<Map.Entry<String, String>> data = writer().getLiveCommitData();
    for (Map.Entry<String, String> e : data == null ? List.<Map.Entry<String, String>>of() : data) {
      if (e.getKey().equals(key)) {
        return Long.parseLong(e.getValue());
      }
    }
    return 0;
  }

  void indexArticle(Article a) throws IOException {
    Document doc = new Document();
    doc.add(new StringField("key", "article:" + a.id(), Field.Store.NO));
    doc.add(new StringField("kind", "article", Field.Store.YES));
    doc.add(new StringField("id", a.id(), Field.Store.YES));
    doc.add(new TextField("title", a.title() == null ? "" : a.title(), Field.Store.YES));
    doc.add(new TextField("text", a.text(), Field.Store.YES));
    if (a.outlet() != null) {
      doc.add(new TextField("outlet", a.outlet(), Field.Store.YES));
    }
    writer().updateDocument(new Term("key", "article:" + a.id()), doc);
  }

  void indexEvent(Event e) throws IOException {
    Document doc = new Document();
    doc.add(new StringField("key", "event:" + e.id(), Field.Store.NO));
    doc.add(new StringField("kind", "event", Field.Store.YES));
    doc.add(new StringField("id", e.id(), Field.Store.YES));
    doc.add(new StringField("type", e.type(), Field.Store.YES));
    doc.add(new TextField("title", e.type().replace('_', ' ') + " " + e.date().iso(), Field.Store.YES));
    String entities = String.join(" ", e.actors()) + " " + String.join(" ", e.weapons()) + " " + String.join(" ", e.locations());
    doc.add(new TextField("text", e.summary() + "\n" + entities, Field.Store.YES));
    writer().updateDocument(new Term("key", "event:" + e.id()), doc);
  }

  void commit(long articleSeq, long eventSeq) throws IOException {
    if (eventSeq != eventSeq()) {
      dropGoneEvents();
    }
    Map<String, String> data = new HashMap<>();
    data.put(ARTICLE_SEQ, Long.toString(articleSeq));
    data.put(EVENT_SEQ, Long.toString(eventSeq));
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
      org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
      config.setReadOnly(true);
      config.setBusyTimeout(10000);
      try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolveSibling(Store.DB_FILE), config.toProperties());
          Statement st = db.createStatement()) {
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
   * Searches titles and texts with Lucene's query syntax ({@code hwasong AND launch},
   * {@code "air defence"}); {@code kind} limits hits to {@code article} or {@code event}.
   */
  public List<Hit> search(String queryText, String kind, int limit) {
    Query parsed;
    try {
      QueryParser parser = new MultiFieldQueryParser(new String[] {"title", "text", "outlet"}, analyzer,
          Map.of("title", 2f, "text", 1f, "outlet", 0.5f));
      parsed = parser.parse(queryText);
    } catch (ParseException e) {
      throw new WatchfloorException.BadInput("query \"" + queryText + "\" is not valid: " + firstLine(e.getMessage()));
    }
    Query query = parsed;
    if (kind != null) {
      query = new BooleanQuery.Builder()
          .add(parsed, BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term("kind", kind)), BooleanClause.Occur.FILTER)
          .build();
    }
    try {
      if (writer == null && !DirectoryReader.indexExists(directory)) {
        return List.of();
      }
    } catch (IOException e) {
      throw new WatchfloorException("search index: " + e.getMessage(), e);
    }
    try (DirectoryReader reader = writer != null ? DirectoryReader.open(writer) : DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("[", "]"), new QueryScorer(parsed, "text"));
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(query, limit).scoreDocs) {
        Document doc = searcher.storedFields().document(sd.doc);
        String text = doc.get("text");
        String snippet = highlighter.getBestFragment(analyzer, "text", text);
        if (snippet == null) {
          snippet = text.substring(0, Math.min(160, text.length()));
        }
        hits.add(new Hit(doc.get("kind"), doc.get("id"), doc.get("title"), sd.score, snippet.replace('\n', ' ')));
      }
      return hits;
    } catch (IOException | InvalidTokenOffsetsException e) {
      throw new WatchfloorException("search index: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() throws IOException {
    try {
      if (writer != null) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }
}
