package org.watchfloor.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.learn.LinearModel;
import org.watchfloor.extract.relevance.Relevance;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.train.GroupedFolds.Grouping;

/**
 * Training the relevance model on a small corpus written for this test: launch reports, Korea
 * news without an event of the watch, and general news, from six outlets over six months.
 */
class RelevanceTrainerTest {

  private static final WatchProfile PROFILE = WatchProfile.load("dprk");
  private static final String[] OUTLETS = {"Wire One", "Daily Two", "Radio Three", "Herald Four", "Post Five", "Times Six"};

  @TempDir
  static Path out;

  private static List<LabelledArticle> watch;
  private static List<LabelledArticle> general;
  private static RelevanceTrainer.Trained first;

  @BeforeAll
  static void train() throws IOException {
    watch = new ArrayList<>();
    general = new ArrayList<>();
    String[] kinds = {"a short-range ballistic missile", "two cruise missiles", "an intercontinental ballistic missile",
        "several rockets", "a new solid-fuel missile", "a hypersonic missile"};
    String[] seas = {"off its east coast", "into the sea east of the peninsula", "towards the Sea of Japan",
        "from near Pyongyang", "from a site in the north", "over the sea off Wonsan"};
    for (int i = 0; i < 18; i++) {
      String day = day(i);
      watch.add(launch("launch-" + i, OUTLETS[i % 6], day, "North Korea fires " + kinds[i % 6].replaceFirst("^(a|an|two|several) ", ""),
          "North Korea fired " + kinds[i % 6] + " " + seas[(i + 1) % 6] + " on Tuesday, the South's military said. "
              + "Japan's defence ministry said the launch was the latest of several this year. "
              + "Pyongyang's state media later called it a test of a new weapon system."));
    }
    String[] korea = {"A film from Seoul won the top prize at a festival abroad, its director thanked the cast.",
        "Shares in Seoul closed higher as chip makers gained on strong export figures.",
        "A Korean restaurant in the capital drew long queues after a review praised its noodles."};
    for (int i = 0; i < 6; i++) {
      watch.add(korea("korea-" + i, OUTLETS[(i + 2) % 6], day(i + 3), "Korean news of the day", korea[i % 3]));
    }
    String[] news = {"The home side won the derby 2-1 with a late goal, and the coach praised the fans.",
        "Heavy rain is expected across the region this weekend, forecasters said, with winds easing on Monday.",
        "A bakery chain reported record sales as bread prices fell and new shops opened in the suburbs.",
        "The city council approved a new bicycle lane along the river after a long debate.",
        "A museum reopened its gallery of old maps after a year of repairs to the roof.",
        "The tennis final went to five sets before the champion kept her title."};
    String[] titles = {"Late goal settles the derby", "Wet weekend ahead", "Bakery sales rise",
        "Council backs river cycle lane", "Map gallery reopens", "Champion keeps her title"};
    for (int i = 0; i < 30; i++) {
      general.add(plain("news-" + i, OUTLETS[(i + 1) % 6], day(i), titles[i % 6], news[i % 6]));
    }
    first = RelevanceTrainer.trainAndWrite(PROFILE, watch, general, out.resolve("first"), 7);
  }

  private static String day(int i) {
    return LocalDate.of(2023, 1 + i % 6, 3 + i % 20).toString();
  }

  private static Article article(String id, String outlet, String day, String title, String text) {
    return new Article(id, "https://news.example/" + id, null, outlet, title, null,
        Published.ofDate(LocalDate.parse(day), ZoneOffset.UTC), "en", text, id, Set.of(), null, Map.of(), List.of());
  }

  private static LabelledArticle launch(String id, String outlet, String day, String title, String text) {
    LabelledEvent e = new LabelledEvent(id, List.of("missile_launch"), day, "day", false, true, "KP", List.of(), List.of());
    return new LabelledArticle(article(id, outlet, day, title, text), List.of(e), true);
  }

  /** News chosen for being about Korea: relevant, though it tells no event (see AnnotatedCorpus). */
  private static LabelledArticle korea(String id, String outlet, String day, String title, String text) {
    return new LabelledArticle(article(id, outlet, day, title, text), List.of(), true);
  }

