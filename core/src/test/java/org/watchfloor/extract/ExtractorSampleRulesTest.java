package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.extract.ExtractorEventRulesTest.reports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.extract.time.TimeTagger;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Report;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.watchfloor.profile.WatchProfile;

/**
 * Rules found on the project's sample corpus, each on sentences of our own: source bodies that
 * act in sanctions, happenings only feared, plans for a year ahead and the leads that carry news.
 */
class ExtractorSampleRulesTest {

  private static List<Report> news(List<Report> reports) {
    return reports.stream().filter(r -> !r.background()).toList();
  }

  @Test
  void aCouncilVoteOnAPanelIsSanctionsNewsOfItsDay() {
    List<Report> reports = reports("Example Wire", "2024-06-13T15:00:00-04:00", """
        GENEVA, June 13 (Example Wire) --

        China on Thursday blocked a Security Council resolution to renew the watchdog that checks how sanctions on North Korea are kept.
        """);
    assertThat(news(reports)).extracting(Report::eventType).containsExactly("sanctions");
    assertThat(news(reports).get(0).date().earliest()).isEqualTo(LocalDate.of(2024, 6, 13));
  }

  @Test
  void aSourceBodyActsOnlyInTheTypesItActsIn() {
    // the council is where the warning was heard, not the one that makes a threat of the watch
    List<Report> reports = reports("Example Wire", "2024-06-13T15:00:00-04:00", """
        Norway on Thursday warned the Security Council about a shipping lane.
        """);
    assertThat(reports).isEmpty();
  }

  @Test
  void aLaunchAwaitedOnAlertIsNoLaunch() {
    List<Report> reports = reports("Example Post", "2025-08-18T11:00:00+09:00", """
        TOKYO -- Seoul and Washington opened their Ulchi Freedom Shield drills on Monday, and Japan said its forces were watching for potential ballistic missile launches over its islands.
        """);
    assertThat(news(reports)).extracting(Report::eventType).containsExactly("military_exercise");
  }

  @Test
  void aLaunchOrderedForANextYearIsPlannedInThatYear() {
    List<Report> reports = reports("Example Daily", "2025-12-29T20:00:00-05:00", """
        WASHINGTON -- The North Korean leader has ordered his army to launch two more spy satellites in 2026, state media reported on Tuesday.
        """);
    Report launch = reports.stream().filter(r -> r.eventType().equals("missile_launch")).findFirst().orElseThrow();
    assertThat(launch.planned()).isTrue();
    assertThat(launch.date().iso()).isEqualTo("2026");
  }

  @Test
  void theMeetingOfThePartysCentralCommitteeIsAPolicyMeeting() {
    List<Report> reports = reports("Example Daily", "2025-06-23T21:00:00-04:00", """
        WASHINGTON -- North Korea set out new goals for its forces, state media said.

        The plenary session of the party's Central Committee, which ended Saturday, set the military agenda for the rest of the year.
        """);
    assertThat(news(reports)).filteredOn(r -> r.eventType().equals("policy_meeting"))
        .extracting(r -> r.date().earliest()).containsExactly(LocalDate.of(2025, 6, 21));
  }

