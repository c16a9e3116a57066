package org.watchfloor.resolve;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Article;
import org.watchfloor.store.ArticleRows;

/**
 * Finds the stored article that a new one copies or lightly edits: the earliest stored article
 * whose MinHash sketch, found through a shared LSH band key, estimates a word-shingle Jaccard
 * similarity of at least {@link #THRESHOLD}; and remembers each new article's sketch.
 */
public final class NearDuplicates {

  /** Estimated Jaccard similarity of 4-word shingles from which a text is a copy. */
  public static final double THRESHOLD = 0.6;
  private static final int PER_KEY = 20;

  private final ArticleRows articles;

  public NearDuplicates(ArticleRows articles) {
    this.articles = articles;
  }

  /** A match: the original and the estimated similarity. */
  public record Match(String original, double similarity) {
    public Match {
      Objects.requireNonNull(original, "original");
    }
  }

  /**
   * The stored article that {@code article} nearly copies, if any: the most similar, the
   * earliest stored on ties. Call {@link Probe#remember()} once the article is stored.
   */
  public Probe probe(Article article) throws SQLException {
    int[] sketch = MinHash.sketch(article.text());
    if (sketch.length == 0) {
      return new Probe(article.id(), sketch, List.of(), null);
    }
    List<String> keys = MinHash.bandKeys(sketch);
    Match best = null;
    for (Map.Entry<String, byte[]> e : articles.sketchesSharing(keys, PER_KEY).entrySet()) {
      if (e.getKey().equals(article.id())) {
        continue;
      }
      double sim = MinHash.similarity(sketch, MinHash.fromBytes(e.getValue()));
      if (sim >= THRESHOLD && (best == null || sim > best.similarity())) {
        best = new Match(e.getKey(), sim);
      }
    }
    return new Probe(article.id(), sketch, keys, best);
  }

  /** The sketch of one article and what it matched. */
  public final class Probe {
    private final String articleId;
    private final int[] sketch;
    private final List<String> keys;
    private final @Nullable Match match;

    private Probe(String articleId, int[] sketch, List<String> keys, @Nullable Match match) {
      this.articleId = articleId;
      this.sketch = sketch;
      this.keys = keys;
      this.match = match;
    }

    public Optional<Match> match() {
      return Optional.ofNullable(match);
    }

    /** Stores the sketch, so later articles find this one. */
    public void remember() throws SQLException {
      if (sketch.length > 0) {
        articles.insertSketch(articleId, MinHash.toBytes(sketch), keys);
      }
    }
  }
}
