package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;

/**
 * A negation denies what stands shortly after it in its own clause, not the whole sentence: on
 * sentences of our own, scoped with the profile's lexicons and through the rule extractor.
 */
class NegationScopeTest {

  private static final WatchProfile PROFILE = WatchProfile.load("dprk");
  private static final NegationScope SCOPE = NegationScope.of(PROFILE);
  private static final RuleExtractor EXTRACTOR = new RuleExtractor(PROFILE);

  private static boolean negates(String sentence, String phrase) {
    return SCOPE.negates(sentence, sentence.indexOf(phrase));
  }

  @Test
  void aNegationJustBeforeTheTriggerDeniesIt() {
    assertThat(negates("The North did not fire a missile on Sunday.", "fire")).isTrue();
    assertThat(negates("Pyongyang denied that it had launched anything.", "launched")).isTrue();
    assertThat(negates("The Pentagon declined to comment on the North's ballistic missile launch.", "launch"))
        .isTrue();
  }

  @Test
  void aNegationInAnotherClauseDeniesNothing() {
    assertThat(negates("The army will never tolerate the enemy's drills and will take resolute countermeasures.",
        "countermeasures")).isFalse();
    assertThat(negates("Seoul had no word on the type; the North fired it from Sunan, an official said.", "fired"))
        .isFalse();
    assertThat(negates("Officials were not on alert, but the North launched a rocket at dawn.", "launched")).isFalse();
  }

  @Test
  void aNegationAfterTheTriggerOrFarBeforeItDeniesNothing() {
    assertThat(negates("The North fired a missile on Sunday, though it did not say what type.", "fired")).isFalse();
    assertThat(negates("Not long after the leaders of the two allies met in the capital for talks on trade and"
        + " security the North fired a rocket.", "fired")).isFalse();
  }

  @Test
  void aTextWithoutBoundariesStillScopesByDistance() {
    NegationScope bare = new NegationScope(List.of("not"), List.of(), List.of());
    assertThat(bare.negates("It did not launch.", "It did not launch.".indexOf("launch"))).isTrue();
    assertThat(bare.negates("It was not a surprise to anyone in the region or elsewhere when it launched.",
        "It was not a surprise to anyone in the region or elsewhere when it launched.".indexOf("launched")))
        .isFalse();
  }

  @Test
  void anIdiomThatHoldsANegationWordDeniesNothing() {
    assertThat(negates("There is no doubt that the North launched a new ICBM, the minister told reporters.", "launched"))
        .isFalse();
    assertThat(negates("Pyongyang not only fired a cruise missile but also paraded its launchers.", "fired")).isFalse();
    // the idiom hides only its own word: a real negation beside it still denies
    assertThat(negates("No doubt the North did not fire a missile that week.", "fire")).isTrue();
    assertThat(negates("There is no doubt, officials said, that no missile was launched.", "launched")).isTrue();
  }

  @Test
  void aLaunchToldWithNoDoubtIsAsserted() {
    List<Report> reports = reports("Example Wire", "2023-04-02", """
        There is no doubt that North Korea fired a ballistic missile into the sea on Sunday, the South Korean \
        defence minister told parliament.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("missile_launch")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.certainty()).isEqualTo(Certainty.ASSERTED));
  }

  private static List<Report> reports(String outlet, String published, String body) {
    return EXTRACTOR.extract(TextArticles.article(outlet, published, "test", body)).reports();
  }

  @Test
  void aThreatWithANegatedClauseIsStatedNotDenied() {
    List<Report> reports = reports("KCNA", "2024-08-20", """
        Pyongyang, August 20 (KCNA) -- A spokesman for the defence ministry released the following press statement \
        on Tuesday, saying the army will never tolerate the reckless war drills of the US and its stooges and will \
        take resolute countermeasures against them.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("threat_statement")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.certainty()).isEqualTo(Certainty.ASSERTED));
  }

  @Test
  void aDeniedLaunchIsStillDenied() {
    List<Report> reports = reports("Example Wire", "2023-04-02", """
        North Korea did not launch a ballistic missile on Sunday, the South Korean military said, correcting \
        an earlier report.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("missile_launch")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.certainty()).isEqualTo(Certainty.NEGATED));
  }

  @Test
  void aLaunchWithANegationInAnotherClauseIsAssertedAndKeepsItsOutcome() {
    List<Report> reports = reports("Example Wire", "2023-04-02", """
        North Korea fired a ballistic missile on Sunday but it blew up seconds after lift-off, though the South \
        Korean military did not say where.
        """);
    assertThat(reports).filteredOn(r -> r.eventType().equals("missile_launch") && !r.background()).singleElement()
        .satisfies(r -> {
          assertThat(r.certainty()).isEqualTo(Certainty.ASSERTED);
          assertThat(r.attributes()).containsEntry("outcome", "failure");
        });
  }
}
