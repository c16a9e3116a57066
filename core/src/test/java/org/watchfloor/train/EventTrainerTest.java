package org.watchfloor.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.ArticleReader;
import org.watchfloor.extract.EventModel;
import org.watchfloor.extract.Extractor;
import org.watchfloor.extract.learn.LinearModel;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;

/** The learned event model on a small corpus written for the test: it learns, and learns the same way twice. */
class EventTrainerTest {

  private static final WatchProfile PROFILE = WatchProfile.load("dprk");
  private static final EventModel.Settings SETTINGS = new EventModel.Settings("test", 0.3, 0.4, 0.5);

  private static LabelledArticle article(String id, String day, String text, LabelledEvent... events) {
    Article a = new Article(id, "https://news.example/" + id, null, "Example Wire", null, null,
        Published.ofDate(LocalDate.parse(day), ZoneOffset.UTC), "en", text, id, Set.of(), null, Map.of(), List.of());
    return new LabelledArticle(a, List.of(events), events.length > 0);
  }

  private static LabelledEvent launch(String key, String day, String evidence, boolean news) {
    return new LabelledEvent(key, List.of("missile_launch"), day, "day", false, news, "DPRK", List.of(), List.of(evidence));
  }

  /** Launch stories in the words of this test, and stories that name missiles but report no launch. */
  private static List<LabelledArticle> corpus() {
    List<LabelledArticle> out = new ArrayList<>();
    String[] places = {"the east coast", "near Wonsan", "from a site north of the capital", "into the sea off Hamhung"};
    String[] days = {"Monday", "Tuesday", "Wednesday", "Thursday"};
    for (int i = 0; i < 12; i++) {
      String day = String.format("2016-0%d-1%d", 1 + i % 8, i % 9);
      String lead = "North Korea fired a ballistic missile " + places[i % 4] + " on " + days[i % 4] + ", the South's military said.";
      String before = "It last fired a ballistic missile in March 2015.";
      String plan = "The North said it will launch a satellite rocket next month.";
      String text = lead + "\n" + before + "\n"
          + "Officials said the missile flew about 500 kilometres before it fell into the sea.\n"
          + plan + "\nAnalysts discussed the economy of the region at length.";
      String told = LocalDate.parse(day).toString();
      LabelledEvent planned = new LabelledEvent("plan-" + i, List.of("missile_launch"), told.substring(0, 7), "month", true, true,
          "DPRK", List.of(), List.of(plan));
      out.add(article("launch-" + i, day, text, launch("launch-" + i, told, lead, true), launch("2015-03", "2015-03", before, false),
          planned));
      out.add(article("talk-" + i, day, "Diplomats met in Geneva on " + days[i % 4] + " to discuss trade and fishing rights.\n"
          + "A professor said missile defence budgets were a matter for parliament.\n"
          + "The talks ended without a statement."));
    }
    return out;
  }

  @Test
  void aLaunchStoryOfItsOwnWordsIsALaunchWithItsDay() {
    ArticleReader reader = new ArticleReader(PROFILE, Clock.systemUTC());
    EventModel model = new EventTrainer(reader, 7, 1.0).train(corpus(), SETTINGS);
    Extractor extractor = new Extractor(reader, model, a -> true, "test");
    Article story = new Article("new", "https://news.example/new", null, "Other Wire", null, null,
        Published.ofDate(LocalDate.parse("2016-09-09"), ZoneOffset.UTC), "en",
        "North Korea fired a ballistic missile near Wonsan on Friday, the South's military said.\n"
            + "Analysts discussed the economy of the region at length.", "new", Set.of(), null, Map.of(), List.of());
    List<Report> reports = extractor.extract(story).reports();
    assertThat(reports).hasSize(1);
    Report r = reports.get(0);
    assertThat(r.eventType()).isEqualTo("missile_launch");
    assertThat(r.background()).isFalse();
    assertThat(r.date().iso()).isEqualTo("2016-09-09");
    assertThat(r.evidence()).startsWith("North Korea fired");
    Article talk = new Article("talk", "https://news.example/talk", null, "Other Wire", null, null,
        Published.ofDate(LocalDate.parse("2016-09-09"), ZoneOffset.UTC), "en",
        "Diplomats met in Geneva on Friday to discuss trade and fishing rights.\n"
            + "A professor said missile defence budgets were a matter for parliament.", "talk", Set.of(), null, Map.of(), List.of());
    assertThat(extractor.extract(talk).reports()).isEmpty();
  }

