package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.store.ShadowTables.Overlap;

class StableIdsTest {

  private static Set<String> ids(String... ids) {
    return new LinkedHashSet<>(List.of(ids));
  }

  @Test
  void aNewEventTakesTheIdOfTheOldEventItSharesMostArticlesWith() {
    var map = StableIds.carryOver(ids("n1", "n2"),
        List.of(new Overlap("n1", "old1", 1), new Overlap("n1", "old2", 3), new Overlap("n2", "old1", 2)), Set.of());
    assertThat(map).containsEntry("n1", "old2").containsEntry("n2", "old1");
  }

  @Test
  void eachOldIdGoesToOneNewEvent_theOneSharingMost() {
    var map = StableIds.carryOver(ids("n1", "n2"),
        List.of(new Overlap("n1", "old", 2), new Overlap("n2", "old", 5)), Set.of());
    assertThat(map.get("n2")).isEqualTo("old");
    assertThat(map.get("n1")).isEqualTo("n1");
  }

  @Test
  void anEventAnEditPinsKeepsItsId_evenWhenAnotherOldEventSharesMore() {
    var map = StableIds.carryOver(ids("eSplit", "n2"),
        List.of(new Overlap("eSplit", "eOld", 4), new Overlap("n2", "eOld", 1)), Set.of("eSplit"));
    assertThat(map).containsEntry("eSplit", "eSplit").containsEntry("n2", "eOld");
  }

  @Test
  void anOwnIdAlreadyGivenToAnotherEventIsReplacedByADerivedOne() {
    var map = StableIds.carryOver(ids("eA", "eB"), List.of(new Overlap("eB", "eA", 2)), Set.of());
    assertThat(map.get("eB")).isEqualTo("eA");
    assertThat(map.get("eA")).startsWith("e").hasSize(16).isNotIn("eA", "eB");
  }
}
