package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.AlertRule;
import org.watchfloor.profile.WatchProfile;

/** A rule is made of what an analyst typed, checked against the watch profile. */
class AlertRuleBuilderTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);

  private static RuleBuilder builder(Map<String, String> settings) {
    return new RuleBuilder(DPRK, AlertSettings.of(settings), CLOCK);
  }

  private static RuleBuilder.Draft draft(String id, List<String> types, List<String> weapons) {
    return new RuleBuilder.Draft(id, types, weapons, List.of(), List.of(), 1, 0, false, false, null, List.of(), null,
        List.of(), List.of());
  }

  @Test
  void aWeaponClassStandsForEverySystemOfItsClass() {
    AlertRule r = builder(Map.of()).build(draft("icbm", List.of("missile_launch"), List.of("intercontinental ballistic missile"))).rule();
    assertThat(r.weapons()).containsExactly("ICBM");
    assertThat(r.weaponNames()).contains("ICBM", "Hwasong-15", "Hwasong-17", "Hwasong-18")
        .doesNotContain("Hwasong-11", "SRBM", "nuclear weapon");
  }

  @Test
  void aBroadClassCoversTheNarrowerKindsItNamesButNoPayload() {
    AlertRule r = builder(Map.of()).build(draft("any-bm", List.of(), List.of("ballistic missile"))).rule();
    assertThat(r.weaponNames()).contains("ICBM", "Hwasong-18", "SRBM", "Hwasong-11", "SLBM")
        .doesNotContain("reconnaissance satellite", "nuclear weapon", "cruise missile");
  }

  @Test
  void aNamedSystemStandsForItselfAndAnAliasOrPluralLeadsToItsCanonicalName() {
    AlertRule r = builder(Map.of()).build(new RuleBuilder.Draft("kn27", List.of(), List.of("kn-27s"),
        List.of("JCS"), List.of("sohae"), 1, 0, false, false, null, List.of(), null, List.of(), List.of())).rule();
    assertThat(r.weapons()).containsExactly("Hwasong-18");
    assertThat(r.weaponNames()).containsExactly("Hwasong-18");
    assertThat(r.actors()).containsExactly("Joint Chiefs of Staff");
    assertThat(r.places()).containsExactly("Sohae Satellite Launching Station");
  }

  @Test
  void everyProblemIsNamedInOneMessage() {
    RuleBuilder.Draft bad = new RuleBuilder.Draft("Bad Name", List.of("launch"), List.of("Hwasong-99"),
        List.of("Nobody Atall"), List.of(), 0, 1.5, false, false, "text:(", List.of("later"), "ftp://example.org/x",
        List.of("not-an-address"), List.of());
    assertThatThrownBy(() -> builder(Map.of()).build(bad))
        .isInstanceOf(WatchfloorException.BadInput.class)
        .hasMessageStartingWith("alert rule Bad Name not added:\n  rule name 'Bad Name' must be")
        .hasMessageContaining("\n  unknown event type 'launch' (the dprk profile has: missile_launch,")
        .hasMessageContaining("\n  unknown weapon 'Hwasong-99': not a name in the dprk profile's gazetteer")
        .hasMessageContaining("\n  unknown actor 'Nobody Atall'")
        .hasMessageContaining("\n  --min-origins must be at least 1, not 0")
        .hasMessageContaining("\n  --min-confidence must be between 0 and 1, not 1.5")
        .hasMessageContaining("\n  query \"text:(\" is not valid")
        .hasMessageContaining("\n  unknown change 'later' to fire on")
        .hasMessageContaining("\n  webhook ftp://example.org/x refused: only http and https")
        .hasMessageContaining("\n  'not-an-address' is not an e-mail address");
  }

  @Test
  void aLoopbackWebhookIsRefusedUnlessTheSettingsAllowPrivateTargets() {
    RuleBuilder.Draft local = new RuleBuilder.Draft("local", List.of(), List.of(), List.of(), List.of(), 1, 0, false,
        false, null, List.of(), "http://127.0.0.1:8999/hook", List.of(), List.of());
    assertThatThrownBy(() -> builder(Map.of()).build(local))
        .hasMessageContaining("refused: 127.0.0.1 resolves to a loopback address 127.0.0.1"
            + " (allow it with: watchfloor alert config alerts.allow-private-targets true)");
    AlertRule r = builder(Map.of("alerts.allow-private-targets", "true")).build(local).rule();
    assertThat(r.webhookUrl()).hasToString("http://127.0.0.1:8999/hook");
    assertThat(r.webhookSecret()).startsWith("whsec_").hasSizeGreaterThan(40);
  }

  @Test
  void defaultsAreNewsOnlyFiringOnNewEvents() {
    RuleBuilder.Made made = builder(Map.of()).build(draft("all", List.of(), List.of()));
    assertThat(made.rule().fireOn()).containsExactly(AlertRule.Trigger.NEW);
    assertThat(made.rule().includeBackground()).isFalse();
    assertThat(made.rule().includePlanned()).isFalse();
    assertThat(made.rule().createdAt()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
    assertThat(made.feedToken()).startsWith("feed_");
    assertThat(RuleText.describe(made.rule())).isEqualTo("any type; 1+ independent origin; news only; on new");
  }

  @Test
  void anUnknownSettingOrABadValueIsRefusedWithTheKeyNamed() {
    assertThatThrownBy(() -> AlertSettings.of(Map.of("smtp.hostname", "mail")))
        .hasMessageStartingWith("unknown alert setting 'smtp.hostname' (known: smtp.host, smtp.port,");
    assertThatThrownBy(() -> AlertSettings.check("smtp.port", "twenty-five"))
        .hasMessage("alert setting smtp.port: 'twenty-five' is not a whole number");
    assertThatThrownBy(() -> AlertSettings.check("alerts.allow-private-targets", "maybe"))
        .hasMessage("alert setting alerts.allow-private-targets: 'maybe' is neither true nor false");
  }
}
