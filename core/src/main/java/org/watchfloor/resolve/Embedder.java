package org.watchfloor.resolve;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.watchfloor.model.Article;

/**
 * Turns an article's title and lead into a 384-dimensional, L2-normalised sentence embedding
 * with all-MiniLM-L6-v2 (quantised, run in process by ONNX Runtime on one thread, offline).
 *
 * <p>Only the title and the first {@value #LEAD_WORDS} words are embedded: a rewrite retells the
 * top of a story, the model reads at most 256 word pieces well, and the cost per article stays
 * bounded whatever the article's length.
 */
public final class Embedder {

  public static final int DIMENSIONS = 384;
  /** About 256 word pieces of English news. */
  static final int LEAD_WORDS = 180;
  /**
   * Embeddings are opt-in: they cost about 25 ms of CPU per article, more than the rest of ingest
   * together, so rewrites are recognised only when this system property, or the environment
   * variable {@value #ENV}, is {@code on}; otherwise ingest finds copies with MinHash alone.
   */
  public static final String SWITCH = "watchfloor.embeddings";
  /** The environment variable that switches embeddings on. */
  public static final String ENV = "WATCHFLOOR_EMBEDDINGS";

  private static Optional<Embedder> shared;
  private static Optional<Embedder> loaded;

  private final EmbeddingModel model;

  Embedder(EmbeddingModel model) {
    this.model = model;
  }

  /**
   * The embedder ingest uses: empty unless embeddings are switched on ({@link #SWITCH}), or when
   * ONNX Runtime cannot load here, which is said once on standard error.
   */
  public static synchronized Optional<Embedder> shared() {
    if (shared == null) {
      shared = switchedOn() ? loaded() : Optional.empty();
    }
    return shared;
  }

  /** Whether the property or the environment variable asks for embeddings. */
  static boolean switchedOn() {
    return "on".equals(System.getProperty(SWITCH, System.getenv(ENV)));
  }

  /** The model of this process whether or not ingest is switched to use it (benchmarks, tests). */
  public static synchronized Optional<Embedder> loaded() {
    if (loaded == null) {
      loaded = load(MiniLmModel::new, System.err::println);
    }
    return loaded;
  }

  /**
   * Loads a model and embeds one sentence to prove the native runtime works; on failure tells
   * {@code warn} why and returns empty, so that ingest goes on with MinHash alone.
   */
  static Optional<Embedder> load(Supplier<EmbeddingModel> factory, Consumer<String> warn) {
    try {
      Embedder e = new Embedder(factory.get());
      e.embed("North Korea fired a ballistic missile.");
      return Optional.of(e);
    } catch (LinkageError | RuntimeException e) {
      // UnsatisfiedLinkError and ExceptionInInitializerError are what an unsupported platform gives
      warn.accept("warning: sentence embeddings unavailable (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "); rewrites will not be recognised, copies still are (MinHash)");
      return Optional.empty();
    }
  }

  /** The embedding of an article's title and lead. */
  public float[] embed(Article article) {
    return embed(lead(article));
  }

  /** The text of an article that is embedded: its title, then its first words. */
  static String lead(Article article) {
    StringBuilder b = new StringBuilder();
    if (article.title() != null && !article.title().isBlank()) {
      b.append(article.title().strip()).append(".\n");
    }
    int words = 0;
    for (String w : article.text().strip().split("\\s+")) {
      if (words++ >= LEAD_WORDS) {
        break;
      }
      b.append(w).append(' ');
    }
    return b.toString().strip();
  }

  float[] embed(String text) {
    float[] v = model.embed(text.isBlank() ? "-" : text).content().vector();
    if (v.length != DIMENSIONS) {
      throw new IllegalStateException(String.format(Locale.ROOT, "expected %d dimensions, got %d", DIMENSIONS, v.length));
    }
    return normalised(v);
  }

  static float[] normalised(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    double norm = Math.sqrt(sum);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return out;
  }

  /** The cosine of two normalised vectors. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
