package org.watchfloor.extract.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.profile.WatchProfile;

/** The features the relevance model reads, on short texts of our own. */
class RelevanceFeaturesTest {

  private static final RelevanceFeatures FEATURES = new RelevanceFeatures(WatchProfile.load("dprk"));

  @Test
  void wordsAreFoldedAndNumbersKeepOnlyTheirLength() {
    assertThat(RelevanceFeatures.tokens("Hwasŏng-18 FIRED İn 2023, the U.S. said"))
        .containsExactly("hwasong", "#2", "fired", "in", "#4", "the", "said");
  }

  @Test
  void titleWordsAndLeadWordsAreSeparateFeaturesWithPairs() {
    Map<String, Double> f = FEATURES.of("Rocket fired", "The rocket rose quickly.").values();
    assertThat(f).containsKeys("t:rocket", "t:fired", "t2:rocket_fired", "l:rocket", "l:rose", "l2:rocket_rose");
    assertThat(f).doesNotContainKeys("t:rose", "l:fired");
  }

  @Test
  void eachPartsWordsHaveUnitLength() {
    Map<String, Double> f = FEATURES.of("Calm seas", "Fishing boats stayed home.").values();
    double title = f.entrySet().stream().filter(e -> e.getKey().matches("t2?:.*")).mapToDouble(e -> e.getValue() * e.getValue()).sum();
    double lead = f.entrySet().stream().filter(e -> e.getKey().matches("l2?:.*")).mapToDouble(e -> e.getValue() * e.getValue()).sum();
    assertThat(title).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lead).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theProfilesLexiconsAreFeaturesOfTheirPart() {
    Map<String, Double> f = FEATURES.of("Garden show opens",
        "North Korea fired a short-range ballistic missile towards the sea on Tuesday, officials in Seoul said.").values();
    assertThat(f).containsKeys("l.watched", "l.kind=weapon", "l.trigger=missile_launch", "l.id=place/north-korea",
        "l.watched&missile_launch", "l.watched&weapon");
    assertThat(f.keySet()).noneMatch(k -> k.startsWith("t.watched") || k.startsWith("t.trigger"));
  }

  @Test
  void aWeaponOfAnotherCountryIsNoWatchedPair() {
    Map<String, Double> f = FEATURES.of(null, "A European navy fired a cruise missile in a drill off Portugal.").values();
    assertThat(f.keySet()).noneMatch(k -> k.contains("watched"));
  }

  @Test
  void onlyTheLeadIsRead() {
    String filler = "Farmers in the valley began the harvest early this year. ".repeat(27);
    assertThat(filler.length()).isGreaterThan(RelevanceFeatures.LEAD_CHARS);
    Map<String, Double> f = FEATURES.of("Harvest", filler + "North Korea fired a ballistic missile.").values();
    assertThat(f.keySet()).noneMatch(k -> k.contains("korea") || k.contains("missile") || k.contains("watched"));
  }

  @Test
  void theLeadIsCutBetweenWords() {
    String body = "abcdefghi ".repeat(400);
    String lead = RelevanceFeatures.lead(body);
    assertThat(lead.length()).isLessThanOrEqualTo(RelevanceFeatures.LEAD_CHARS);
    assertThat(lead).endsWith("abcdefghi");
  }

  @Test
  void anArticleWithoutATitleHasOnlyLeadFeatures() {
    Map<String, Double> f = FEATURES.of(null, "Rain is expected tomorrow.").values();
    assertThat(f.keySet()).allMatch(k -> k.startsWith("l"));
  }
}
