package org.watchfloor.extract.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.watchfloor.profile.WatchProfile;

/** The shipped relevance model on articles written for this test, and how a model is loaded. */
class RelevanceTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");
  private static final Relevance SHIPPED = Relevance.load(DPRK);

  static Article article(String outlet, String published, String title, String body) {
    String text = "outlet: " + outlet + "\npublished: " + published + "\ntitle: " + title + "\n\n" + body;
    ParseResult parsed = new ArticleParser().parse(new RawDocument("relevance.txt", null, RawDocument.Format.TEXT,
        text.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(parsed.ok()).isTrue();
    return parsed.article();
  }

  static final Article LAUNCH = article("Example Wire", "2025-05-14", "North Korea fires ballistic missile toward sea, Seoul says", """
      SEOUL, May 14 -- North Korea fired a short-range ballistic missile off its east coast early on Wednesday, \
      South Korea's military said, the third launch this month.
      The Joint Chiefs of Staff said the missile flew about 600 km before it came down in the sea between the \
      peninsula and Japan. Japan's defence ministry said it fell outside its exclusive economic zone.
      Pyongyang has stepped up its weapons tests this year and vowed to answer joint drills by Seoul and Washington.
      """);

  static final Article FACTORY = article("KCNA", "2025-03-02", "Kim Jong Un Visits Munitions Enterprise", """
      Pyongyang, March 2 (KCNA) -- Kim Jong Un, general secretary of the Workers' Party of Korea, visited a \
      munitions enterprise producing missiles and artillery shells.
      He set the task of expanding the production of missile launchers and shells this year to bolster \
      the nuclear force and the combat readiness of the army.
      """);

  static final Article FOOTBALL = article("Example Sport", "2025-05-14", "Late header settles five-goal thriller", """
      A header from the captain in the last minute gave the home side a 3-2 win on Saturday, lifting them \
      to third in the table.
      The visitors had come back twice from a goal down, and their coach said his players deserved a point.
      The club travels to the coast next week for a cup tie against a second-division side.
      """);

  static final Article BAKERY = article("Example Business", "2024-11-03", "Bakery chain posts record profit", """
      A regional bakery chain reported its best year yet on Thursday, as sales of bread and pastries rose by \
      a fifth and the company opened forty new shops.
      Its chief executive said flour prices had eased and that the chain would hire more staff before the holidays.
      """);

  @Test
  void aLaunchReportIsAboutTheWatch() {
    assertThat(SHIPPED.relevant(LAUNCH)).isTrue();
  }

  @Test
  void aStateMediaReportOfAMunitionsFactoryIsAboutTheWatch() {
    assertThat(SHIPPED.relevant(FACTORY)).isTrue();
  }

  @Test
  void aFootballReportAndABusinessReportAreNot() {
    assertThat(SHIPPED.relevant(FOOTBALL)).isFalse();
    assertThat(SHIPPED.relevant(BAKERY)).isFalse();
    assertThat(SHIPPED.probability(FOOTBALL)).isLessThan(SHIPPED.probability(LAUNCH));
  }

  @Test
  void whatFollowsTheLeadIsNotRead() {
    String lead = "A header from the captain in the last minute gave the home side a 3-2 win on Saturday. ".repeat(20);
    assertThat(lead.length()).isGreaterThan(RelevanceFeatures.LEAD_CHARS);
    Article plain = article("Example Sport", "2025-05-14", "Home win", lead + "The fans went home happy.");
    Article tailed = article("Example Sport", "2025-05-14", "Home win", lead + "North Korea fired a ballistic missile.");
    assertThat(SHIPPED.probability(tailed)).isEqualTo(SHIPPED.probability(plain));
  }

  @Test
  void theShippedModelSaysWhatItIs() {
    assertThat(SHIPPED.version()).matches("relevance-" + RelevanceFeatures.VERSION + "-[0-9a-f]{12}");
    assertThat(SHIPPED.threshold()).isStrictlyBetween(0.0, 1.0);
    assertThat(SHIPPED.settings().profile()).isEqualTo("dprk");
    assertThat(SHIPPED.settings().trainedOn()).isNotBlank();
  }

  @Test
  void aMissingModelIsAnErrorNamingTheResource() {
    assertThatThrownBy(() -> Relevance.fromClasspath(DPRK, "/models/no-such-relevance"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/models/no-such-relevance.properties")
        .hasMessageContaining("missing");
  }

  @Test
  void aMissingModelFileBesideItsSettingsIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
    copyShippedSettings(dir);
    assertThatThrownBy(() -> Relevance.fromDirectory(DPRK, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.resolve(Relevance.MODEL_FILE).toString());
  }

  @Test
  void anUnreadableModelIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
    copyShippedSettings(dir);
    Files.writeString(dir.resolve(Relevance.MODEL_FILE), "not a model");
    assertThatThrownBy(() -> Relevance.fromDirectory(DPRK, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.resolve(Relevance.MODEL_FILE).toString())
        .hasMessageContaining("unreadable");
  }

  @Test
  void settingsWithoutAThresholdAreAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(Relevance.PROPERTIES_FILE), "version=x\nprofile=dprk\nfeatures=1\n");
    assertThatThrownBy(() -> Relevance.fromDirectory(DPRK, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Relevance.PROPERTIES_FILE)
        .hasMessageContaining("threshold");
  }

  @Test
  void aModelOfAnotherProfileIsRefused() {
    assertThatThrownBy(() -> Relevance.load(WatchProfile.load("iran")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("trained for profile dprk, not iran");
  }

  private static void copyShippedSettings(Path dir) throws IOException {
    try (var in = Relevance.class.getResourceAsStream(Relevance.RESOURCE + ".properties")) {
      Files.write(dir.resolve(Relevance.PROPERTIES_FILE), in.readAllBytes());
    }
  }
}
