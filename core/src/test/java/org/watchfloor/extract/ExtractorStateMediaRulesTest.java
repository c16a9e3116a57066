package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Report;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.watchfloor.profile.WatchProfile;

/**
 * The rules that keep state-media copy from becoming events it does not report, and that split
 * and type what it does report, on short texts of our own: opinion pieces, crowds, quoted labels,
 * far-off objects, possessed visits, several days in one sentence, drills an inspection came to
 * see, joint statements, weapons handed over at a ceremony, and what a statement is about.
 */
class ExtractorStateMediaRulesTest {

  private static final RuleExtractor EXTRACTOR = new RuleExtractor(WatchProfile.load("dprk"));

  private static List<Report> reports(String published, String body) {
    String text = "outlet: KCNA\npublished: " + published + "\ntitle: test\n\n" + body;
    ParseResult parsed = new ArticleParser().parse(new RawDocument("rules.txt", null, RawDocument.Format.TEXT,
        text.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(parsed.ok()).isTrue();
    return EXTRACTOR.extract(parsed.article()).reports();
  }

  private static List<Report> news(String published, String body) {
    return reports(published, body).stream().filter(r -> !r.background()).toList();
  }

  @Test
  void anArticleContributedByAnAnalystReportsNoNews() {
    List<Report> news = news("2025-03-04", """
        Pyongyang, March 4 (KCNA) -- The full text of an article contributed by Han Song Il, an analyst of world affairs, titled "Blocs breed wars" says:
        The new naval pact poses a grave threat to the peace of the region, and its members warned of missile deployments.
        """);
    assertThat(news).isEmpty();
  }

  @Test
  void aCrowdDenouncingDrillsIsNoThreatStatement() {
    List<Report> news = news("2025-03-06", """
        Pyongyang, March 6 (KCNA) -- A rally of citizens took place in Busan on March 4 to denounce Yoon Suk Yeol for pushing the military alliance with Japan.
        """);
    assertThat(news).extracting(Report::eventType).doesNotContain("threat_statement");
  }

  @Test
  void aThreatWordQuotedAsTheOtherSidesLabelThreatensNothing() {
    List<Report> news = news("2025-03-08", """
        Pyongyang, March 8 (KCNA) -- The research institute of the foreign ministry released a paper on the alliance on Friday.
        NATO was formed allegedly to counter the "eastern threat" and now places missiles across the continent.
        """);
    assertThat(news).extracting(Report::eventType).doesNotContain("threat_statement");
  }

  @Test
  void aStatementAboutALaunchCarriesTheWeaponItNames() {
    List<Report> news = news("2025-04-02", """
        Pyongyang, April 2 (KCNA) -- A vice-minister of foreign affairs released the following press statement on April 2:
        Calling our lawful launch of a military reconnaissance satellite a breach of resolutions, the secretary-general denounced it on March 31.
        """);
    Report statement = news.stream().filter(r -> r.eventType().equals("threat_statement")).findFirst().orElseThrow();
    assertThat(statement.weapons()).contains("reconnaissance satellite");
  }

  @Test
  void aSentenceTellingSeveralDaysGivesEachDrillItsOwnEvent() {
    List<Report> news = news("2025-05-20", """
        Pyongyang, May 20 (KCNA) -- A spokesman for the defence ministry released the following press statement on May 20:
        The puppet army warned of more moves.
        Strategic bombers of the U.S. flew over the peninsula on May 2, the nuclear plans were discussed by officials on May 8 and a combined air drill was staged by the U.S. and the ROK on May 14-17.
        """);
    assertThat(news).filteredOn(r -> r.eventType().equals("military_exercise")).extracting(r -> r.date().earliest())
        .contains(LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 14));
  }

  @Test
  void aVisitAbroadWithMilitaryTalkFarOffIsNoInspection() {
    List<Report> news = news("2025-06-10", """
        Pyongyang, June 10 (KCNA) -- Prime Minister Kishida visited France and had talks with the French president on June 8, where the two sides agreed to expand military cooperation.
        """);
    assertThat(news).extracting(Report::eventType).doesNotContain("facility_inspection");
  }

  @Test
  void aShipsVisitWelcomedByAMinisterIsNoInspection() {
    List<Report> news = news("2025-06-12", """
        Pyongyang, June 12 (KCNA) -- Prime Minister Kishida welcomed the British frigate's visit to a naval base of Japan on June 11.
        """);
    assertThat(news).extracting(Report::eventType).doesNotContain("facility_inspection");
  }

  @Test
  void anInspectionMadeToGuideADrillReportsTheDrill() {
    List<Report> news = news("2025-07-03", """
        Pyongyang, July 3 (KCNA) -- Kim Jong Un inspected the training base of a sniper unit of the KPA to guide the drill of its combatants on July 1.
        """);
    assertThat(news).extracting(Report::eventType).contains("military_exercise").doesNotContain("facility_inspection");
    assertThat(news.get(0).date().earliest()).isEqualTo(LocalDate.of(2025, 7, 1));
  }

  @Test
  void aJointStatementOnNuclearPlansIsAPolicyMeeting() {
    List<Report> news = news("2025-07-20", """
        Pyongyang, July 20 (KCNA) -- A spokesman for the defence ministry released the following press statement on July 20:
        The heads of the U.S. and the ROK made public a "joint statement" on nuclear deterrence on July 18.
        """);
    assertThat(news).filteredOn(r -> r.eventType().equals("policy_meeting")).extracting(r -> r.date().earliest())
        .containsExactly(LocalDate.of(2025, 7, 18));
  }

  @Test
  void launchersHandedToTheArmyAtACeremonyAreProductionNotATransfer() {
    List<Report> news = news("2025-08-05", """
        Pyongyang, August 5 (KCNA) -- A ceremony for transferring new-type tactical ballistic missile launchers to the front-line units of the KPA took place on August 4.
        """);
    assertThat(news).extracting(Report::eventType).contains("production_directive").doesNotContain("arms_transfer");
  }

  @Test
  void aStatementOnHumanRightsCallingThemAProvocationIsNoEvent() {
    List<Report> news = news("2025-09-09", """
        Pyongyang, September 9 (KCNA) -- A vice-minister for international organizations released the following press statement on Sunday:
        The report of the rights office distorts the situation of our country.
        We reject it as an unpardonable provocation against the sovereignty of the state.
        """);
    assertThat(news).isEmpty();
  }

  @Test
  void aSubmarineInspectedIsNoPlatformOfALaunchToldBesideIt() {
    List<Report> news = news("2025-12-26", """
        Pyongyang, December 26 (KCNA) -- Kim Jong Un oversaw inspections of nuclear submarine facilities and a test-fire of an air-defence missile over the sea.
        """);
    Report launch = news.stream().filter(r -> r.eventType().equals("missile_launch")).findFirst().orElseThrow();
    assertThat(launch.attributes()).doesNotContainKey("platform");
    assertThat(launch.weapons()).containsExactly("air-defence missile");
  }

  @Test
  void aMissileFiredFromASubmarineHasItAsPlatform() {
    List<Report> news = news("2025-12-28", """
        Pyongyang, December 28 (KCNA) -- Kim Jong Un oversaw the test-fire of a strategic cruise missile from the new nuclear submarine on Saturday.
        """);
    Report launch = news.stream().filter(r -> r.eventType().equals("missile_launch")).findFirst().orElseThrow();
    assertThat(launch.attributes()).containsEntry("platform", "nuclear-powered submarine");
  }

  /** The reports of {@code body} read as an article whose publication day is not known. */
  private static List<Report> headerless(String body) {
    ParseResult parsed = new ArticleParser().parse(new RawDocument("headerless.txt", null, RawDocument.Format.TEXT,
        body.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(parsed.ok()).isTrue();
    Article a = parsed.article();
    Article undated = new Article(a.id(), a.url(), a.sourcePath(), a.outlet(), a.title(), a.byline(), null, a.language(),
        a.text(), a.contentHash(), a.flags(), a.copyOf(), a.extra(), a.problems());
    return EXTRACTOR.extract(undated).reports();
  }

  @Test
  void aDayWithoutAYearInATextWithoutAPublicationDayIsNotDated() {
    List<Report> reports = headerless("""
        North Korea says it fired a new ICBM

        BUSAN, March 9 (Harbour Wire) -- North Korea said on Friday it had fired a new intercontinental ballistic missile, the Hwasong-18, on March 8.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("missile_launch")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.date().isKnown()).isFalse());
  }

  @Test
  void aDayWithItsYearInATextWithoutAPublicationDayIsDated() {
    List<Report> reports = headerless("""
        North Korea says it fired a new ICBM

        BUSAN (Harbour Wire) -- North Korea fired a new intercontinental ballistic missile, the Hwasong-18, on March 8, 2024, the military said.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("missile_launch")).extracting(r -> r.date().earliest())
        .contains(LocalDate.of(2024, 3, 8));
  }

  @Test
  void guidelinesOnNuclearForcesSignedAreTheJointPolicysWeapon() {
    List<Report> news = news("2025-07-20", """
        Pyongyang, July 20 (KCNA) -- A spokesman for the defence ministry released the following press statement on July 20:
        The heads of the U.S. and the ROK made public a "joint statement" on nuclear deterrence on July 18.
        Their generals signed the "guidelines on nuclear deterrence" to merge the nuclear forces of the U.S. with the army of the ROK.
        """);
    Report policy = news.stream().filter(r -> r.eventType().equals("policy_meeting")).findFirst().orElseThrow();
    assertThat(policy.weapons()).contains("nuclear weapon");
    assertThat(news).extracting(Report::eventType).doesNotContain("other");
  }
}
