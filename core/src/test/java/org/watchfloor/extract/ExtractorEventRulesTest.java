package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;

/**
 * The rules that decide whether a sentence reports an event of the watch, on short texts of our
 * own: statements, objects of a trigger, dual-use places, vague background and earlier
 * happenings dated on their own.
 */
class ExtractorEventRulesTest {

  private static final RuleExtractor EXTRACTOR = new RuleExtractor(WatchProfile.load("dprk"));

  static List<Report> reports(String outlet, String published, String body) {
    return EXTRACTOR.extract(TextArticles.article(outlet, published, "test", body)).reports();
  }

  @Test
  void anIssuedStatementIsAThreatStatementDatedOnItsDay() {
    List<Report> reports = reports("KCNA", "2024-06-10", """
        Pyongyang, June 10 (KCNA) -- A senior official of the ruling party issued the following press statement on Sunday.
        The enemy's loudspeakers and balloons near the border will meet a strong response from our military.
        """);
    assertThat(reports).filteredOn(r -> !r.background()).extracting(Report::eventType).contains("threat_statement");
    Report statement = reports.stream().filter(r -> r.eventType().equals("threat_statement")).findFirst().orElseThrow();
    assertThat(statement.date().earliest()).isEqualTo(LocalDate.of(2024, 6, 9));
  }

  @Test
  void aStatementInAnArticleWithNothingMilitaryIsNoEvent() {
    List<Report> reports = reports("KCNA", "2024-06-10", """
        Pyongyang, June 10 (KCNA) -- The national sports committee issued a statement on Sunday.
        It congratulated the football team on winning the regional cup.
        """);
    assertThat(reports).isEmpty();
  }