  private static LabelledArticle plain(String id, String outlet, String day, String title, String text) {
    return new LabelledArticle(article(id, outlet, day, title, text), List.of(), false);
  }

  @Test
  void theSameArticlesAndSeedWriteTheSameBytes() throws IOException {
    RelevanceTrainer.trainAndWrite(PROFILE, watch, general, out.resolve("second"), 7);
    for (String file : List.of(Relevance.MODEL_FILE, Relevance.PROPERTIES_FILE)) {
      assertThat(Files.mismatch(out.resolve("first").resolve(file), out.resolve("second").resolve(file)))
          .as(file).isEqualTo(-1L);
    }
  }

  @Test
  void theWrittenFileGivesEveryArticleTheTrainedModelsProbability() throws IOException {
    LinearModel written;
    try (var in = Files.newInputStream(first.dir().resolve(Relevance.MODEL_FILE))) {
      written = LinearModel.read(in, Relevance.MODEL_FILE);
    }
    RelevanceTrainer trainer = new RelevanceTrainer(PROFILE, 7);
    for (LabelledArticle a : watch) {
      assertThat(trainer.probability(written, a)).as(a.article().id()).isEqualTo(trainer.probability(first.model(), a));
    }
    for (LabelledArticle a : general) {
      assertThat(trainer.probability(written, a)).as(a.article().id()).isEqualTo(trainer.probability(first.model(), a));
    }
  }

  @Test
  void theWrittenModelTellsNewLaunchReportsFromOtherNews() {
    Relevance relevance = Relevance.fromDirectory(PROFILE, first.dir());
    Article launch = article("new-launch", "Wire One", "2023-07-11", "North Korea fires missiles",
        "North Korea fired two ballistic missiles towards the Sea of Japan on Monday, the South's military said.");
    Article sport = article("new-sport", "Daily Two", "2023-07-11", "Derby ends level after late goal",
        "The derby ended 1-1 after a late goal, and the coach praised the fans for their patience.");
    assertThat(relevance.relevant(launch)).isTrue();
    assertThat(relevance.relevant(sport)).isFalse();
    assertThat(relevance.version()).isEqualTo(first.settings().version());
    assertThat(relevance.threshold()).isEqualTo(first.settings().threshold());
  }

  @Test
  void crossValidationScoresEveryArticleOnceInEachGrouping() {
    int all = watch.size() + general.size();
    for (Grouping g : Grouping.values()) {
      List<RelevanceTrainer.Fold> folds = first.folds().stream().filter(f -> f.grouping() == g).toList();
      assertThat(folds).hasSize(RelevanceTrainer.FOLDS);
      assertThat(folds.stream().mapToInt(f -> f.test().size()).sum()).as(g.label()).isEqualTo(all);
    }
    var totals = RelevanceTrainer.totals(first.figures());
    assertThat(totals).containsOnlyKeys(Grouping.values());
    totals.values().forEach(t -> {
      assertThat(t.eventArticles()).isEqualTo(18);
      assertThat(t.newsArticles()).isEqualTo(18);
      assertThat(t.unrelated()).isEqualTo(36);
      assertThat(t.general()).isEqualTo(30);
      assertThat(t.generalPassed()).isZero();
    });
  }

  @Test
  void theThresholdLetsThroughAtMostOneGeneralArticleInAThousand() {
    List<Double> scores = IntStream.range(0, 2000).mapToObj(i -> i / 2000.0).toList();
    double t = RelevanceTrainer.bound(scores);
    assertThat(scores.stream().filter(s -> s >= t).count()).isEqualTo(2);
    assertThat(t).isEqualTo(0.9986);
    assertThat(RelevanceTrainer.bound(List.of(0.1, 0.25, 0.2))).isEqualTo(0.2501);
    assertThat(first.settings().threshold()).isGreaterThanOrEqualTo(Math.max(first.cvThreshold(), first.fitThreshold()));
  }

  @Test
  void thePropertiesSayHowTheModelWasMade() throws IOException {
    String props = Files.readString(first.dir().resolve(Relevance.PROPERTIES_FILE));
    assertThat(props).contains("version=" + first.settings().version(), "profile=dprk", "seed=7",
        "trained_on=24 articles about Korea (18 with events of the watch, 6 without) and 30 general news articles",
        "cv.outlet=", "cv.month=");
  }
}
