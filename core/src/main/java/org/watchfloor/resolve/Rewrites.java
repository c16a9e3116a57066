package org.watchfloor.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.Extraction;
import org.watchfloor.model.Article;
import org.watchfloor.model.Mention;
import org.watchfloor.model.Report;
import org.watchfloor.store.ArticleRows;
import org.watchfloor.store.EventRows;
import org.watchfloor.store.VectorIndex;

/**
 * Finds the stored article that a new one rewrites: the same story in other words. Candidates
 * are the nearest embeddings among articles published within {@value #WINDOW_DAYS} days; one is
 * the original only on evidence beyond the cosine, because one template filled in for two
 * happenings is close in embedding space too:
 *
 * <ul>
 *   <li>cosine of at least {@link #THRESHOLD};
 *   <li>the same happening: where both name dates, a date in common; where both name weapons, a
 *       weapon in common; where both state numbers, one in common (other entities are no evidence:
 *       a rewrite names "Seoul" where its original named "South Korea's Joint Chiefs");
 *   <li>the same source: a rewrite retells its original's attribution, so an article that
 *       attributes its reports only to sources the candidate does not is independent reporting.
 * </ul>
 *
 * Copies are {@link NearDuplicates}'s: this is asked only about articles that copy nothing.
 */
public final class Rewrites {

  /**
   * Cosine of title-and-lead embeddings from which a text may be a rewrite. On {@code bench
   * --generate 2000} links scored the same from 0.60 to 0.85 (the evidence checks carry the
   * precision) and recall fell from 0.90; 0.80 keeps a margin below that knee while still
   * filtering articles whose mentions give the checks nothing to compare.
   */
  public static final double THRESHOLD = 0.80;
  /** The extra key that records a rewrite link's cosine, the evidence an analyst can weigh. */
  public static final String COSINE = "rewrite_cosine";
  /** Days either side of publication searched for the original. */
  public static final int WINDOW_DAYS = 3;
  /** Neighbours weighed: a busy window holds many stories told in one template, nearer than the original. */
  private static final int CANDIDATES = 24;
  /** The prefix of the gazetteer's weapon entity ids. */
  private static final String WEAPON = "weapon/";

  private final Embedder embedder;
  private final VectorIndex vectors;
  private final ArticleRows articles;
  private final EventRows events;

  public Rewrites(Embedder embedder, VectorIndex vectors, ArticleRows articles, EventRows events) {
    this.embedder = embedder;
    this.vectors = vectors;
    this.articles = articles;
    this.events = events;
  }

  /** A rewrite link: the original and the cosine of their embeddings. */
  public record Match(String original, double cosine) {
    public Match {
      Objects.requireNonNull(original, "original");
    }
  }

  /**
   * Embeds {@code article} and, unless it copies another ({@code copy}), finds what it rewrites.
   * Call {@link Probe#remember()} once the article is stored.
   */
  public Probe probe(Article article, Extraction extraction, boolean copy) throws SQLException {
    float[] v = embedder.embed(article);
    if (copy || article.published() == null) {
      return new Probe(article, v, null);
    }
    List<VectorIndex.Neighbour> near;
    try {
      near = vectors.nearest(v, article.published().localDay(), WINDOW_DAYS, CANDIDATES, article.id());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (VectorIndex.Neighbour n : near) {
      if (n.cosine() < THRESHOLD) {
        break;
      }
      if (sameHappening(extraction.mentions(), articles.mentions(n.id()))
          && sameSource(extraction.reports(), events.reportsOfArticle(n.id()))) {
        return new Probe(article, v, new Match(n.id(), n.cosine()));
      }
    }
    return new Probe(article, v, null);
  }

  static boolean sameHappening(List<Mention> a, List<Mention> b) {
    return agree(values(a, Mention.Kind.TIME), values(b, Mention.Kind.TIME))
        && agree(weapons(a), weapons(b))
        && agree(values(a, Mention.Kind.NUMBER), values(b, Mention.Kind.NUMBER));
  }

  /** Whether two sets have a value in common; vacuous when either is empty. */
  private static boolean agree(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    return !common.isEmpty();
  }

  private static Set<String> weapons(List<Mention> mentions) {
    Set<String> out = values(mentions, Mention.Kind.ENTITY);
    out.removeIf(v -> !v.startsWith(WEAPON));
    return out;
  }

  private static Set<String> values(List<Mention> mentions, Mention.Kind kind) {
    Set<String> out = new HashSet<>();
    for (Mention m : mentions) {
      if (m.kind() == kind && m.value() != null) {
        out.add(m.value());
      }
    }
    return out;
  }

  static boolean sameSource(List<Report> article, List<Report> candidate) {
    Set<String> own = attributed(article);
    Set<String> theirs = new HashSet<>();
    for (Report r : candidate) {
      theirs.add(r.origin());
    }
    if (own.isEmpty() || theirs.isEmpty()) {
      return true;
    }
    own.retainAll(theirs);
    return !own.isEmpty();
  }

  private static Set<String> attributed(List<Report> reports) {
    Set<String> out = new HashSet<>();
    for (Report r : reports) {
      if (r.attribution() != null) {
        out.add(r.origin());
      }
    }
    return out;
  }

  /** The embedding of one article and what it rewrites. */
  public final class Probe {
    private final Article article;
    private final float[] vector;
    private final @Nullable Match match;

    private Probe(Article article, float[] vector, @Nullable Match match) {
      this.article = article;
      this.vector = vector;
      this.match = match;
    }

    public Optional<Match> match() {
      return Optional.ofNullable(match);
    }

    /** Adds the article's vector, so later articles find this one. */
    public void remember() {
      try {
        vectors.add(article, vector);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
