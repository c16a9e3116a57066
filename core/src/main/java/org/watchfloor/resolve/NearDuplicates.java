package org.watchfloor.resolve;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Article;
import org.watchfloor.store.ArticleRows;

/**
 * Finds the stored article that a new one copies or lightly edits: the earliest stored article
 * whose MinHash sketch, found through a shared LSH band key, estimates a word-shingle Jaccard
 * similarity of at least {@link #THRESHOLD} and that states the same figures; and remembers each
 * new article's sketch.
 *
 * <p>The figures (words with a digit: dates, ranges, model numbers) guard against a template: two
 * launches reported in one outlet's set phrases share most shingles but not their date, missile
 * or range, and a copy or light edit keeps most of its original's figures (at least {@link
 * #FIGURES_KEPT} of the smaller set: a revision may correct one figure in five).
 */
public final class NearDuplicates {

  /** Estimated Jaccard similarity of 4-word shingles from which a text is a copy. */
  public static final double THRESHOLD = 0.6;
  /** Share of the figures of the text with fewer that a copy has in common with its original. */
  static final double FIGURES_KEPT = 0.8;
  /** Stored articles read per band key, the newest: enough for a story's latest copies, few enough to stay cheap. */
  private static final int PER_KEY = 10;

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
   * An article's MinHash sketch, its figures and its LSH band keys (none for a text too short to
   * sketch): computed before the store is asked anything, so that a shared store locks the band
   * keys with the article's text in one statement (see {@link ArticleRows#lockContent}).
   */
  public record Signature(int[] sketch, Set<String> figures, List<String> bandKeys) {
    public Signature {
      Objects.requireNonNull(sketch, "sketch");
      figures = Collections.unmodifiableSet(figures); // not copied: its order is the order they are stored in
      bandKeys = List.copyOf(bandKeys);
    }
  }

  /** The signature of {@code article}'s text. */
  public static Signature sign(Article article) {
    int[] sketch = MinHash.sketch(article.text());
    return new Signature(sketch, figures(article.text()), sketch.length == 0 ? List.of() : MinHash.bandKeys(sketch));
  }

  /**
   * The stored article that {@code article}, signed {@code signature}, nearly copies, if any: the
   * most similar, the earliest stored on ties. On a shared store its band keys must be locked
   * first. Call {@link Probe#remember()} once the article is stored.
   */
  public Probe probe(Article article, Signature signature) throws SQLException {
    int[] sketch = signature.sketch();
    Set<String> figures = signature.figures();
    if (sketch.length == 0) {
      return new Probe(article.id(), signature, null);
    }
    List<Match> similar = new ArrayList<>();
    Map<String, ArticleRows.Sketch> candidates = articles.sketchesSharing(signature.bandKeys(), PER_KEY);
    for (Map.Entry<String, ArticleRows.Sketch> e : candidates.entrySet()) {
      if (e.getKey().equals(article.id())) {
        continue;
      }
      double sim = MinHash.similarity(sketch, MinHash.fromBytes(e.getValue().minhash()));
      if (sim >= THRESHOLD) {
        similar.add(new Match(e.getKey(), sim));
      }
    }
    similar.sort(Comparator.comparingDouble(Match::similarity).reversed());
    for (Match m : similar) {
      Set<String> theirs = candidates.get(m.original()).figures();
      if (theirs == null) {
        // sketched before the store kept figures: read them from the text
        Optional<Article> original = articles.get(m.original());
        if (original.isEmpty()) {
          continue;
        }
        theirs = figures(original.get().text());
      }
      if (sameFigures(figures, theirs)) {
        return new Probe(article.id(), signature, m);
      }
    }
    return new Probe(article.id(), signature, null);
  }

  /** The words of a text that hold a digit. */
  static Set<String> figures(String text) {
    Set<String> out = new HashSet<>();
    for (String w : MinHash.words(text)) {
      if (w.chars().anyMatch(Character::isDigit)) {
        out.add(w);
      }
    }
    return out;
  }

  static boolean sameFigures(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    return common.size() >= FIGURES_KEPT * Math.min(a.size(), b.size());
  }

  /** The sketch of one article and what it matched. */
  public final class Probe {
    private final String articleId;
    private final Signature signature;
    private final @Nullable Match match;

    private Probe(String articleId, Signature signature, @Nullable Match match) {
      this.articleId = articleId;
      this.signature = signature;
      this.match = match;
    }

    public Optional<Match> match() {
      return Optional.ofNullable(match);
    }

    /** Stores the sketch, so later articles find this one. */
    public void remember() throws SQLException {
      if (signature.sketch().length > 0) {
        articles.insertSketch(articleId, MinHash.toBytes(signature.sketch()), signature.figures(), signature.bandKeys());
      }
    }
  }
}
