package org.watchfloor.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {

  @Test
  void aPerfectGroupingScoresOne() {
    Map<String, Set<String>> gold = Map.of("a", Set.of("G1"), "b", Set.of("G1"), "c", Set.of("G2"));
    Map<String, Set<String>> sys = Map.of("a", Set.of("e1"), "b", Set.of("e1"), "c", Set.of("e9"));
    ClusterScores s = ClusterScores.score(sys, gold);
    assertThat(s.pairwiseF1()).isEqualTo(1.0);
    assertThat(s.bcubedF1()).isEqualTo(1.0);
  }

  @Test
  void anEventSplitInTwoLosesRecallNotPrecision() {
    Map<String, Set<String>> gold = Map.of("a", Set.of("G"), "b", Set.of("G"), "c", Set.of("G"), "d", Set.of("G"));
    Map<String, Set<String>> sys = Map.of("a", Set.of("e1"), "b", Set.of("e1"), "c", Set.of("e2"), "d", Set.of("e2"));
    ClusterScores s = ClusterScores.score(sys, gold);
    assertThat(s.goldLinks()).isEqualTo(6);
    assertThat(s.systemLinks()).isEqualTo(2);
    assertThat(s.pairwisePrecision()).isEqualTo(1.0);
    assertThat(s.pairwiseRecall()).isCloseTo(2.0 / 6, within(1e-9));
    assertThat(s.bcubedPrecision()).isEqualTo(1.0);
    assertThat(s.bcubedRecall()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void twoEventsMergedLoseBCubedPrecision() {
    Map<String, Set<String>> gold = Map.of("a", Set.of("G1"), "b", Set.of("G1"), "c", Set.of("G2"));
    Map<String, Set<String>> sys = Map.of("a", Set.of("e"), "b", Set.of("e"), "c", Set.of("e"));
    ClusterScores s = ClusterScores.score(sys, gold);
    assertThat(s.pairwisePrecision()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(s.pairwiseRecall()).isEqualTo(1.0);
    // a and b: 2 of 3 right each; c: 1 of 3
    assertThat(s.bcubedPrecision()).isCloseTo((2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 3, within(1e-9));
  }

  @Test
  void anArticleWithNoEventIsAGroupOfItsOwn() {
    Map<String, Set<String>> gold = Map.of("a", Set.of("G"), "b", Set.of("G"));
    ClusterScores s = ClusterScores.score(Map.of("a", Set.of(), "b", Set.of()), gold);
    assertThat(s.systemLinks()).isZero();
    assertThat(s.pairwiseRecall()).isZero();
    assertThat(s.bcubedPrecision()).isEqualTo(1.0);
    assertThat(s.bcubedRecall()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void anArticleInTwoGoldEventsCountsBothOverlaps() {
    Map<String, Set<String>> gold = Map.of("a", Set.of("G1", "G2"), "b", Set.of("G1"), "c", Set.of("G2"));
    Map<String, Set<String>> sys = Map.of("a", Set.of("e1", "e2"), "b", Set.of("e1"), "c", Set.of("e2"));
    ClusterScores s = ClusterScores.score(sys, gold);
    assertThat(s.pairwiseF1()).isEqualTo(1.0);
    assertThat(s.bcubedF1()).isEqualTo(1.0);
  }

  /** The definition, pair by pair over all n² pairs, to check the indexed computation against. */
  private static double[] bruteForce(Map<String, Set<String>> system, Map<String, Set<String>> gold) {
    List<String> items = new java.util.ArrayList<>(gold.keySet());
    double bp = 0;
    double br = 0;
    long links = 0;
    for (String i : items) {
      Set<String> si = system.getOrDefault(i, Set.of());
      si = si.isEmpty() ? Set.of("own:" + i) : si;
      double p = 0;
      int pc = 0;
      double r = 0;
      int rc = 0;
      for (String j : items) {
        Set<String> sj = system.getOrDefault(j, Set.of());
        sj = sj.isEmpty() ? Set.of("own:" + j) : sj;
        long cs = si.stream().filter(sj::contains).count();
        long cg = gold.get(i).stream().filter(gold.get(j)::contains).count();
        if (cs > 0) {
          p += (double) Math.min(cs, cg) / cs;
          pc++;
        }
        if (cg > 0) {
          r += (double) Math.min(cs, cg) / cg;
          rc++;
        }
        if (i.compareTo(j) < 0 && cs > 0) {
          links++;
        }
      }
      bp += p / pc;
      br += r / rc;
    }
    return new double[] {bp / items.size(), br / items.size(), links};
  }

  @Test
  void theIndexedComputationAgreesWithThePairByPairDefinition() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int round = 0; round < 20; round++) {
      Map<String, Set<String>> system = new java.util.HashMap<>();
      Map<String, Set<String>> gold = new java.util.HashMap<>();
      for (int i = 0; i < 60; i++) {
        String item = "a" + (100 + i);
        gold.put(item, random.nextInt(5) == 0 ? new java.util.HashSet<>(List.of("g" + random.nextInt(9),
            "g" + random.nextInt(9))) : Set.of("g" + random.nextInt(9)));
        int k = random.nextInt(4);
        system.put(item, k == 0 ? Set.of() : k == 1 ? Set.of("s" + random.nextInt(12))
            : new java.util.HashSet<>(List.of("s" + random.nextInt(12), "s" + random.nextInt(12))));
      }
      ClusterScores s = ClusterScores.score(system, gold);
      double[] expected = bruteForce(system, gold);
      assertThat(s.bcubedPrecision()).isCloseTo(expected[0], within(1e-9));
      assertThat(s.bcubedRecall()).isCloseTo(expected[1], within(1e-9));
      assertThat((double) s.systemLinks()).isEqualTo(expected[2]);
    }
  }

  @Test
  void aJudgementCallCountsWhenFoundAndIsForgivenWhenMissed() {
    // G is certain, B a judgement call sharing article b
    Map<String, Set<String>> gold = Map.of("a", Set.of("G"), "b", Set.of("G", "B"), "c", Set.of("B"));
    Map<String, Set<String>> missedB = Map.of("a", Set.of("e1"), "b", Set.of("e1"), "c", Set.of());
    ClusterScores forgiven = ClusterScores.score(missedB, gold, Set.of("B"));
    assertThat(forgiven.goldLinks()).isEqualTo(1);
    assertThat(forgiven.pairwiseF1()).isEqualTo(1.0);
    assertThat(forgiven.bcubedF1()).isEqualTo(1.0);
    // as a certain event its miss costs recall
    assertThat(ClusterScores.score(missedB, gold).pairwiseRecall()).isEqualTo(0.5);
    // found, it counts: the link b-c is gold, and a merge of a with c is still wrong
    Map<String, Set<String>> foundB = Map.of("a", Set.of("e1"), "b", Set.of("e1", "e2"), "c", Set.of("e2"));
    assertThat(ClusterScores.score(foundB, gold, Set.of("B")).pairwiseF1()).isEqualTo(1.0);
    Map<String, Set<String>> merged = Map.of("a", Set.of("e1"), "b", Set.of("e1"), "c", Set.of("e1"));
    ClusterScores wrong = ClusterScores.score(merged, gold, Set.of("B"));
    assertThat(wrong.goldLinks()).isEqualTo(2);
    assertThat(wrong.pairwisePrecision()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void theGoldsNotesMarkItsJudgementCalls() {
    assertThat(org.watchfloor.eval.events.GoldEvents.forgiven("Borderline (scope): a foreign meeting.")).isTrue();
    assertThat(org.watchfloor.eval.events.GoldEvents.forgiven("Day approximate, LOW CONFIDENCE.")).isTrue();
    assertThat(org.watchfloor.eval.events.GoldEvents.forgiven("Background mention in a speech.")).isTrue();
    assertThat(org.watchfloor.eval.events.GoldEvents.forgiven("Reported the next day; borderline dates are not the point.")).isFalse();
    assertThat(org.watchfloor.eval.events.GoldEvents.forgiven("")).isFalse();
  }
}
