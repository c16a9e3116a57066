package org.watchfloor.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.extract.learn.Features;
import org.watchfloor.extract.learn.LinearModel;
import org.watchfloor.extract.relevance.Relevance;
import org.watchfloor.extract.relevance.RelevanceFeatures;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.train.GroupedFolds.Grouping;

/**
 * Trains the article-level {@link Relevance} model: a logistic regression over {@link
 * RelevanceFeatures} of the title and lead, labelled as the corpus labels each article ({@link
 * AnnotatedCorpus}: news chosen for being about Korea is relevant whether or not it tells an
 * event, general news is not). The figures count articles by their events all the same: recall
 * on articles that tell one, false passes on the general news.
 *
 * <p>The threshold is chosen in grouped cross-validation, never on the fit: every article is
 * scored by a model that saw neither its outlet (or month) nor its happening, and the threshold
 * is the lowest that lets at most {@value #MAX_GENERAL_PASSES_PER_1000} in 1,000 general news
 * articles through in both groupings. A lower one would let the firehose into extraction; a
 * higher one would only lose watch articles. The shipped model must also keep that bound on the
 * general news it was trained on, and can score some of it higher than the folds did (one
 * trained with "tells an event" as its label scored six articles on Iran and China above its
 * folds' threshold, most likely because, trained on every month's Korea news, it had learned
 * names those months shared with their other news: Pompeo, Bolton, threats; month-grouped folds
 * keep them apart). Where it does, the threshold is raised to that bound: a floor, not a fit, it
 * can only lose recall.
 *
 * <p>Reproducible: the same articles, in the same order, with the same seed give byte-identical
 * files (the model file holds the weights and nothing of when or where they were learned).
 */
public final class RelevanceTrainer {

  /**
   * LIBLINEAR's C. Chosen (among 0.003 to 10) when the label was "tells an event": weaker
   * regularisation then learned KCNA's house style against the watch (with lexicon features at
   * full weight, C 1 kept 0.76 of KCNA's event articles in month-grouped cross-validation where
   * C 0.03 kept 0.95). With every Korea article relevant, C from 0.03 to 1 gives the same figures
   * within two articles.
   */
  public static final double COST = 0.1;

  /** The most general-news articles in 1,000 that may pass the threshold. */
  public static final double MAX_GENERAL_PASSES_PER_1000 = 1.0;

  /** A feature must occur in this many training articles to be learned. */
  static final int MIN_ARTICLES = 5;

  /** The seed the shipped model was trained with. */
  public static final long SEED = 42;

  /** The folds of the cross-validation that chooses the threshold. */
  public static final int FOLDS = 5;

  private final RelevanceFeatures features;
  private final double cost;
  private final long seed;
  // an article's features are computed once, not once per fold (identity: two copies of one
  // story are two articles)
  private final Map<LabelledArticle, Features> cache = new IdentityHashMap<>();

  public RelevanceTrainer(WatchProfile profile, long seed) {
    this(profile, COST, seed);
  }

  public RelevanceTrainer(WatchProfile profile, double cost, long seed) {
    this.features = new RelevanceFeatures(Objects.requireNonNull(profile, "profile"));
    this.cost = cost;
    this.seed = seed;
  }

  /** An article scored by a model that did not train on it. */
  public record Scored(LabelledArticle article, double probability) {}

  /** The articles of one test fold, scored, with how many the fold trained on. */
  public record Fold(Grouping grouping, int index, int trained, List<Scored> test) {
    public Fold {
      test = List.copyOf(test);
    }
  }

