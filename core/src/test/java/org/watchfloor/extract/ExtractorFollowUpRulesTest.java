package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;

/**
 * The rules for follow-up news of outlets abroad, on short texts of our own: a trigger that names
 * its own object, a notice of a launch to come, a launch confirmed in a quotation and a recap of
 * an older launch below the lead's.
 */
class ExtractorFollowUpRulesTest {

  private static final RuleExtractor EXTRACTOR = new RuleExtractor(WatchProfile.load("dprk"));

  private static List<Report> reports(String published, String body) {
    return reports(published, "test", body);
  }

  private static List<Report> reports(String published, String title, String body) {
    return EXTRACTOR.extract(TextArticles.article("Example Wire", published, title, body)).reports();
  }

  private static List<Report> news(List<Report> reports) {
    return reports.stream().filter(r -> !r.background()).toList();
  }

  @Test
  void aNuclearTestNeedsNoOtherEntityThanTheTriggerItself() {
    List<Report> reports = news(reports("2025-03-14", """
        The North conducted a nuclear test on Friday, Seoul officials said.
        """));
    assertThat(reports).extracting(Report::eventType).containsExactly("weapons_test_other");
    assertThat(reports.get(0).date().earliest()).isEqualTo(LocalDate.of(2025, 3, 14));
  }

  @Test
  void aNuclearTestIsOfANuclearWeaponThoughNoneIsNamed() {
    List<Report> reports = news(reports("2025-03-14", """
        The North conducted a nuclear test on Friday, Seoul officials said.
        """));
    assertThat(reports).singleElement().satisfies(r -> assertThat(r.weapons()).containsExactly("nuclear weapon"));
    List<Report> named = news(reports("2025-03-14", """
        The North conducted a nuclear test of a hydrogen bomb on Friday, Seoul officials said.
        """));
    assertThat(named).singleElement().satisfies(r -> assertThat(r.weapons()).containsExactly("nuclear weapon"));
    assertThat(named.get(0).claims()).filteredOn(c -> c.field().equals("weapon")).singleElement()
        .satisfies(c -> assertThat(c.start()).isEqualTo(named.get(0).evidence().indexOf("hydrogen bomb") + named.get(0).evidenceStart()));
  }

  @Test
  void aDayInThePossessiveDatesTheTest() {
    List<Report> reports = news(reports("2025-03-15", """
        Monitors in the South said Thursday's nuclear test had a yield of about ten kilotons.
        """));
    assertThat(reports).extracting(Report::eventType).containsExactly("weapons_test_other");
    assertThat(reports.get(0).date().earliest()).isEqualTo(LocalDate.of(2025, 3, 13));
  }

  @Test
  void aTriggerThatNamesItsObjectWithoutADayTellsNoHappening() {
    assertThat(reports("2025-03-14", """
        The South holds drills every spring, and the North takes them as a pretext for its own missile tests.
        """)).isEmpty();
    assertThat(reports("2025-03-14", """
        Seoul officials will meet on Saturday to discuss the nuclear test.
        """)).isEmpty();
  }

  @Test
  void aLaunchConfirmedInAQuotationThatOpensTheArticleIsItsNews() {
    List<Report> reports = news(reports("2025-03-14", """
        An allied defence official said he could "confirm that we have detected a missile launch from the North."

        The official said more updates would follow.
        """));
    assertThat(reports).extracting(Report::eventType).containsExactly("missile_launch");
    assertThat(reports.get(0).planned()).isFalse();
  }

  /** A text cut to its commentary, which names the launch in passing far below its top. */
  private static final String COMMENTARY = """
      Officials in Washington spoke of a containment strategy in an interview.

      Patrols and exercises with allies would follow, one adviser said.

      Many of those efforts were planned anyway, aides said.

      A scholar in Denver said the approach would get attention.

      An analyst in Tokyo called the launch of the long-range rocket a breakthrough for the programme.
      """;

