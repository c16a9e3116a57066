package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.resolve.Reports.article;
import static org.watchfloor.resolve.Reports.report;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Report;

class OriginResolverTest {

  private static final OriginResolver RULES = OriginResolver.of(org.watchfloor.profile.WatchProfile.load("dprk"));

  private static List<String> origins(List<Report> reports) {
    return reports.stream().map(Report::origin).toList();
  }

  @Test
  void anUnattributedInternalHappeningTracesToStateMediaNotToAMilitaryMentionedInPassing() {
    Report directive = report("a1-r0", "production_directive", "The leader told factories to build more shells.",
        null, "jcs");
    List<Report> traced = RULES.trace(article("a1", "text", null, null), List.of(directive), List.of());
    assertThat(origins(traced)).containsExactly("kcna");
  }

  @Test
  void anInternalHappeningPublishedByAnotherStateMediumKeepsThatMedium() {
    Report meeting = report("a1-r0", "policy_meeting", "The plenary met for three days.", null, "rodong-sinmun");
    assertThat(origins(RULES.trace(article("a1", "t", null, null), List.of(meeting), List.of())))
        .containsExactly("rodong-sinmun");
  }

  @Test
  void aSentenceAttributionWins() {
    Report inspection = report("a1-r0", "facility_inspection", "The JCS said the leader toured a plant.",
        "The JCS said", "jcs");
    assertThat(origins(RULES.trace(article("a1", "t", null, null), List.of(inspection), List.of())))
        .containsExactly("jcs");
  }

  @Test
  void aTestClaimFollowsTheStateMediumTheArticleQuotes() {
    Report quoted = report("a1-r0", "missile_launch", "KCNA said a new rocket flew.", "KCNA said", "kcna");
    Report test = report("a1-r1", "weapons_test_other", "An engine was fired on a stand.", null, "outlet:Example Daily");
    assertThat(origins(RULES.trace(article("a1", "t", null, null), List.of(quoted, test), List.of())))
        .containsExactly("kcna", "kcna");
  }

  @Test
  void aCopyInheritsItsOriginalsOriginsEvenWhereItsOwnTextWouldSayOtherwise() {
    Report original = report("a1-r0", "missile_launch", "A missile flew east.", null, "japan-mod");
    Report copy = report("a2-r0", "missile_launch", "A missile flew east.", null, "outlet:Copier");
    List<Report> traced = RULES.trace(article("a2", "t", null, "a1"), List.of(copy), List.of(original));
    assertThat(origins(traced)).containsExactly("japan-mod");
    assertThat(traced.get(0).id()).isEqualTo("a2-r0");
  }

  @Test
  void aWireCreditMakesOwnReportingTheWires() {
    Report launch = report("a1-r0", "missile_launch", "A missile flew east.", null, "outlet:Example Daily");
    assertThat(origins(RULES.trace(article("a1", "SEOUL (Reuters) - A missile flew east.", null, null),
        List.of(launch), List.of()))).containsExactly("outlet:Reuters");
    assertThat(origins(RULES.trace(article("a1", "A missile flew east.", "By Jane Roe, Associated Press", null),
        List.of(launch), List.of()))).containsExactly("outlet:Associated Press");
    assertThat(origins(RULES.trace(article("a1", "A missile flew east.", "By Jane Roe", null),
        List.of(launch), List.of()))).containsExactly("outlet:Example Daily");
  }

  @Test
  void aProfileWithoutInternalTypesLeavesAnUnattributedMeetingToTheOutlet() {
    OriginResolver none = new OriginResolver(java.util.Set.of(), List.of());
    Report meeting = report("a1-r0", "policy_meeting", "The party held a plenary meeting.", null, "outlet:Example Daily");
    assertThat(origins(none.trace(article("a1", "t", null, null), List.of(meeting), List.of())))
        .containsExactly("outlet:Example Daily");
    assertThat(origins(RULES.trace(article("a1", "t", null, null), List.of(meeting), List.of())))
        .containsExactly("kcna");
  }
}
