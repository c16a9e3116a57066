package org.watchfloor.extract.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.watchfloor.profile.WatchProfile;

class TriggerMatcherTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");
  private static final TriggerMatcher MATCHER = TriggerMatcher.of(DPRK);

  private static List<String> types(String text) {
    return MATCHER.find(text).stream()
        .map(m -> m.eventType() + "=" + text.substring(m.start(), m.end()))
        .toList();
  }

  @Test
  void findsTriggersTolerantOfHyphensAndCase() {
    assertThat(types("North Korea test-fired a missile")).contains("missile_launch=test-fired");
    assertThat(types("North Korea Test Fired a missile")).contains("missile_launch=Test Fired");
    assertThat(types("Kim inspected a munitions factory"))
        .contains("facility_inspection=inspected");
    assertThat(types("He vowed retaliation")).contains("threat_statement=vowed");
  }

  @Test
  void longestTriggerWins() {
    assertThat(types("a ballistic missile launch"))
        .containsExactly("missile_launch=ballistic missile launch");
    assertThat(types("to expand production of shells"))
        .containsExactly("production_directive=expand production");
  }

  @Test
  void aPhraseOfSeveralTypesGivesOneMatchPerType() {
    List<TriggerMatch> matches = MATCHER.find("it test-fired");
    assertThat(matches).extracting(TriggerMatch::eventType)
        .containsExactlyInAnyOrder("missile_launch", "weapons_test_other");
    assertThat(matches).allSatisfy(m -> assertThat(m.phrase()).isEqualTo("test-fired"));
  }

  @Test
  void triggersHaveNoImplicitInflection() {
    assertThat(types("the launchers were shown")).isEmpty();
  }

  @Test
  void findsLexiconCues() {
    String text = "State media reportedly said the launch may have failed.";
    assertThat(MATCHER.findCues("hedges", text))
        .extracting(c -> text.substring(c.start(), c.end()))
        .containsExactly("reportedly", "may have");
    assertThat(MATCHER.findCues("attribution_verbs", text)).extracting(CueMatch::phrase)
        .containsExactly("said");
    assertThat(MATCHER.findCues("no_such_lexicon", text)).isEmpty();
    String disclaimer = "This article was generated in part using artificial intelligence.";
    assertThat(MATCHER.findCues("ai_disclaimer", disclaimer)).isNotEmpty();
  }

  @Test
  void everyLexiconInOnePassFindsWhatEachFindsAlone() {
    List<String> texts = List.of(
        "The North reportedly may have fired what appeared to be a missile, officials said, but did not confirm it.",
        "It will not launch a satellite as planned, state media said on Sunday, after the drill was called off.",
        "Analysts believe the plant could restart next year; the ministry denied any plan to test a warhead.",
        "Nothing of the kind here at all.");
    for (String text : texts) {
      var all = MATCHER.findAllCues(text);
      for (String name : DPRK.lexicons().keySet()) {
        assertThat(all.getOrDefault(name, List.of())).as("%s in %s", name, text).isEqualTo(MATCHER.findCues(name, text));
      }
      assertThat(all.keySet()).allSatisfy(name -> assertThat(all.get(name)).isNotEmpty());
    }
    assertThat(MATCHER.findAllCues(texts.get(0))).containsKeys("hedges", "negations");
  }

  @Test
  void findsOriginCues() {
    String text = "South Korea's Joint Chiefs of Staff said, citing the Korean Central News Agency.";
    assertThat(MATCHER.findOrigins(text)).extracting(CueMatch::lexicon)
        .containsExactly("origin:jcs", "origin:kcna");
  }

  @Test
  void randomTextNeverThrowsAndSpansStayInside() {
    Random random = new Random(42L);
    String alphabet = "launchedtest-fire d,.'\u2019 MAY may\u0130\u0131\uDC00\n";
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(80);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      for (TriggerMatch m : MATCHER.find(s)) {
        assertThat(m.start()).isGreaterThanOrEqualTo(0);
        assertThat(m.end()).isBetween(m.start() + 1, s.length());
      }
      for (CueMatch m : MATCHER.findCues("hedges", s)) {
        assertThat(m.end()).isBetween(m.start() + 1, s.length());
      }
    }
  }
}