  @Test
  void aCouncilVetoOnAnotherCountrysWarIsNoSanctionsNews() {
    List<Report> reports = reports("KCNA", "2024-05-02", """
        Pyongyang, May 2 (KCNA) -- The UN Security Council on April 29 put to a vote a resolution on a ceasefire in a faraway war, but one permanent member cast a veto against it and warships kept firing.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("sanctions");
  }

  @Test
  void aLeadTellingALaunchByTheWatchedCountryByItsKindIsALaunch() {
    List<Report> reports = reports("Example Post", "2024-05-29T08:00:00+09:00", """
        TOKYO -- A rocket launched by North Korea late Tuesday fell into the sea west of the peninsula, the defence ministry said.
        """);
    assertThat(news(reports)).extracting(Report::eventType).containsExactly("missile_launch");
    assertThat(news(reports).get(0).date().earliest()).isEqualTo(LocalDate.of(2024, 5, 28));
  }

  @Test
  void aRocketLaunchedLaterInAnArticleNeedsItsWeaponNamed() {
    List<Report> reports = reports("Example Post", "2024-05-29T08:00:00+09:00", """
        TOKYO -- Fishermen off the western coast said they had seen no trace of the missile.

        A trawler crew told reporters about the weather. Another said the season was poor.

        A rocket launched by North Korea late Tuesday was mentioned by the harbour master as well.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("missile_launch");
  }

  @Test
  void aLeaderShownRoundASpaceportInspectsIt() {
    List<Report> reports = reports("Example Wire", "2024-10-02T20:00:00+09:00", """
        MOSCOW, Oct. 2 (Example Wire) --

        The Russian president received the North Korean leader Kim Jong Un at a spaceport in the Far East on Wednesday, giving him a tour of the rocket launch complex before their talks.
        """);
    assertThat(news(reports)).extracting(Report::eventType).containsExactly("facility_inspection");
  }

  @Test
  void aLaunchUsingMissileTechnologyFiresNoMissile() {
    List<Report> reports = reports("Example Post", "2024-05-29T08:00:00+09:00", """
        TOKYO -- A rocket launched by North Korea late Tuesday fell into the sea west of the peninsula.
        "It is a launch that uses ballistic missile technology," the prime minister said.
        """);
    assertThat(news(reports)).singleElement().satisfies(r -> assertThat(r.weapons()).doesNotContain("ballistic missile"));
  }

  @Test
  void anyWiresDatelineIsTheDayOfTheReport() {
    List<TimeExpression> times = new TimeTagger().tag("BERLIN, May 3 (Example Newswire) -- Officials met on Friday.",
        LocalDate.of(2024, 5, 3));
    assertThat(times).filteredOn(t -> t.text().equals("May 3")).extracting(TimeExpression::kind)
        .containsExactly(TimeExpression.Kind.PUBLICATION_REF);
  }

  @Test
  void theDatelineOfAnExaminationOfDebrisDoesNotDateTheSupply() {
    List<Report> reports = reports("Example Newswire", "2024-02-09T18:00:00+02:00", """
        ODESA, Feb. 9 (Example Newswire) -- Investigators are examining fragments of a rocket that officials say was supplied to Russia by North Korea, after the White House said Russian forces had fired North Korean ballistic missiles.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("arms_transfer")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.date().precision()).isNotEqualTo(org.watchfloor.model.DatePrecision.DAY));
  }

  @Test
  void aGuestShownRoundALaunchComplexAtASummitInspectsIt() {
    List<Report> reports = reports("Example Ledger", "2024-10-04T09:00:00+09:00", """
        SEOUL -- Seoul voiced concern on Friday about the meeting of the two leaders.

        The leaders held their summit on Thursday at a spaceport in the Far East, where the Russian president showed Kim Jong Un around the rocket launch complex.
        """);
    assertThat(news(reports)).extracting(Report::eventType).contains("facility_inspection").doesNotContain("other");
  }

  @Test
  void aMissileQuickerToLaunchIsNoLaunch() {
    List<Report> reports = reports("Example Wire", "2024-07-02T10:00:00+09:00", """
        SEOUL -- Analysts said a new solid-fuel engine would make the North's ICBM quicker to launch.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("missile_launch");
  }

  @Test
  void aHeaderlessDatelineTakesTheYearItsWeekdayFitsLast() {
    // 10 March fell on a Monday in 2025 (and in 2014, 2008 …), never in 2021 to 2024
    Extractor extractor = new Extractor(WatchProfile.load("dprk"),
        Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
    String text = """
        North Korea fires missiles as drills begin

        SEOUL, March 10 (Example Newswire) -- North Korea fired several ballistic missiles into the Yellow Sea on Monday, the military said.
        """;
    ParseResult parsed = new ArticleParser().parse(new RawDocument("headerless.txt", null, RawDocument.Format.TEXT,
        text.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(parsed.article().published()).isNull();
    assertThat(extractor.extract(parsed.article()).reports()).extracting(r -> r.date().iso()).contains("2025-03-10");
  }

  @Test
  void aHeaderlessDatelineWhoseWeekdayFitsNoRecentYearStaysUndated() {
    // 10 March was a Wednesday in 2021 and has not been one since: five years back is too far
    Extractor extractor = new Extractor(WatchProfile.load("dprk"),
        Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
    String text = """
        North Korea fires missiles

        SEOUL, March 10 (Example Newswire) -- North Korea fired several ballistic missiles into the Yellow Sea on Wednesday, the military said.
        """;
    ParseResult parsed = new ArticleParser().parse(new RawDocument("headerless.txt", null, RawDocument.Format.TEXT,
        text.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(extractor.extract(parsed.article()).reports()).allSatisfy(r -> assertThat(r.date().isKnown()).isFalse());
  }

  @Test
  void aMissileTestedIsALaunchOfTheDayBeforeTheSaying() {
    List<Report> reports = reports("Example Wire", "2024-09-13T10:00:00+09:00", """
        SEOUL -- North Korea said on Friday it had tested a new intercontinental ballistic missile the previous day.
        """);
    assertThat(news(reports)).extracting(Report::eventType).containsExactly("missile_launch");
    assertThat(news(reports).get(0).date().earliest()).isEqualTo(LocalDate.of(2024, 9, 12));
  }

  @Test
  void anEngineTestedForAMissileIsNoLaunch() {
    List<Report> reports = reports("Example Wire", "2024-09-13T10:00:00+09:00", """
        SEOUL -- North Korea said on Friday it had tested a high-thrust solid-fuel engine for a new intercontinental ballistic missile.
        """);
    assertThat(news(reports)).extracting(Report::eventType).doesNotContain("missile_launch");
  }

  @Test
  void theDayASayingVerbTellsIsNotTheDayOfTheLaunchItReports() {
    List<Report> reports = reports("Example Wire", "2024-09-13T10:00:00+09:00", """
        SEOUL -- North Korea said on Friday it had fired a ballistic missile into the sea the previous day.
        """);
    assertThat(news(reports)).extracting(r -> r.date().earliest()).containsExactly(LocalDate.of(2024, 9, 12));
  }

  @Test
  void aReportingDayStillDatesAnOrderForTheComingYear() {
    List<Report> reports = reports("Example Wire", "2025-12-26T10:00:00+09:00", """
        SEOUL -- Kim Jong Un has ordered the expansion of missile production for the coming year, state media reported Friday.
        """);
    assertThat(news(reports)).filteredOn(r -> r.eventType().equals("production_directive"))
        .extracting(r -> r.date().earliest()).containsExactly(LocalDate.of(2025, 12, 26));
  }
}
