package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.AlertRule;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.WatchProfile;

/** Whether a rule selects an event: by its record first, by its reports and text only where asked. */
class RuleMatcherTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");

  private static AlertRule rule(List<String> weapons, int minOrigins, boolean background, boolean planned, String query) {
    return new RuleBuilder(DPRK, AlertSettings.defaults(), java.time.Clock.systemUTC())
        .build(new RuleBuilder.Draft("r", List.of("missile_launch"), weapons, List.of(), List.of(), minOrigins, 0.5,
            background, planned, query, List.of(), null, List.of(), List.of()))
        .rule();
  }

  private static Event launch(List<String> weapons, int origins, double confidence, boolean planned) {
    return new Event("e1", "missile_launch", EventDate.day(LocalDate.of(2025, 5, 8)), planned, List.of("Kim Jong Un"),
        weapons, List.of("Sea of Japan"), Map.of(), "North Korea fired a solid-fuel missile into the sea.", confidence,
        origins, origins, List.of());
  }

  /** Facts given outright; {@code asked} records whether the matcher needed them. */
  private static final class Given implements RuleMatcher.Facts {
    final boolean news;
    final String evidence;
    boolean asked;

    Given(boolean news, String evidence) {
      this.news = news;
      this.evidence = evidence;
    }

    @Override
    public boolean news() {
      asked = true;
      return news;
    }

    @Override
    public String evidence() {
      asked = true;
      return evidence;
    }
  }

  @Test
  void aRuleOnAClassFiresForANamedSystemOfThatClass() {
    AlertRule icbm = rule(List.of("ICBM"), 1, false, false, null);
    assertThat(RuleMatcher.matches(icbm, launch(List.of("Hwasong-18"), 1, 0.6, false), new Given(true, ""))).isTrue();
    assertThat(RuleMatcher.matches(icbm, launch(List.of("Hwasong-11"), 1, 0.6, false), new Given(true, ""))).isFalse();
  }

  @Test
  void thresholdsAreCheckedBeforeTheReportsAreRead() {
    AlertRule twoOrigins = rule(List.of(), 2, false, false, null);
    Given facts = new Given(true, "");
    assertThat(RuleMatcher.matches(twoOrigins, launch(List.of(), 1, 0.9, false), facts)).isFalse();
    assertThat(facts.asked).isFalse();
    assertThat(RuleMatcher.matches(twoOrigins, launch(List.of(), 2, 0.4, false), facts)).as("confidence").isFalse();
    assertThat(RuleMatcher.matches(twoOrigins, launch(List.of(), 2, 0.9, false), facts)).isTrue();
  }

  @Test
  void aPassingMentionOrAPlanFiresOnlyWhereTheRuleAsks() {
    Event mentioned = launch(List.of(), 1, 0.6, false);
    assertThat(RuleMatcher.matches(rule(List.of(), 1, false, false, null), mentioned, new Given(false, ""))).isFalse();
    assertThat(RuleMatcher.matches(rule(List.of(), 1, true, false, null), mentioned, new Given(false, ""))).isTrue();
    Event planned = launch(List.of(), 1, 0.6, true);
    assertThat(RuleMatcher.matches(rule(List.of(), 1, false, false, null), planned, new Given(true, ""))).isFalse();
    assertThat(RuleMatcher.matches(rule(List.of(), 1, false, true, null), planned, new Given(true, ""))).isTrue();
  }

  @Test
  void theQueryRunsOnTheSummaryNamesAndEvidenceAsTheSearchBoxWould() {
    Event e = launch(List.of("Hwasong-18"), 1, 0.6, false);
    Given facts = new Given(true, "The missile flew about 1,000 km on a lofted trajectory, officials said.");
    assertThat(RuleMatcher.matches(rule(List.of(), 1, false, false, "lofted AND hwasong"), e, facts)).isTrue();
    assertThat(RuleMatcher.matches(rule(List.of(), 1, false, false, "\"solid-fuel missiles\""), e, facts))
        .as("stemmed as the index stems").isTrue();
    assertThat(RuleMatcher.matches(rule(List.of(), 1, false, false, "submarine"), e, facts)).isFalse();
    assertThat(RuleMatcher.matches(rule(List.of(), 1, false, false, "title:launch"), e, facts)).isTrue();
  }

  @Test
  void aRuleKeepsTheNamesItWasMadeWith() {
    AlertRule r = new AlertRule("kept", List.of(), List.of("ICBM"), List.of(), List.of(), Set.of("ICBM", "Hwasong-18"), 1,
        0, false, false, null, Set.of(AlertRule.Trigger.NEW), null, null, List.of(), List.of(), Instant.EPOCH);
    assertThat(RuleMatcher.matches(r, launch(List.of("Hwasong-18"), 1, 0.6, false), new Given(true, ""))).isTrue();
    assertThat(RuleMatcher.matches(r, launch(List.of("Hwasong-19"), 1, 0.6, false), new Given(true, "")))
        .as("only what the profile said when the rule was made").isFalse();
  }
}