  /**
   * One fold's figures at a threshold.
   *
   * @param eventArticles test articles with at least one event of the watch, and how many passed
   * @param newsArticles those that report one as news (not only in passing), and how many passed
   * @param unrelated test articles without an event, and how many passed (false passes)
   * @param general of those, the general news (not chosen for being about Korea), and passes
   */
  public record FoldFigures(Grouping grouping, int fold, int trained,
      int eventArticles, int eventPassed, int newsArticles, int newsPassed,
      int unrelated, int unrelatedPassed, int general, int generalPassed) {

    /** Sums figures of several folds (of one grouping). */
    static FoldFigures sum(Grouping grouping, List<FoldFigures> folds) {
      return new FoldFigures(grouping, -1, (int) Math.round(folds.stream().mapToInt(FoldFigures::trained).average().orElse(0)),
          folds.stream().mapToInt(FoldFigures::eventArticles).sum(), folds.stream().mapToInt(FoldFigures::eventPassed).sum(),
          folds.stream().mapToInt(FoldFigures::newsArticles).sum(), folds.stream().mapToInt(FoldFigures::newsPassed).sum(),
          folds.stream().mapToInt(FoldFigures::unrelated).sum(), folds.stream().mapToInt(FoldFigures::unrelatedPassed).sum(),
          folds.stream().mapToInt(FoldFigures::general).sum(), folds.stream().mapToInt(FoldFigures::generalPassed).sum());
    }

    public double eventRecall() {
      return ratio(eventPassed, eventArticles);
    }

    public double newsRecall() {
      return ratio(newsPassed, newsArticles);
    }

    public double generalPassesPer1000() {
      return 1000.0 * ratio(generalPassed, general);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%s fold %s (trained on %d articles): events %d/%d (%.3f), news %d/%d (%.3f), unrelated passed %d/%d, general news passed %d/%d (%.2f per 1,000)",
          grouping.label(), fold < 0 ? "all (mean of folds)" : Integer.toString(fold), trained, eventPassed, eventArticles, eventRecall(),
          newsPassed, newsArticles, newsRecall(), unrelatedPassed, unrelated, generalPassed, general, generalPassesPer1000());
    }
  }

  /**
   * What {@link #trainAndWrite} made: the model, its settings, and the cross-validation behind
   * them.
   *
   * @param cvThreshold the threshold the cross-validation chose
   * @param fitThreshold the lowest at which the shipped model itself keeps the bound on the
   *     general news it was trained on; the settings' threshold is the higher of the two
   * @param figures each fold's figures at the settings' threshold
   */
  public record Trained(LinearModel model, Relevance.Settings settings, double cvThreshold, double fitThreshold,
      List<Fold> folds, List<FoldFigures> figures, Path dir) {}

  /**
   * Trains on every article of {@code watch} (articles chosen for being about Korea, relevant
   * whether or not they tell an event: see {@link AnnotatedCorpus}) and {@code generalNews} (a sample of general news, none
   * of it about the watch), chooses the threshold by grouped cross-validation over both, and
   * writes {@value Relevance#MODEL_FILE} and {@value Relevance#PROPERTIES_FILE} to {@code dir}
   * (the shipped model lives in {@code core/src/main/resources/models/}).
   */
  public static Trained trainAndWrite(WatchProfile profile, List<LabelledArticle> watch,
      List<LabelledArticle> generalNews, Path dir, long seed) throws IOException {
    RelevanceTrainer trainer = new RelevanceTrainer(profile, seed);
    Set<LabelledArticle> general = identitySet(generalNews);
    List<LabelledArticle> all = new ArrayList<>(watch);
    all.addAll(generalNews);
    List<Fold> folds = trainer.crossValidate(all);
    double cvThreshold = chooseThreshold(folds, general);
    LinearModel model = trainer.fit(all);
    byte[] bytes = file(model);
    double fitThreshold = bound(generalNews.stream().map(a -> trainer.probability(model, a)).toList());
    double threshold = Math.max(cvThreshold, fitThreshold);
    Relevance.Settings settings = new Relevance.Settings(
        version(bytes, threshold), threshold, profile.name(),
        RelevanceFeatures.VERSION, summary(watch, generalNews));
    Files.createDirectories(dir);
    Files.write(dir.resolve(Relevance.MODEL_FILE), bytes);
    List<FoldFigures> figures = figures(folds, threshold, general);
    Files.writeString(dir.resolve(Relevance.PROPERTIES_FILE),
        properties(settings, trainer.cost, seed, cvThreshold, fitThreshold, figures), StandardCharsets.UTF_8);
    return new Trained(model, settings, cvThreshold, fitThreshold, folds, figures, dir);
  }

  /**
   * Trains the shipped model the way it was trained: from a data folder laid out as the team's
   * ({@code train/articles-annotated.jsonl}; {@code kcna/articles-dev.jsonl} with {@code
   * kcna/gold-events-dev-full.csv}; {@code negatives/articles-dev.jsonl} as the general news),
   * written to {@code dir} (for the jar: {@code core/src/main/resources/models}).
   */
  public static Trained trainAndWrite(WatchProfile profile, Path data, Path dir, long seed) throws IOException {
    List<LabelledArticle> watch = new ArrayList<>(AnnotatedCorpus.annotated(data.resolve("train/articles-annotated.jsonl")));
    watch.addAll(AnnotatedCorpus.withGold(data.resolve("kcna/articles-dev.jsonl"),
        data.resolve("kcna/gold-events-dev-full.csv"), GazetteerMatcher.of(profile)));
    List<LabelledArticle> general = AnnotatedCorpus.unrelated(data.resolve("negatives/articles-dev.jsonl"));
    return trainAndWrite(profile, watch, general, dir, seed);
  }

  /** A model trained on all of {@code articles} (the same weights its file holds: see {@link #file}). */
  public LinearModel train(List<LabelledArticle> articles) {
    return fit(articles);
  }

  private LinearModel fit(List<LabelledArticle> articles) {
    Set<String> kept = frequent(articles);
    List<LinearTrainer.Instance> instances = new ArrayList<>(articles.size());
    for (LabelledArticle a : articles) {
      instances.add(new LinearTrainer.Instance(only(features(a), kept), a.relevant() ? Relevance.RELEVANT : Relevance.UNRELATED));
    }
    // balanced: the watch's articles are outnumbered several times by the rest
    return new LinearTrainer(cost, seed, true).train(instances, "relevance");
  }

  /** The probability that {@code article} is relevant under {@code model}. */
  public double probability(LinearModel model, LabelledArticle article) {
    return model.probability(features(article), Relevance.RELEVANT);
  }

  /**
   * {@value #FOLDS}-fold cross-validation grouped by outlet, then by month: each article scored
   * twice, once in each grouping; {@link #figures} counts what passes at a threshold.
   */
  public List<Fold> crossValidate(List<LabelledArticle> articles) {
    List<Fold> folds = new ArrayList<>();
    for (Grouping g : Grouping.values()) {
      folds.addAll(crossValidate(articles, g, FOLDS));
    }
    return List.copyOf(folds);
  }

  /**
   * {@code k}-fold cross-validation grouped by {@code grouping} (see {@link GroupedFolds}): each
   * article of {@code articles} scored once, by the model of the fold it was tested in.
   */
  public List<Fold> crossValidate(List<LabelledArticle> articles, Grouping grouping, int k) {
    List<Fold> out = new ArrayList<>();
    for (GroupedFolds.Fold f : GroupedFolds.of(articles, grouping, k)) {
      LinearModel model = fit(f.train());
      List<Scored> scored = f.test().stream().map(a -> new Scored(a, probability(model, a))).toList();
      out.add(new Fold(grouping, f.index(), f.train().size(), scored));
    }
    return out;
  }

  /** The figures of each fold at {@code threshold}; {@code general} says which articles are general news. */
  public static List<FoldFigures> figures(List<Fold> folds, double threshold, Set<LabelledArticle> general) {
    List<FoldFigures> out = new ArrayList<>();
    for (Fold f : folds) {
      int[] n = new int[8];
      for (Scored s : f.test()) {
        boolean pass = s.probability() >= threshold;
        LabelledArticle a = s.article();
        if (!a.events().isEmpty()) {
          count(n, 0, pass);
          if (a.events().stream().anyMatch(LabelledEvent::news)) {
            count(n, 2, pass);
          }
        } else {
          count(n, 4, pass);
          if (general.contains(a)) {
            count(n, 6, pass);
          }
        }
      }
      out.add(new FoldFigures(f.grouping(), f.index(), f.trained(), n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]));
    }
    return out;
  }

  /** The figures of all folds of each grouping together. */
  public static Map<Grouping, FoldFigures> totals(List<FoldFigures> figures) {
    Map<Grouping, FoldFigures> out = new LinkedHashMap<>();
    for (Grouping g : Grouping.values()) {
      List<FoldFigures> of = figures.stream().filter(f -> f.grouping() == g).toList();
      if (!of.isEmpty()) {
        out.put(g, FoldFigures.sum(g, of));
      }
    }
    return out;
  }

  /**
   * The lowest threshold at which, in every grouping, at most {@value #MAX_GENERAL_PASSES_PER_1000}
   * in 1,000 of the general news passes, rounded up to four decimals.
   */
  public static double chooseThreshold(List<Fold> folds, Set<LabelledArticle> general) {
    double threshold = 0.0;
    for (Grouping g : Grouping.values()) {
      List<Double> scores = folds.stream().filter(f -> f.grouping() == g).flatMap(f -> f.test().stream())
          .filter(s -> general.contains(s.article())).map(Scored::probability).toList();
      if (!scores.isEmpty()) {
        threshold = Math.max(threshold, bound(scores));
      }
    }
    if (threshold == 0.0) {
      throw new IllegalArgumentException("no general news to choose the relevance threshold on");
    }
    return threshold;
  }

  /**
   * The lowest threshold, rounded up to four decimals, that at most {@value
   * #MAX_GENERAL_PASSES_PER_1000} in 1,000 of these general-news probabilities reach.
   */
  static double bound(List<Double> generalNews) {
    List<Double> scores = new ArrayList<>(generalNews);
    scores.sort(Collections.reverseOrder());
    int allowed = (int) Math.floor(scores.size() * MAX_GENERAL_PASSES_PER_1000 / 1000.0);
    if (allowed >= scores.size()) {
      return 0.0;
    }
    // the first four-decimal value above the first score that must not pass (the properties
    // file writes four decimals, and what it writes must still keep that score out)
    double first = scores.get(allowed);
    long k = (long) Math.ceil(first * 10_000);
    while (k / 10_000.0 <= first) {
      k++;
    }
    return Math.min(0.9999, Math.max(0.0001, k / 10_000.0));
  }

  /**
   * The features seen in at least {@value #MIN_ARTICLES} of {@code articles}. A word pair seen in
   * few articles teaches nothing that generalises, and every feature kept costs room in the
   * model file (its name and statistics): the rare ones are most of the vocabulary. At 5 the
   * cross-validated figures are those of keeping all; at 10 one article more is missed.
   */
  private Set<String> frequent(List<LabelledArticle> articles) {
    Map<String, Integer> df = new java.util.HashMap<>();
    for (LabelledArticle a : articles) {
      features(a).values().keySet().forEach(name -> df.merge(name, 1, Integer::sum));
    }
    Set<String> kept = new java.util.HashSet<>();
    df.forEach((name, n) -> {
      if (n >= MIN_ARTICLES) {
        kept.add(name);
      }
    });
    return kept;
  }

  private static Features only(Features all, Set<String> kept) {
    Features out = new Features();
    all.values().forEach((name, value) -> {
      if (kept.contains(name)) {
        out.add(name, value);
      }
    });
    return out;
  }

  private Features features(LabelledArticle a) {
    return cache.computeIfAbsent(a, x -> features.of(x.article()));
  }

  /**
   * The model file of a trained model ({@link LinearModel#write}): its labels, feature names and
   * weights only, so that the file depends on the data and the seed only.
   */
  static byte[] file(LinearModel trained) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      trained.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("relevance: cannot write the model: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * The version of a model file and its threshold: the feature set's version and a digest of
   * both, so that the version an extraction records changes whenever a decision can. The file
   * holds the labels, feature names and weights and nothing else, so the digest changes with
   * them only. (Models written before that file form were digested in Tribuo's form; the shipped
   * model was converted, not trained again, and keeps the version its properties file records.)
   */
  private static String version(byte[] model, double threshold) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(model);
      sha.update(threshold(threshold).getBytes(StandardCharsets.US_ASCII));
      return "relevance-" + RelevanceFeatures.VERSION + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String threshold(double t) {
    return String.format(Locale.ROOT, "%.4f", t);
  }

  private static String summary(List<LabelledArticle> watch, List<LabelledArticle> general) {
    long events = watch.stream().filter(a -> !a.events().isEmpty()).count();
    return String.format(Locale.ROOT, "%d articles about Korea (%d with events of the watch, %d without) and %d general news articles",
        watch.size(), events, watch.size() - events, general.size());
  }

  /** The properties file: fixed key order and no date comment, so the same model writes the same file. */
  private static String properties(Relevance.Settings s, double cost, long seed, double cvThreshold,
      double fitThreshold, List<FoldFigures> figures) {
    StringBuilder out = new StringBuilder();
    out.append("# The article relevance model beside this file; written by org.watchfloor.train.RelevanceTrainer.\n");
    out.append("version=").append(s.version()).append('\n');
    out.append("threshold=").append(threshold(s.threshold())).append('\n');
    out.append("profile=").append(s.profile()).append('\n');
    out.append("features=").append(s.featureVersion()).append('\n');
    out.append("trained_on=").append(s.trainedOn()).append('\n');
    out.append("cost=").append(cost).append('\n');
    out.append("seed=").append(seed).append('\n');
    out.append("# threshold: the higher of the lowest at which at most ").append(perThousand())
        .append(" in 1,000 general news articles pass in ").append(FOLDS)
        .append("-fold grouped cross-validation (threshold_cv),\n# and the lowest at which as few pass under this model (threshold_fit)\n");
    out.append("threshold_cv=").append(threshold(cvThreshold)).append('\n');
    out.append("threshold_fit=").append(threshold(fitThreshold)).append('\n');
    out.append("# cross-validated figures at the threshold\n");
    totals(figures).forEach((g, f) -> out.append("cv.").append(g.label()).append('=').append(f).append('\n'));
    return out.toString();
  }

  private static String perThousand() {
    return java.math.BigDecimal.valueOf(MAX_GENERAL_PASSES_PER_1000).stripTrailingZeros().toPlainString();
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  private static void count(int[] n, int at, boolean pass) {
    n[at]++;
    if (pass) {
      n[at + 1]++;
    }
  }

  static Set<LabelledArticle> identitySet(List<LabelledArticle> articles) {
    Set<LabelledArticle> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(articles);
    return set;
  }
}