  @Test
  void aVisitorSentOffAtTheAirportIsNoArmsTransfer() {
    List<Report> reports = reports("KCNA", "2024-07-27", """
        Pyongyang, July 27 (KCNA) -- A visiting foreign minister left Pyongyang on Friday after an official visit.
        He and his party were sent off at Pyongyang International Airport by the vice-minister of foreign affairs.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("arms_transfer", "facility_inspection");
  }

  @Test
  void increasedProductionOfCementIsNoProductionDirective() {
    List<Report> reports = reports("KCNA", "2024-08-10", """
        Pyongyang, August 10 (KCNA) -- Workers of a cement complex called for increased production to help the army rebuild homes.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("production_directive");
  }

  @Test
  void vagueBackgroundWithoutADateOfItsOwnIsNoEvent() {
    List<Report> reports = reports("Example Wire", "2025-12-26", """
        Kim Jong Un ordered his munitions industry to build more missiles next year, state media said.
        The order comes on the heels of joint military drills by the United States and South Korea.
        It shows a long commitment to weapons despite the sanctions over its ballistic missile programme.
        """);
    assertThat(reports).extracting(Report::eventType).contains("production_directive")
        .doesNotContain("military_exercise", "sanctions");
  }

  @Test
  void anEarlierHappeningDatedOnItsOwnIsAnEventApartFromTheNews() {
    List<Report> reports = reports("Example Wire", "2025-12-26", """
        According to state media, Kim Jong Un visited several munitions factories and ordered more missiles.
        The weather in the capital was mild.
        Officials gave no figures.
        The order follows a tour by Kim of a nuclear-powered submarine shipyard earlier this week.
        """);
    List<Report> inspections = reports.stream().filter(r -> r.eventType().equals("facility_inspection")).toList();
    assertThat(inspections).hasSize(2);
    Report tour = inspections.stream().filter(r -> r.evidence().contains("submarine")).findFirst().orElseThrow();
    assertThat(tour.planned()).isFalse();
    assertThat(tour.date().earliest()).isBetween(LocalDate.of(2025, 12, 21), LocalDate.of(2025, 12, 26));
    assertThat(tour.weapons()).contains("nuclear-powered submarine");
  }

  @Test
  void aSpellOfDrillsIsDatedByItsFirstDayAndAConcludedMeetingByItsLast() {
    List<Report> drills = reports("KCNA", "2024-08-30", """
        Pyongyang, August 30 (KCNA) -- The United States and South Korea staged the Ulchi Freedom Shield joint military exercises from August 19 to 29.
        """);
    Report drill = drills.stream().filter(r -> r.eventType().equals("military_exercise")).findFirst().orElseThrow();
    assertThat(drill.background()).isFalse();
    assertThat(drill.date().earliest()).isEqualTo(LocalDate.of(2024, 8, 19));
    assertThat(drill.date().latest()).isEqualTo(LocalDate.of(2024, 8, 19));

    List<Report> meetings = reports("KCNA", "2023-12-31", """
        Pyongyang, December 31 (KCNA) -- The enlarged plenary meeting of the Central Committee of the Workers' Party of Korea, held from December 26 to 30, concluded after setting military tasks.
        """);
    Report meeting = meetings.stream().filter(r -> r.eventType().equals("policy_meeting")).findFirst().orElseThrow();
    assertThat(meeting.date().earliest()).isEqualTo(LocalDate.of(2023, 12, 30));
  }

  @Test
  void rocketsOfAMultipleLauncherFiredAreAWeaponsTest() {
    List<Report> reports = reports("KCNA", "2024-08-28", """
        Pyongyang, August 28 (KCNA) -- Kim Jong Un oversaw the test-fire of a guided 240mm multiple rocket launcher on August 27.
        """);
    assertThat(reports).extracting(Report::eventType).contains("weapons_test_other").doesNotContain("missile_launch");
  }

  @Test
  void aLaunchNamedByClassTakesTheSystemTheArticleNamesLaterButNotOneFromItsHistory() {
    List<Report> reports = reports("Example Wire", "2024-03-15", """
        North Korea fired an intermediate-range missile on Friday, officials in Seoul said.

        South Korea and the United States began their Freedom Shield exercise on Thursday.

        A defence analyst said the missile was probably a Musudan.

        It tested a Hwasong-12 intermediate-range ballistic missile in 2017 as well.
        """);
    Report launch = reports.stream().filter(r -> !r.background() && r.eventType().equals("missile_launch"))
        .findFirst().orElseThrow();
    assertThat(launch.weapons()).contains("IRBM", "Musudan").doesNotContain("Hwasong-12");
  }

  @Test
  void aWouldFarFromTheTriggerJudgesTheNewsAndDoesNotPlanIt() {
    List<Report> reports = reports("Example Wire", "2024-03-15", """
        North Korea tried to fire a ballistic missile early on Friday but it blew up soon after lift-off, officials said, in what would be another failure.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("missile_launch"))
        .singleElement().satisfies(r -> assertThat(r.planned()).isFalse());
    List<Report> plan = reports("Example Wire", "2024-03-15", """
        North Korea will fire a ballistic missile over the sea next week, officials said.
        """);
    assertThat(plan).filteredOn(r -> r.eventType().equals("missile_launch"))
        .singleElement().satisfies(r -> assertThat(r.planned()).isTrue());
  }

  @Test
  void projectilesFiredAreALaunch() {
    List<Report> reports = reports("Example Wire", "2024-03-18", """
        North Korea fired several short-range projectiles into the sea on Monday, the South's military said.
        """);
    assertThat(reports).filteredOn(r -> !r.background()).extracting(Report::eventType).containsExactly("missile_launch");
  }

  @Test
  void aQuestionAndACapacityReportNothing() {
    List<Report> reports = reports("Example Wire", "2024-09-09", """
        Can the North now mount a warhead on a missile and fire it at Guam?
        Analysts said the work shows the ability to send a nuclear warhead across the Pacific.
        """);
    assertThat(reports).filteredOn(r -> !r.background()).isEmpty();
  }

  @Test
  void aLaunchFromASubmarineKeepsTheSubmarineAsItsPlatformNotItsWeapon() {
    List<Report> reports = reports("Example Wire", "2024-04-23", """
        North Korea fired a ballistic missile from a Sinpo-class submarine on Saturday, Seoul said.
        """);
    Report launch = reports.stream().filter(r -> r.eventType().equals("missile_launch")).findFirst().orElseThrow();
    assertThat(launch.weapons()).containsExactly("ballistic missile");
    assertThat(launch.attributes()).containsEntry("platform", "Sinpo-class submarine");
  }

  @Test
  void aTestNamedAfterASequenceCueAndDescribedLaterIsOneTest() {
    List<Report> reports = reports("Example Wire", "2025-12-26", """
        Kim Jong Un ordered factories to make more missiles, state media said.
        - The order follows a look at a nuclear submarine yard and air defense tests over the sea.
        He also watched the test launch of a long-range air defence missile over the East Sea, state media said.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("missile_launch"))
        .singleElement().satisfies(r -> assertThat(r.weapons()).containsExactly("air-defence missile"));
  }

  private static List<Report> news(List<Report> reports) {
    return reports.stream().filter(r -> !r.background()).toList();
  }

  @Test
  void aTourOfCivilianSitesIsNoInspectionEvenPastADualUsePlace() {
    List<Report> reports = reports("KCNA", "2024-10-02", """
        Pyongyang, October 2 (KCNA) -- A visiting delegation of overseas compatriots arrived by air on Monday, greeted by military officers.
        The delegation toured the Grand People's Study House, the Kangdong Greenhouse Complex and a children's palace, and relaxed at a spa in Yangdok.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("facility_inspection");
  }

  @Test
  void aStatementReleasedOnANamedDayIsNewsOfThatDayAndItsTitleDoesNotPlanIt() {
    List<Report> reports = reports("KCNA", "2024-09-21", """
        Pyongyang, September 21 (KCNA) -- A spokesperson for the defence ministry released Saturday the following press statement "We will answer every naval provocation":
        The enemy's warships keep intruding into our waters with missiles aboard.
        """);
    Report statement = news(reports).stream().filter(r -> r.eventType().equals("threat_statement")).findFirst().orElseThrow();
    assertThat(statement.planned()).isFalse();
    assertThat(statement.date().earliest()).isEqualTo(LocalDate.of(2024, 9, 21));
  }

  @Test
  void aStateMediaReportOfTheLeadersDoingsDatesThemTheDayBeforeItsDateline() {
    List<Report> reports = reports("KCNA", "2024-10-05", """
        Pyongyang, October 5 (KCNA) -- The leader of the country inspected a munitions factory producing artillery shells.
        """);
    Report visit = news(reports).stream().filter(r -> r.eventType().equals("facility_inspection")).findFirst().orElseThrow();
    assertThat(visit.date()).isEqualTo(org.watchfloor.model.EventDate.day(LocalDate.of(2024, 10, 4)));
  }

  @Test
  void praiseForWhatWasProducedIsNoProductionOrderButAnOrderIs() {
    String praise = """
        Pyongyang, October 5 (KCNA) -- The premier praised the workers of a munitions plant for having produced more artillery shells than planned.
        """;
    assertThat(reports("KCNA", "2024-10-05", praise)).extracting(Report::eventType).doesNotContain("production_directive");
    String order = """
        Pyongyang, October 5 (KCNA) -- The premier ordered the munitions plant to produce more artillery shells next year.
        """;
    assertThat(news(reports("KCNA", "2024-10-05", order))).extracting(Report::eventType).contains("production_directive");
  }

  @Test
  void aMeetingIsOneWhenHeldNotWhenItsDecisionsAreRecalled() {
    String recalled = """
        Pyongyang, October 5 (KCNA) -- Posters across the provinces call on soldiers and workers to carry out the decisions of the last plenary meeting of the party central committee on defence.
        """;
    assertThat(reports("KCNA", "2024-10-05", recalled)).extracting(Report::eventType).doesNotContain("policy_meeting");
    String held = """
        Pyongyang, October 5 (KCNA) -- An enlarged plenary meeting of the party central committee was held on Friday to discuss defence.
        The leader made a report at the meeting on the nuclear weapons programme.
        """;
    List<Report> meeting = news(reports("KCNA", "2024-10-05", held));
    assertThat(meeting).extracting(Report::eventType).containsOnlyOnce("policy_meeting");
    assertThat(meeting.get(0).weapons()).contains("nuclear weapon");
  }

  @Test
  void drillsARallyRailsAgainstOrOfficersTrainedLongAgoAreNoExercise() {
    String rally = """
        Pyongyang, October 5 (KCNA) -- Protesters in the south keep up their struggle against a ruler bent on aggressive war drills with the military of his foreign masters.
        """;
    assertThat(reports("KCNA", "2024-10-05", rally)).extracting(Report::eventType).doesNotContain("military_exercise");
    String academy = """
        Pyongyang, October 5 (KCNA) -- The artillery school is famous for having trained generations of army officers.
        """;
    assertThat(reports("KCNA", "2024-10-05", academy)).extracting(Report::eventType).doesNotContain("military_exercise");
    String staged = """
        Pyongyang, October 5 (KCNA) -- The Republic of Korea Armed Forces staged a joint air drill with stealth fighters near the border on Thursday.
        """;
    assertThat(news(reports("KCNA", "2024-10-05", staged))).extracting(Report::eventType).contains("military_exercise");
  }

  @Test
  void anUndatedSentenceGoesOnWithTheDatedDrillAndKeepsItsDate() {
    List<Report> reports = news(reports("KCNA", "2024-10-05", """
        Pyongyang, October 5 (KCNA) -- The hostile forces are going to stage Freedom Edge, a large joint exercise, from October 7 to 11.
        Even more warships of their allies will take part in the exercise, the statement said.
        """));
    assertThat(reports).filteredOn(r -> r.eventType().equals("military_exercise")).singleElement()
        .satisfies(r -> assertThat(r.date().earliest()).isEqualTo(LocalDate.of(2024, 10, 7)));
  }

  @Test
  void aTestOfTheSystemALaunchFiresIsThatLaunch() {
    List<Report> reports = news(reports("KCNA", "2024-10-05", """
        Pyongyang, October 5 (KCNA) -- The leader oversaw the test-fire of the upgraded 600mm multiple rocket launcher on Friday.
        A munitions enterprise developed the 600mm multiple rocket launcher, whose performance test proved its accuracy.
        """));
    assertThat(reports).extracting(Report::eventType).containsExactly("missile_launch");
    assertThat(reports.get(0).weapons()).contains("KN-25");
  }

  @Test
  void aCommentatorsArticleIssuedOnADayIsAStatementOfThatDay() {
    List<Report> reports = news(reports("KCNA", "2024-10-05", """
        Pyongyang, October 5 (KCNA) -- Following is the full text of an article "No provocation goes unanswered" issued by a military commentator on Saturday:
        Enemy stealth fighters flew over the peninsula in a mock air battle this week.
        """));
    assertThat(reports).filteredOn(r -> r.eventType().equals("threat_statement")).singleElement()
        .satisfies(r -> assertThat(r.date().earliest()).isEqualTo(LocalDate.of(2024, 10, 5)));
  }

  @Test
  void aLaunchNamingOnlyAClassNamesTheOneSystemOfThatClassFlownInItsYear() {
    String body = """
        SEOUL -- North Korea fired a submarine-launched ballistic missile off its east coast on Saturday, the South's military said.
        """;
    Report then = news(reports("Wire", "2016-05-14", body)).get(0);
    assertThat(then.weapons()).contains("SLBM", "Pukguksong-1");
    // years later the class had more than one system: no system is guessed
    Report later = news(reports("Wire", "2021-05-15", body)).get(0);
    assertThat(later.weapons()).contains("SLBM").doesNotContain("Pukguksong-1");
    // a system of the class named in the article is the one fired
    Report named = news(reports("Wire", "2016-05-14", body
        + "The missile appeared to be a Pukguksong-3, officials said.\n")).get(0);
    assertThat(named.weapons()).contains("Pukguksong-3").doesNotContain("Pukguksong-1");
  }

  @Test
  void theExerciseOfARightIsNoDrill() {
    List<Report> reports = reports("KCNA", "2024-10-05", """
        Pyongyang, October 5 (KCNA) -- The Korean People's Army called the military bloc's summit held abroad an insult to the lawful exercise of sovereignty by independent states.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("military_exercise");
  }

  @Test
  void anEditorialOnWhatAPastMeetingCalledForIsNoMeeting() {
    List<Report> reports = reports("KCNA", "2024-10-05", """
        Pyongyang, October 5 (KCNA) -- An editorial says that the last plenary meeting of the party central committee called upon officials to serve the army and the people.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("policy_meeting");
  }

  @Test
  void aLaunchThatFailedDueToABlastIsNoPlanAndOneEvent() {
    List<Report> reports = news(reports("KCNA", "2024-10-05", """
        Pyongyang, October 5 (KCNA) -- The space agency launched the reconnaissance satellite Malligyong-1-1 on a new-type carrier rocket on October 4.
        The launch failed due to an explosion of the carrier rocket in its first-stage flight, the agency said.
        """));
    assertThat(reports).filteredOn(r -> r.eventType().equals("missile_launch")).singleElement()
        .satisfies(r -> assertThat(r.planned()).isFalse());
  }

  @Test
  void aCalibreWrittenIntoTheLauncherNameIsTheSameSystem() {
    List<Report> reports = news(reports("KCNA", "2024-10-05", """
        Pyongyang, October 5 (KCNA) -- The leader oversaw on Friday a test-fire of the 240mm-calibre MRLS equipped with guided rockets.
        """));
    assertThat(reports).singleElement().satisfies(r -> assertThat(r.weapons()).contains("240mm multiple rocket launcher"));
  }

  @Test
  void aStatementReportsTheDrillsItDatesToTheDayAsEventsOfTheirOwn() {
    List<Report> reports = news(reports("KCNA", "2024-07-08", """
        Pyongyang, July 8 (KCNA) -- A senior party official released the following press statement on July 7:
        The enemy army has lately been busy with drills close to our frontier.
        After a long pause, they resumed their naval firing drill near the islands on June 26.
        They also launched artillery firing drills along the whole front on July 2.
        Such war drills will meet our strong response.
        """));
    assertThat(reports).filteredOn(r -> r.eventType().equals("military_exercise"))
        .extracting(r -> r.date().iso()).contains("2024-06-26", "2024-07-02");
  }

  @Test
  void aStatementThatOnlyDenouncesDrillsReportsNoDrill() {
    List<Report> reports = news(reports("KCNA", "2024-07-08", """
        Pyongyang, July 8 (KCNA) -- A senior party official released the following press statement on July 7:
        Our patience is not unlimited.
        We have long watched the enemy's reckless war drills and will not stand idle.
        They would be well advised to stop staging such firing drills near the frontier at once.
        """));
    assertThat(reports).extracting(Report::eventType).doesNotContain("military_exercise");
  }

  @Test
  void anOrderToTurnOutMoreMissilesIsAProductionDirective() {
    List<Report> reports = news(reports("Example Wire", "2025-03-04", """
        On Monday the North Korean leader told the country's arms plants to turn out many more cruise missiles, state media said.
        """));
    assertThat(reports).extracting(Report::eventType).contains("production_directive");
  }

  @Test
  void aMissileThatTurnedOutToBeAnOlderTypeIsNoProductionDirective() {
    List<Report> reports = reports("Example Wire", "2025-03-04", """
        The defence ministry stressed that the missile fired on Monday turned out to be an older short-range type.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("production_directive");
  }

  @Test
  void balloonsFoundOnOurSideAreNoBalloonCampaign() {
    List<Report> reports = news(reports("KCNA", "2024-07-16", """
        Pyongyang, July 16 (KCNA) -- A senior party official released the following press statement on July 16:
        Seventeen large balloons carrying leaflets were found in two border counties on July 15.
        """));
    assertThat(reports).extracting(Report::eventType).doesNotContain("other");
  }

  @Test
  void aStatementRecallingItsWarningReportsTheBalloonsItSent() {
    List<Report> reports = news(reports("KCNA", "2024-06-10", """
        Pyongyang, June 10 (KCNA) -- A senior party official released the following press statement on Sunday:
        The enemy keeps sending leaflets to our side.
        As already warned, our side scattered tons of waste paper with hundreds of balloons over the border on June 8.
        """));
    assertThat(reports).filteredOn(r -> r.eventType().equals("other"))
        .extracting(r -> r.date().iso()).containsExactly("2024-06-08");
  }

  @Test
  void aSaleApprovedAmidOngoingNamedDrillsReportsTheSaleAndTheDrill() {
    List<Report> reports = news(reports("KCNA", "2024-08-23", """
        Pyongyang, August 23 (KCNA) -- The head of a foreign ministry section released the following statement on Thursday:
        Amid the ongoing Ulji Freedom Shield exercises, the U.S. Department of State approved the sale of twenty attack helicopters to the ROK.
        """));
    assertThat(reports).extracting(Report::eventType).contains("arms_transfer", "military_exercise");
    assertThat(reports).filteredOn(r -> r.eventType().equals("military_exercise"))
        .extracting(r -> r.attributes().get("exercise")).containsExactly("Ulchi Freedom Shield");
  }

  /** The drill news of a defence ministry's statement of 20 September 2024 whose fourth sentence is {@code line}. */
  private static List<Report> drillsOfStatementSaying(String line) {
    return news(reports("KCNA", "2024-09-20", """
        Pyongyang, September 20 (KCNA) -- A spokesman of the defence ministry issued a press statement on Friday, which said:
        The enemies keep scheming against our sovereignty and security on land, at sea and in the air.
        Their war moves never stop and the situation grows ever more tense in the region.
        """ + line + "\n")).stream().filter(r -> r.eventType().equals("military_exercise")).toList();
  }

  @Test
  void aStatementBodyNamingDrillsWithoutADayReportsEachAsLatelyHeld() {
    List<Report> drills = drillsOfStatementSaying(
        "They have held provocative war drills one after another, including Iron Mace and Ulji Freedom Shield, to rehearse a nuclear attack on us.");
    assertThat(drills).extracting(r -> r.attributes().get("exercise")).containsExactlyInAnyOrder("Iron Mace", "Ulchi Freedom Shield");
    assertThat(drills).allSatisfy(r -> {
      assertThat(r.date().latest()).isEqualTo(LocalDate.of(2024, 9, 19));
      assertThat(r.date().earliest()).isBefore(LocalDate.of(2024, 9, 1));
    });
  }

  @Test
  void aDrillAStatementAnnouncedIsToldOnNotReportedAgainAsLatelyHeld() {
    List<Report> reports = news(reports("KCNA", "2024-08-18", """
        Pyongyang, August 18 (KCNA) -- A research institute of the foreign ministry released the following press statement on Sunday:
        The U.S. and the ROK are going to stage Ulji Freedom Shield, large-scale joint military exercises, from August 19 to 29.
        Their war moves never stop and the situation grows ever more tense in the region.
        Thus, Ulji Freedom Shield shows its true colours as the largest war exercise in the region.
        """));
    assertThat(reports).filteredOn(r -> r.eventType().equals("military_exercise"))
        .extracting(r -> r.date().iso()).containsExactly("2024-08-19");
  }

  @Test
  void aStatementBodyListingADrillOutOfItsSeasonReportsOnlyTheOthers() {
    assertThat(drillsOfStatementSaying(
        "War exercises under codenames such as Freedom Shield and Iron Mace are being staged against us in succession."))
        .extracting(r -> r.attributes().get("exercise")).containsExactly("Iron Mace");
  }

  @Test
  void aSaleAmidDrillsNeitherNamedNorHeldNowReportsNoDrill() {
    List<Report> unnamed = news(reports("KCNA", "2024-08-23", """
        Pyongyang, August 23 (KCNA) -- The head of a foreign ministry section released the following statement on Thursday:
        Amid the ongoing large-scale war exercises near the Korean People's Army's front, the U.S. Department of State approved the sale of attack helicopters and missiles to the ROK.
        """));
    assertThat(unnamed).extracting(Report::eventType).contains("arms_transfer").doesNotContain("military_exercise");
    List<Report> past = news(reports("KCNA", "2024-08-23", """
        Pyongyang, August 23 (KCNA) -- The head of a foreign ministry section released the following statement on Thursday:
        Amid the tension left by the Ulji Freedom Shield exercises, the U.S. Department of State approved the sale of twenty attack helicopters to the ROK.
        """));
    assertThat(past).extracting(Report::eventType).contains("arms_transfer").doesNotContain("military_exercise");
  }

  @Test
  void amidTensionsDoesNotHideTheLaunchThatFollowsTheComma() {
    List<Report> reports = news(reports("Example Wire", "2024-08-23", """
        Amid rising tensions with Seoul, North Korea fired two ballistic missiles into the sea on Thursday, the military said.
        """));
    assertThat(reports).extracting(Report::eventType).contains("missile_launch");
  }

  @Test
  void aCarrierCallingAtABaseIsAPortCallNotAnInspection() {
    List<Report> reports = news(reports("KCNA", "2024-06-24", """
        Pyongyang, June 24 (KCNA) -- A defence official made public the following press statement on Monday:
        We are watching the enemy closely.
        This time the nuclear carrier task force called at an operational naval base in Pusan on June 22.
        """));
    assertThat(reports).extracting(Report::eventType).contains("other").doesNotContain("facility_inspection");
  }

  @Test
  void aStatementCitingAnotherDenunciationOnADayReportsOnlyItsOwn() {
    List<Report> reports = news(reports("KCNA", "2024-08-12", """
        Pyongyang, August 12 (KCNA) -- A defence official released the following press statement on Sunday:
        The enemy's war drills are a grave danger.
        A crowd gathered in Seoul on August 10 to denounce the puppet military for its war drills.
        """));
    assertThat(reports).filteredOn(r -> r.eventType().equals("threat_statement")).singleElement()
        .satisfies(r -> assertThat(r.date().iso()).isEqualTo("2024-08-11"));
  }

  @Test
  void aRallyCondemningDrillsReportsNoDrill() {
    List<Report> reports = news(reports("KCNA", "2024-08-06", """
        Pyongyang, August 6 (KCNA) -- Crowds in the puppet ROK are holding rallies to condemn the army for staging war drills with the U.S. forces.
        """));
    assertThat(reports).extracting(Report::eventType).doesNotContain("military_exercise");
  }

  @Test
  void aDrillDenouncedWithItsDayIsStillReported() {
    List<Report> reports = news(reports("KCNA", "2024-08-06", """
        Pyongyang, August 6 (KCNA) -- A defence official released the following press statement on Monday:
        We denounce the enemy for the air drills it staged with its allies on August 2.
        """));
    assertThat(reports).filteredOn(r -> r.eventType().equals("military_exercise"))
        .extracting(r -> r.date().iso()).containsExactly("2024-08-02");
  }

  @Test
  void artistsVisitingARegimentMakeNoInspection() {
    List<Report> reports = news(reports("KCNA", "2024-08-06", """
        Pyongyang, August 6 (KCNA) -- Singers of a county art troupe visited soldiers of a regiment of the Korean People's Army to cheer them up.
        """));
    assertThat(reports).extracting(Report::eventType).doesNotContain("facility_inspection");
  }

  @Test
  void aLeaderVisitingARegimentMakesAnInspection() {
    List<Report> reports = news(reports("KCNA", "2024-08-06", """
        Pyongyang, August 6 (KCNA) -- Kim Jong Un visited a regiment of the Korean People's Army and watched its soldiers train.
        """));
    assertThat(reports).extracting(Report::eventType).contains("facility_inspection");
  }

  @Test
  void anotherCountrysCondemnationIsNoThreatStatement() {
    List<Report> seoul = reports("Seoul Daily", "2024-02-09", """
        South Korea on Friday condemned the North's shipment of ballistic missiles to Russia, calling it a grave breach of resolutions.
        Officials in Seoul said the transfer prolonged the war.
        """);
    assertThat(seoul).extracting(Report::eventType).doesNotContain("threat_statement");
    List<Report> tokyo = reports("Tokyo Daily", "2024-02-09", """
        Japan's defence ministry warned Russia on Friday against buying ballistic missiles from the North.
        """);
    assertThat(tokyo).extracting(Report::eventType).doesNotContain("threat_statement");
    // the watched side's own warning stays one
    List<Report> pyongyang = reports("Seoul Daily", "2024-02-09", """
        North Korea on Friday warned of a powerful response to the drills, saying its ballistic missiles stood ready.
        """);
    assertThat(pyongyang).extracting(Report::eventType).contains("threat_statement");
  }

  @Test
  void aTourOfALaunchPadIsNoLaunch() {
    List<Report> reports = reports("KCNA", "2024-05-20", """
        Pyongyang, May 20 (KCNA) -- Kim Jong Un looked round the test building of a new carrier rocket and the launch pad of a space launch vehicle at a cosmodrome of Russia on Sunday.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("missile_launch");
  }

  @Test
  void investigatorsExaminingDebrisReportNoLaunch() {
    List<Report> reports = reports("Kyiv Wire", "2024-05-20", """
        Investigators in Ukraine are examining fragments of a ballistic missile fired at an apartment block this week, officials said on Monday.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("missile_launch");
  }

  @Test
  void anotherCountryFiringTheWatchedSidesMissilesIsNoLaunchOfTheWatch() {
    List<Report> reports = reports("River Post", "2024-02-09", """
        Russia has launched ballistic missiles made in the North at targets in Ukraine, officials said on Friday.
        """);
    assertThat(reports).extracting(Report::eventType).doesNotContain("missile_launch");
    List<Report> own = reports("River Post", "2024-02-09", """
        North Korea has launched ballistic missiles into the sea, officials said on Friday.
        """);
    assertThat(own).extracting(Report::eventType).contains("missile_launch");
  }

  @Test
  void aWeekdayInKoreaTimeQuotedByAnOutletAbroadIsTheDayAfterItsDateline() {
    // published on a Monday evening in New York: Tuesday in Korea is the next day
    List<Report> reports = reports("River Post", "2025-06-02T20:00:00-04:00", """
        NEW YORK -- The sister of North Korea's leader has warned of countermeasures against the naval drills.
        In a statement carried by the Korean Central News Agency early Tuesday, Korea time, Kim Yo Jong said the drills were a threat to the DPRK.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("threat_statement") && !r.background())
        .extracting(r -> r.date().iso()).containsExactly("2025-06-03");
  }

  @Test
  void anOrderForNextYearIsGivenNowNotPlanned() {
    List<Report> reports = reports("KCNA", "2025-11-14", """
        Pyongyang, November 14 (KCNA) -- Kim Jong Un inspected a munitions enterprise and learned about its production of shells for this year.
        He set forth the task of building more munitions factories and raising the output of shells next year.
        """);
    Report order = reports.stream().filter(r -> r.eventType().equals("production_directive")).findFirst().orElseThrow();
    assertThat(order.planned()).isFalse();
    assertThat(order.date().iso()).isEqualTo("2025-11-13");
    Report visit = reports.stream().filter(r -> r.eventType().equals("facility_inspection")).findFirst().orElseThrow();
    assertThat(visit.background()).isFalse();
    assertThat(visit.date().iso()).isEqualTo("2025-11-13");
  }

  @Test
  void aSystemNamedWhereALaterSentenceDatesAnotherDayIsNotTheLaunchsWeapon() {
    List<Report> reports = reports("River Post", "2024-05-16", """
        North Korea fired an intercontinental ballistic missile on Thursday morning, the military said.
        The missile flew about 1,000 km before falling into the sea.
        It was the first such launch since March 2, when the North fired a Hwasong-17 toward the sea.
        """);
    Report launch = reports.stream().filter(r -> r.eventType().equals("missile_launch") && !r.background())
        .findFirst().orElseThrow();
    assertThat(launch.date().iso()).isEqualTo("2024-05-16");
    assertThat(launch.weapons()).contains("ICBM").doesNotContain("Hwasong-17");
  }

  @Test
  void providingMissilesIsATransferButDetailsProvidedAreNot() {
    List<Report> given = reports("River Post", "2024-02-09", """
        WASHINGTON -- North Korea has provided Russia with ballistic missiles and launchers, officials said on Friday.
        """);
    assertThat(given).filteredOn(r -> !r.background()).extracting(Report::eventType).contains("arms_transfer");
    List<Report> details = reports("River Post", "2024-02-09", """
        WASHINGTON -- Kim Jong Un was briefed on plans for new underwater weapons, though no details were provided, state media said on Friday.
        """);
    assertThat(details).extracting(Report::eventType).doesNotContain("arms_transfer");
  }

  @Test
  void stateMediasSpellingNamesTheSystem() {
    List<Report> fired = reports("KCNA", "2025-01-02", """
        Pyongyang, January 2 (KCNA) -- A test-fire of the intercontinental ballistic missile Hwasongpho-19 was conducted on January 1.
        """);
    assertThat(fired).filteredOn(r -> r.eventType().equals("missile_launch")).singleElement()
        .satisfies(r -> assertThat(r.weapons()).contains("Hwasong-19"));
  }

  @Test
  void testsASanctionIsForAreNoNewsAndTakeNoDayFromHistory() {
    List<Report> reports = reports("River Post", "2016-05-20", """
        SEOUL -- The North Korean leader has told his army to stand ready to use nuclear weapons, after the country came under new sanctions for its nuclear and rocket tests.
        The leader spoke at a meeting of generals, state media said.
        The country conducted a nuclear test on March 1, its fifth.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("weapons_test_other") && !r.background()).isEmpty();
  }
}
