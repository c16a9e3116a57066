package org.watchfloor.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Article;

/**
 * Approximate nearest neighbours among article embeddings (Lucene's HNSW graph), each tagged
 * with its publication day so that a search looks only a few days around an article and its
 * cost does not grow with the store.
 *
 * <p>Derived data, like {@link SearchIndex}: its commit records the last article sequence number
 * it holds, and {@link #catchUp} embeds what the database committed after that, so a crash
 * between the two loses nothing and never leaves the vectors ahead of the database. Vectors
 * added during an ingest are searched at once (the newest few by a plain scan, until the
 * searcher is refreshed) but committed only by the catch-up that follows a database commit.
 */
public final class VectorIndex implements AutoCloseable {

  /** How the store derives an article's vector: {@code null} for an article that has none. */
  @FunctionalInterface
  public interface Embedding {
    float @Nullable [] of(Article article);
  }

  /** A stored article near a vector: its id and the cosine similarity. */
  public record Neighbour(String id, double cosine) {
    public Neighbour {
      Objects.requireNonNull(id, "id");
    }
  }

  private record Pending(String id, int day, float[] vector) {}

  private static final String ARTICLE_SEQ = "article_seq";
  private static final String SEEN = "seen";
  private static final String VECTOR = "vector";
  private static final String DAY = "day";
  private static final String ID = "id";
  /** Vectors scanned by hand before the searcher is refreshed: a refresh per article would flush a segment each. */
  private static final int REFRESH_EVERY = 256;

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Embedding embedding;
  private final List<Pending> pending = new ArrayList<>();
  /** Ids added since the last commit, so that the catch-up does not embed them twice. */
  private final Set<String> added = new HashSet<>();

  private VectorIndex(FSDirectory directory, IndexWriter writer, Embedding embedding) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.embedding = embedding;
  }

  static VectorIndex open(Path dir, Embedding embedding) throws IOException {
    FSDirectory directory = FSDirectory.open(dir);
    IndexWriterConfig config = new IndexWriterConfig();
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    // only catchUp commits, after the database: closing must not persist vectors of uncommitted rows
    config.setCommitOnClose(false);
    return new VectorIndex(directory, new IndexWriter(directory, config), embedding);
  }

  long articleSeq() {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    for (Map.Entry<String, String> e : data == null ? List.<Map.Entry<String, String>>of() : data) {
      if (e.getKey().equals(ARTICLE_SEQ)) {
        return Long.parseLong(e.getValue());
      }
    }
    return 0;
  }

  /** Adds an article's vector, searchable at once, committed by the next {@link #catchUp}. */
  public void add(Article article, float[] vector) throws IOException {
    if (article.published() == null) {
      return;
    }
    int day = (int) article.published().localDay().toEpochDay();
    Document doc = new Document();
    doc.add(new StringField(ID, article.id(), Field.Store.YES));
    doc.add(new IntField(DAY, day, Field.Store.NO));
    doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    writer.updateDocument(new Term(ID, article.id()), doc);
    added.add(article.id());
    pending.add(new Pending(article.id(), day, vector));
    if (pending.size() >= REFRESH_EVERY) {
      searchers.maybeRefreshBlocking();
      pending.clear();
    }
  }

  /**
   * The {@code k} nearest articles published within {@code window} days of {@code day}, best
   * first, leaving out {@code except}.
   */
  public List<Neighbour> nearest(float[] vector, LocalDate day, int window, int k, String except) throws IOException {
    int d = (int) day.toEpochDay();
    List<Neighbour> found = new ArrayList<>();
    IndexSearcher searcher = searchers.acquire();
    try {
      KnnFloatVectorQuery query =
          new KnnFloatVectorQuery(VECTOR, vector, k + 1, IntField.newRangeQuery(DAY, d - window, d + window));
      for (ScoreDoc sd : searcher.search(query, k + 1).scoreDocs) {
        String id = searcher.storedFields().document(sd.doc).get(ID);
        // Lucene's dot-product score is (1 + cosine) / 2 for unit vectors
        found.add(new Neighbour(id, 2.0 * sd.score - 1.0));
      }
    } finally {
      searchers.release(searcher);
    }
    for (Pending p : pending) {
      if (Math.abs(p.day() - d) <= window) {
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
          dot += vector[i] * p.vector()[i];
        }
        found.add(new Neighbour(p.id(), dot));
      }
    }
    Set<String> seen = new HashSet<>();
    return found.stream()
        .sorted(Comparator.comparingDouble(Neighbour::cosine).reversed())
        .filter(n -> !n.id().equals(except) && seen.add(n.id()))
        .limit(k)
        .toList();
  }

  /** The database's snapshot the last catch-up read under, as the search index records it; "" for none. */
  private String seen() {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    for (Map.Entry<String, String> e : data == null ? List.<Map.Entry<String, String>>of() : data) {
      if (e.getKey().equals(SEEN)) {
        return e.getValue();
      }
    }
    return "";
  }

  /**
   * Embeds what the database holds beyond the last commit (skipping what was added since), then
   * commits: call after the database has committed. As the search index does (see {@link
   * Dialect#committedSnapshot}), it reads what it has not read by the numbers and, on PostgreSQL,
   * by the snapshot {@code now} taken before reading, which it records; a snapshot recorded on
   * another server makes it read everything again (vectors replace those of the same article).
   */
  void catchUp(ArticleRows articles, Dialect dialect, String now) throws SQLException, IOException {
    long from = articleSeq();
    String seen = dialect.snapshotOfAnotherServer(seen(), now) ? "" : seen();
    long[] reached = {from};
    boolean[] read = {false};
    articles.forEachChangedSince(from, seen, (seq, article, row) -> {
      if (!added.contains(article.id())) {
        float[] v = embedding.of(article);
        if (v != null) {
          add(article, v);
        }
      }
      reached[0] = Math.max(reached[0], seq);
      read[0] = true;
    });
    if (read[0] || !now.equals(seen)) {
      Map<String, String> data = new java.util.HashMap<>();
      data.put(ARTICLE_SEQ, Long.toString(reached[0]));
      if (!now.isEmpty()) {
        data.put(SEEN, now);
      }
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
    added.clear();
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      writer.close();
    } finally {
      directory.close();
    }
  }
}