  @Test
  void theSameCorpusAndSeedLearnTheSameModel(@TempDir Path dir) throws Exception {
    ArticleReader reader = new ArticleReader(PROFILE, Clock.systemUTC());
    EventTrainer trainer = new EventTrainer(reader, 7, 1.0);
    trainer.train(corpus(), SETTINGS).write(dir.resolve("a"));
    trainer.train(corpus(), SETTINGS).write(dir.resolve("b"));
    // (a model file holds the weights and nothing of when they were learned)
    try (var files = Files.list(dir.resolve("a"))) {
      for (Path file : files.toList()) {
        assertThat(Files.mismatch(file, dir.resolve("b").resolve(file.getFileName()))).as(file.toString()).isEqualTo(-1L);
      }
    }
    LinearModel a = read(dir.resolve("a").resolve("event-type.model"));
    LinearModel b = read(dir.resolve("b").resolve("event-type.model"));
    for (LinearTrainer.Instance i : trainer.instances(corpus()).types()) {
      assertThat(a.probabilities(i.features())).isEqualTo(b.probabilities(i.features()));
    }
  }

  @Test
  void aRememberingTrainerReadsWhatAFreshOneReads() {
    ArticleReader reader = new ArticleReader(PROFILE, Clock.systemUTC());
    List<LabelledArticle> all = corpus();
    EventTrainer remembering = new EventTrainer(reader, 7, 1.0).remembering();
    remembering.instances(all.subList(0, 10)); // (what a first fold reads, kept)
    EventTrainer.Instances again = remembering.instances(all.subList(4, 20));
    EventTrainer.Instances fresh = new EventTrainer(reader, 7, 1.0).instances(all.subList(4, 20));
    assertThat(again.evidence()).isEqualTo(fresh.evidence()).isPositive();
    assertThat(again.uncovered()).isEqualTo(fresh.uncovered());
    for (var pair : List.of(List.of(again.types(), fresh.types()), List.of(again.roles(), fresh.roles()),
        List.of(again.plans(), fresh.plans()))) {
      assertThat(pair.get(0)).hasSameSizeAs(pair.get(1)).isNotEmpty();
      for (int i = 0; i < pair.get(0).size(); i++) {
        assertThat(pair.get(0).get(i).label()).isEqualTo(pair.get(1).get(i).label());
        assertThat(pair.get(0).get(i).features().values()).isEqualTo(pair.get(1).get(i).features().values());
      }
    }
  }

  @Test
  void anArticlesSecondNewsMustBeSurerThanTheMoreNewsThreshold() {
    ArticleReader reader = new ArticleReader(PROFILE, Clock.systemUTC());
    EventModel model = new EventTrainer(reader, 7, 1.0).train(corpus(), SETTINGS);
    Article story = new Article("two", "https://news.example/two", null, "Other Wire", null, null,
        Published.ofDate(LocalDate.parse("2016-09-09"), ZoneOffset.UTC), "en",
        "North Korea fired a ballistic missile near Wonsan on Friday, the South's military said.\n"
            + "The North said it will launch a satellite rocket next month.", "two", Set.of(), null, Map.of(), List.of());
    java.util.function.Function<Double, List<Boolean>> news = more -> new Extractor(reader,
        model.withSettings(new EventModel.Settings("test", 0.3, 0.4, 0.5, more)), a -> true, "test")
        .extract(story).reports().stream().map(r -> !r.background()).toList();
    assertThat(news.apply(EventModel.Settings.ONE_NEWS)).containsExactlyInAnyOrder(true, false);
    assertThat(news.apply(0.0)).containsExactly(true, true);
  }

  /**
   * Sanctions stories whose day stands at the head of the sentence while a year of the story's
   * past stands nearer the trigger: the nearest expression dates them wrong, and the date model
   * learns which expression the annotators dated them by.
   */
  private static List<LabelledArticle> sanctionStories() {
    List<LabelledArticle> out = new ArrayList<>(corpus());
    String[] days = {"Monday", "Tuesday", "Wednesday", "Thursday"};
    String[] bodies = {"the council", "the committee", "the ministry", "the treasury"};
    for (int i = 0; i < 16; i++) {
      LocalDate published = LocalDate.of(2016, 1 + i % 9, 20 + i % 7);
      LocalDate told = published.minusDays(1 + i % 3);
      String day = told.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
      String lead = "On " + day + ", after months of debate over a plan first floated in " + (2009 + i % 6) + ", "
          + bodies[i % 4] + " announced sanctions on a shipping firm.";
      LabelledEvent e = new LabelledEvent("sanctions-" + i, List.of("sanctions"), told.toString(), "day", false, true, "UN",
          List.of(), List.of(lead));
      out.add(article("sanctions-" + i, published.toString(), lead + "\nThe firm denied any wrongdoing.\n"
          + "Analysts discussed the economy of the region at length.", e));
      out.add(article("plain-" + i, published.toString(), "Diplomats met in Geneva on " + days[i % 4]
          + " to discuss trade.\nThe talks ended without a statement."));
    }
    return out;
  }

