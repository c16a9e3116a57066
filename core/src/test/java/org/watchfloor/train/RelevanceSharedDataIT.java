package org.watchfloor.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.extract.relevance.Relevance;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.train.GroupedFolds.Grouping;

/**
 * The relevance model against the team's labelled data in {@code ../shared/data} (skipped where
 * it is absent; {@code -Dwatchfloor.data=DIR} points elsewhere): the shipped model on the
 * general news and on the multi-outlet articles it never saw, and the grouped cross-validation
 * that chose its threshold, trained again the way the shipped model was. Prints the figures;
 * takes a minute or two.
 */
class RelevanceSharedDataIT {

  private static final WatchProfile PROFILE = WatchProfile.load("dprk");
  private static final Path DATA = Path.of(System.getProperty("watchfloor.data", "../shared/data"));

  private static List<LabelledArticle> train;
  private static List<LabelledArticle> kcna;
  private static List<LabelledArticle> general;

  @BeforeAll
  static void read() {
    assumeTrue(Files.isRegularFile(DATA.resolve("negatives/articles-dev.jsonl")), "no labelled data at " + DATA.toAbsolutePath());
    train = AnnotatedCorpus.annotated(DATA.resolve("train/articles-annotated.jsonl"));
    kcna = AnnotatedCorpus.withGold(DATA.resolve("kcna/articles-dev.jsonl"), DATA.resolve("kcna/gold-events-dev-full.csv"),
        GazetteerMatcher.of(PROFILE));
    general = AnnotatedCorpus.unrelated(DATA.resolve("negatives/articles-dev.jsonl"));
  }

  @Test
  void theShippedModelLetsAtMostOneGeneralArticleInAThousandThrough() {
    Relevance relevance = Relevance.load(PROFILE);
    long passed = general.stream().filter(a -> relevance.relevant(a.article())).count();
    System.out.printf("shipped %s: general news passed %d/%d%n", relevance.version(), passed, general.size());
    assertThat(passed).isLessThanOrEqualTo(general.size() / 1000);
  }

  @Test
  void theShippedModelPassesTheEventArticlesOfOutletsItNeverSaw() {
    Relevance relevance = Relevance.load(PROFILE);
    List<LabelledArticle> multi = AnnotatedCorpus.withGold(DATA.resolve("multi/articles-dev.jsonl"),
        DATA.resolve("multi/gold-events-dev.csv"), GazetteerMatcher.of(PROFILE));
    List<LabelledArticle> events = multi.stream().filter(a -> !a.events().isEmpty()).toList();
    long passed = events.stream().filter(a -> relevance.relevant(a.article())).count();
    System.out.printf("shipped %s: held-out multi-outlet articles with events passed %d/%d%n", relevance.version(), passed, events.size());
    assertThat(events).isNotEmpty();
    assertThat((double) passed / events.size()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void crossValidationHoldsTheTargetsAtTheShippedThreshold(@TempDir Path dir) throws IOException {
    List<LabelledArticle> watch = new java.util.ArrayList<>(train);
    watch.addAll(kcna);
    RelevanceTrainer.Trained t = RelevanceTrainer.trainAndWrite(PROFILE, watch, general, dir, RelevanceTrainer.SEED);
    double threshold = t.settings().threshold();
    Relevance shipped = Relevance.load(PROFILE);
    System.out.printf(java.util.Locale.ROOT, "retrained %s at %.4f (cv %.4f, fit %.4f); shipped %s at %.4f%n", t.settings().version(), threshold,
        t.cvThreshold(), t.fitThreshold(), shipped.version(), shipped.threshold());
    Set<LabelledArticle> generalSet = identity(general);
    for (Map.Entry<String, List<LabelledArticle>> corpus : Map.of("train", train, "kcna", kcna).entrySet()) {
      Set<LabelledArticle> of = identity(corpus.getValue());
      List<RelevanceTrainer.Fold> folds = t.folds().stream().map(f -> new RelevanceTrainer.Fold(f.grouping(), f.index(), f.trained(),
          f.test().stream().filter(s -> of.contains(s.article()) || generalSet.contains(s.article())).toList())).toList();
      List<RelevanceTrainer.FoldFigures> figures = RelevanceTrainer.figures(folds, threshold, generalSet);
      figures.forEach(f -> System.out.println(corpus.getKey() + " " + f));
      for (Map.Entry<Grouping, RelevanceTrainer.FoldFigures> total : RelevanceTrainer.totals(figures).entrySet()) {
        System.out.println(corpus.getKey() + " " + total.getValue());
        assertThat(total.getValue().newsRecall()).as(corpus.getKey() + " by " + total.getKey().label()).isGreaterThanOrEqualTo(0.9);
        assertThat(total.getValue().generalPassesPer1000()).as("general news by " + total.getKey().label()).isLessThanOrEqualTo(1.0);
      }
    }
  }

  private static Set<LabelledArticle> identity(List<LabelledArticle> articles) {
    Set<LabelledArticle> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(articles);
    return set;
  }
}
