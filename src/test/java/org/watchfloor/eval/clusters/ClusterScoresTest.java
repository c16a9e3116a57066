package org.watchfloor.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
