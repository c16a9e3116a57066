package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;

/**
 * What a launch report says of the launch beyond its day, on short texts of our own: its outcome
 * (from the profile's failure and success lexicons) and its clock time, kept in Korean time.
 */
class LaunchOutcomeAndTimeTest {

  private static final RuleExtractor EXTRACTOR = new RuleExtractor(WatchProfile.load("dprk"));

  private static Report launch(String outlet, String published, String body) {
    List<Report> reports = EXTRACTOR.extract(TextArticles.article(outlet, published, "test", body)).reports();
    return reports.stream().filter(r -> r.eventType().equals("missile_launch") && !r.background())
        .findFirst().orElseThrow(() -> new AssertionError("no launch in " + reports));
  }

  @Test
  void aMissileThatBlewUpIsAFailure() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired a ballistic missile on Sunday morning, but it blew up seconds after lift-off, \
        the South Korean military said.
        """);
    assertThat(r.attributes()).containsEntry("outcome", "failure");
  }

  @Test
  void stateMediaCallingItSuccessfulIsASuccess() {
    Report r = launch("KCNA", "2023-04-03", """
        Pyongyang, April 3 (KCNA) -- The Missile Administration successfully test-fired a new-type \
        tactical ballistic missile on Sunday.
        """);
    assertThat(r.attributes()).containsEntry("outcome", "success");
  }

  @Test
  void aLaunchToldPlainlyHasNoOutcome() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired a ballistic missile into the sea off its east coast on Sunday, the South Korean military said.
        """);
    assertThat(r.attributes()).doesNotContainKey("outcome");
  }

  @Test
  void aDeniedFailureIsNoFailure() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired a ballistic missile on Sunday; officials said it had not failed, contrary to early rumours.
        """);
    assertThat(r.attributes()).doesNotContainEntry("outcome", "failure");
  }

  @Test
  void aClockTimeInKoreaIsKeptAsItIs() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired a ballistic missile at 7:45 a.m. on Sunday, the South Korean military said.
        """);
    assertThat(r.attributes()).containsEntry("time", "07:45");
  }

  @Test
  void aClockTimeInGmtIsTurnedIntoKoreanTime() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired a ballistic missile at 2245 GMT on Saturday, the South Korean military said.
        """);
    assertThat(r.attributes()).containsEntry("time", "07:45");
  }

  @Test
  void aClockTimeStandingApartFromTheDayIsRead() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired a ballistic missile at about 6:20 p.m. local time (0920 GMT) toward the sea off its east \
        coast, South Korea's Joint Chiefs of Staff said.
        """);
    assertThat(r.attributes()).containsEntry("time", "18:20");
  }

  @Test
  void aMissileIsOneWhereTheReportCountsThemNowhereElse() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired an ICBM toward the sea off its east coast on Sunday, the South Korean military said.
        """);
    assertThat(r.attributes()).containsEntry("count", "1");
    assertThat(r.claims()).filteredOn(c -> c.field().equals("count")).singleElement()
        .satisfies(c -> assertThat(c.value()).isEqualTo("1"));
  }

  @Test
  void aCountStatedLaterInTheReportWinsOverTheArticleOfAMissile() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired a ballistic missile toward the sea off its east coast on Sunday morning, the South Korean \
        military said. The North fired two short-range ballistic missiles on Sunday from near its capital, the \
        military said in an update.
        """);
    assertThat(r.attributes()).containsEntry("count", "2");
    // the report claims the count it states, not the article it dropped
    assertThat(r.claims()).filteredOn(c -> c.field().equals("count")).singleElement()
        .satisfies(c -> assertThat(c.value()).isEqualTo("2"));
  }

  @Test
  void aCountStatedFirstIsNotUndoneByALaterArticle() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired three short-range ballistic missiles toward the sea on Sunday, the South Korean military \
        said. The North fired a ballistic missile on Sunday that flew 350 km, the military added.
        """);
    assertThat(r.attributes()).containsEntry("count", "3");
  }

  @Test
  void aTownTheGazetteerKnowsAsALaunchSiteIsTheSiteWhenTheLaunchCameFromIt() {
    Report r = launch("Example Wire", "2023-04-02", """
        North Korea fired two short-range ballistic missiles from near Uiju toward the sea on Sunday, the South \
        Korean military said.
        """);
    assertThat(r.attributes()).containsEntry("launch_site", "Uiju");
  }

  @Test
  void aTownNamedOtherwiseOrNotKnownAsASiteIsNoSite() {
    // the industrial zone closed after the launch, and a town the gazetteer knows as no site
    Report zone = launch("Example Wire", "2016-02-11", """
        North Korea fired a long-range rocket on Sunday, and Seoul pulled its workers out of the Kaesong \
        industrial zone in response, the unification ministry said.
        """);
    assertThat(zone.attributes()).doesNotContainKey("launch_site");
    Report proceeds = launch("Example Wire", "2016-02-11", """
        North Korea fired a long-range rocket on Sunday; Seoul fears that wages from Kaesong paid for its \
        missile programme, the ministry said.
        """);
    assertThat(proceeds.attributes()).doesNotContainKey("launch_site");
    Report wonsan = launch("Example Wire", "2023-04-02", """
        North Korea fired a ballistic missile from near Wonsan toward the sea on Sunday, the South Korean \
        military said.
        """);
    assertThat(wonsan.attributes()).doesNotContainKey("launch_site");
  }
}