  @Test
  void aTitleThatTellsALaunchByTheNorthMakesTheRecentLaunchNamedInPassingNews() {
    List<Report> reports = news(reports("2025-12-13", "North Koreans Launch Rocket in Defiant Act", COMMENTARY));
    assertThat(reports).extracting(Report::eventType).containsExactly("missile_launch");
  }

  @Test
  void aTitleWithoutTheNorthAsDoerOrWithAPlanMakesNoNews() {
    assertThat(news(reports("2025-12-13", "Allies Weigh a Containment Strategy", COMMENTARY))).isEmpty();
    assertThat(news(reports("2025-12-13", "Japan Fires Back at Critics of Its Defence Plan", COMMENTARY))).isEmpty();
    assertThat(news(reports("2025-12-13", "North Korea Plans to Launch Rocket", COMMENTARY))).isEmpty();
  }

  @Test
  void anOrderToShootDownAMissileIsNoProductionDirective() {
    assertThat(reports("2025-03-14", """
        The neighbour's defence minister said he had put destroyers on alert and issued an order to shoot down any ballistic missile.
        """)).extracting(Report::eventType).doesNotContain("production_directive");
  }

  @Test
  void aBareTestWordStillNeedsSomethingOfTheWatchBesideIt() {
    assertThat(reports("2025-03-14", """
        The school held a test on Friday, parents said.
        """)).isEmpty();
  }

  @Test
  void anOlderLaunchToldBelowTheLeadsIsARecap() {
    List<Report> reports = reports("2025-06-09", """
        The North fired several short-range ballistic missiles into the sea on Monday, the South's military said.

        The North fired two cruise missiles on Friday, drawing protests from its neighbours.
        """);
    assertThat(news(reports)).extracting(r -> r.date().earliest()).containsExactly(LocalDate.of(2025, 6, 9));
    assertThat(reports).filteredOn(Report::background).extracting(r -> r.date().earliest())
        .containsExactly(LocalDate.of(2025, 6, 6));
  }

  @Test
  void twoLaunchesOfOneDayOrOfTheDayBeforeAreBothNews() {
    List<Report> reports = news(reports("2025-06-09", """
        The North fired several short-range ballistic missiles into the sea on Monday, the South's military said.

        The North also fired a cruise missile on Sunday evening, the military said.
        """));
    assertThat(reports).extracting(r -> r.date().earliest()).contains(LocalDate.of(2025, 6, 9));
    assertThat(reports).allSatisfy(r -> assertThat(r.date().earliest()).isAfter(LocalDate.of(2025, 6, 7)));
  }

  @Test
  void aBareLaunchVerbWhoseObjectIsANuclearTestReportsTheTest() {
    List<Report> reports = news(reports("2025-03-15", """
        North Korea launched its sixth nuclear test on Friday, and this time the bomb is reportedly small enough to be mounted on a ballistic missile.

        Officials in Seoul and Tokyo condemned the test.
        """));
    assertThat(reports).extracting(Report::eventType).containsExactly("weapons_test_other");
    assertThat(reports.get(0).weapons()).contains("nuclear weapon");
  }

  @Test
  void aYearTheSentenceCountsFromLeavesTheDayOfTheClaimToTheTest() {
    List<Report> reports = news(reports("2025-03-15", """
        TOKYO -- North Korea claimed Friday that it had conducted a test of a nuclear weapon, its third this year and its seventh since 2006.
        """));
    assertThat(reports).extracting(Report::eventType).containsExactly("weapons_test_other");
    assertThat(reports.get(0).date().earliest()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(reports.get(0).date().latest()).isEqualTo(LocalDate.of(2025, 3, 14));
  }

  @Test
  void aDayInThePossessiveOfTheLaunchDatesItOverTheDayOfTheRetaliation() {
    List<Report> reports = reports("2025-03-14", """
        SEOUL -- North Korea said it was shutting a joint border office on Thursday, calling the South's sanctions, imposed in retaliation for Sunday's rocket launch by the North, an act of war.

        The office had been a symbol of contact for years.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("missile_launch")).singleElement()
        .satisfies(r -> assertThat(r.date().earliest()).isEqualTo(LocalDate.of(2025, 3, 9)));
  }
}
