package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Published;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;

/** The event model shipped in the jar ({@code --events learned}) on reports written for this test. */
class ShippedEventModelTest {

  private static final WatchProfile PROFILE = WatchProfile.load("dprk");

  private static Article article(String id, String day, String title, String text) {
    return new Article(id, "https://wire.example/" + id, title, "Example Wire", null, null,
        Published.ofDate(LocalDate.parse(day), ZoneOffset.UTC), "en", text, id, Set.of(), null, Map.of(), List.of());
  }

  @Test
  void itLoadsWithItsVersionAndThresholds() {
    EventModel model = EventModel.shipped();
    assertThat(model.version()).isEqualTo("event-3");
    assertThat(model.settings().typeThreshold()).isBetween(0.0, 1.0);
    assertThat(EventModel.shipped()).as("read once").isSameAs(model);
    assertThat(Extractor.learned(PROFILE, model).modelVersion()).startsWith("event-3+relevance-");
  }

  @Test
  void aWireReportOfALaunchIsOneLaunchToldAsNewsOnItsDay() {
    Extractor extractor = Extractor.learned(PROFILE, EventModel.shipped());
    Article launch = article("launch", "2019-10-03", "North Korea fires ballistic missile off its east coast",
        "SEOUL (Example Wire) - North Korea fired a ballistic missile into the sea off its east coast on Wednesday,"
            + " South Korea's Joint Chiefs of Staff said, days before talks with the United States were due to resume.\n"
            + "The missile flew about 450 km and reached an altitude of 910 km before it fell into the sea, the JCS said.\n"
            + "Japan's defence ministry said the missile came down inside its exclusive economic zone.\n"
            + "North Korea last fired a missile from a submarine in 2016.");
    List<Report> news = extractor.extract(launch).reports().stream().filter(r -> !r.background()).toList();
    assertThat(news).hasSize(1);
    assertThat(news.get(0).eventType()).isEqualTo("missile_launch");
    assertThat(news.get(0).date().iso()).isEqualTo("2019-10-02");
    assertThat(news.get(0).evidence()).contains("fired a ballistic missile");
  }

  @Test
  void aLaunchWhoseSentenceNamesOnlyTheClassTakesTheSystemTheArticleNamesForThatDay() {
    Extractor extractor = Extractor.learned(PROFILE, EventModel.shipped());
    Article launch = article("irbm", "2016-06-22", "North Korea fires intermediate-range missile",
        "SEOUL (Example Wire) - North Korea fired an intermediate-range missile off its east coast on Wednesday,"
            + " South Korea's military said.\n"
            + "Officials in Seoul said on Wednesday the missile appeared to be a Musudan, which can reach Guam.\n"
            + "The North has also been developing the KN-08, a road-mobile missile that has never been flown.");
    Report news = extractor.extract(launch).reports().stream()
        .filter(r -> !r.background() && r.eventType().equals("missile_launch")).findFirst().orElseThrow();
    assertThat(news.evidence()).contains("fired an intermediate-range missile");
    assertThat(news.weapons()).contains("IRBM", "Musudan").doesNotContain("KN-08");
  }

  @Test
  void anOrderForAYearAheadIsNotDatedToThatYear() {
    Extractor extractor = Extractor.learned(PROFILE, EventModel.shipped());
    Article order = article("order", "2026-11-27", "Kim orders more missiles",
        "SEOUL (Example Wire) - Kim Jong Un has ordered a sharp increase in the production of missile launchers"
            + " for 2027, state media reported on Friday.\nThe order came during a visit to a munitions factory this week.");
    List<Report> reports = extractor.extract(order).reports();
    assertThat(reports).isNotEmpty();
    assertThat(reports).filteredOn(r -> !r.planned())
        .allSatisfy(r -> assertThat(r.date().earliest()).isBeforeOrEqualTo(LocalDate.parse("2026-11-28")));
  }

  @Test
  void aStoryOffTheWatchGivesNothing() {
    Extractor extractor = Extractor.learned(PROFILE, EventModel.shipped());
    Article harvest = article("harvest", "2019-10-03", "Farmers bring in a late harvest",
        "Farmers in the valley began bringing in the grape harvest on Wednesday, two weeks later than last year.\n"
            + "A cooperative said rain in September had delayed the picking and cut the yield by a fifth.");
    assertThat(extractor.extract(harvest).reports()).isEmpty();
  }

  @Test
  void aNegationInAnotherClauseOfTheEvidenceLeavesTheLaunchStated() {
    // judged on the whole sentence, "did not say where" made this launch a denial
    Extractor extractor = Extractor.learned(PROFILE, EventModel.shipped());
    Article launch = article("scoped", "2019-10-03", "North Korea fires ballistic missile off its east coast",
        "SEOUL (Example Wire) - North Korea fired a ballistic missile into the sea off its east coast on Wednesday,"
            + " South Korea's Joint Chiefs of Staff said, though it did not say how far the missile flew.");
    List<Report> news = extractor.extract(launch).reports().stream()
        .filter(r -> !r.background() && r.eventType().equals("missile_launch")).toList();
    assertThat(news).isNotEmpty().allSatisfy(r -> assertThat(r.certainty()).isEqualTo(Certainty.ASSERTED));
  }
}