  @Test
  void theDateModelLearnsWhichExpressionDatesAHappeningWhereTheNearestOneDoesNot() {
    ArticleReader reader = new ArticleReader(PROFILE, Clock.systemUTC());
    EventTrainer trainer = new EventTrainer(reader, 7, 1.0);
    EventTrainer.Instances in = trainer.instances(sanctionStories());
    // each story teaches three options: the weekday (right), the year (wrong) and none (wrong)
    assertThat(in.dates()).extracting(LinearTrainer.Instance::label).contains(EventModel.AGREES, EventModel.DIFFERS);
    EventModel model = trainer.train(sanctionStories(), SETTINGS);
    Extractor extractor = new Extractor(reader, model, a -> true, "test");
    Article story = new Article("new", "https://news.example/new", null, "Other Wire", null, null,
        Published.ofDate(LocalDate.parse("2017-03-09"), ZoneOffset.UTC), "en",
        "On Tuesday, after months of debate over a plan first floated in 2012, the council announced sanctions on"
            + " a shipping firm.\nAnalysts discussed the economy of the region at length.", "new", Set.of(), null, Map.of(),
        List.of());
    List<Report> reports = extractor.extract(story).reports();
    assertThat(reports).extracting(Report::eventType).containsExactly("sanctions");
    assertThat(reports.get(0).date().iso()).isEqualTo("2017-03-07");
  }

  @Test
  void aModelWrittenWithoutADateModelStillLoadsAndDatesByTheNearestExpression(@TempDir Path dir) throws Exception {
    ArticleReader reader = new ArticleReader(PROFILE, Clock.systemUTC());
    new EventTrainer(reader, 7, 1.0).train(sanctionStories(), SETTINGS).write(dir);
    Files.delete(dir.resolve("event-date.model"));
    Extractor extractor = new Extractor(reader, EventModel.read(dir), a -> true, "test");
    Article story = new Article("old", "https://news.example/old", null, "Other Wire", null, null,
        Published.ofDate(LocalDate.parse("2017-03-09"), ZoneOffset.UTC), "en",
        "On Tuesday, after months of debate over a plan first floated in 2012, the council announced sanctions on"
            + " a shipping firm.", "old", Set.of(), null, Map.of(), List.of());
    assertThat(extractor.extract(story).reports()).extracting(r -> r.date().iso()).containsExactly("2012");
  }

  private static LinearModel read(Path file) throws Exception {
    try (var in = Files.newInputStream(file)) {
      return LinearModel.read(in, file.toString());
    }
  }

  @Test
  void happeningsKnownWithoutTheirSentencesLabelTheCandidateOfTheirTypeAndDay() {
    ArticleReader reader = new ArticleReader(PROFILE, Clock.systemUTC());
    String text = "North Korea fired a ballistic missile into the sea on Monday, officials said.\n"
        + "It last fired a ballistic missile in March 2015.\n"
        + "Analysts discussed the economy of the region at length.";
    LabelledEvent known = new LabelledEvent("2016-09-05-launch", List.of("missile_launch"), "2016-09-05", "day", false, true,
        "", List.of(), List.of());
    LabelledArticle a = article("gold-only", "2016-09-06", text, known);
    EventTrainer.Instances in = new EventTrainer(reader, 7, 1.0).instances(List.of(a));
    assertThat(in.types()).extracting(LinearTrainer.Instance::label).containsExactly("missile_launch", EventModel.NONE);
    assertThat(in.roles()).extracting(LinearTrainer.Instance::label).containsExactly(EventModel.NEWS);
  }

  @Test
  void evidenceIsFoundWhereTheParserLeftIt() {
    String text = "First line.\nNorth Korea fired a missile on Monday, officials said.\nLast line.";
    assertThat(EventTrainer.find(text, "North Korea fired a missile on Monday, officials said.")).containsExactly(12, 66);
    assertThat(EventTrainer.find(text, "No such sentence anywhere in the text at all, none.")).isNull();
  }
}
