package org.watchfloor.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueChecksTest {

  @Test
  void aSplitWhosePartsShareAnOriginIsListed() {
    Map<String, Map<String, Set<String>>> parts = Map.of(
        "spring-launch", Map.of("e1", Set.of("jcs", "outlet:Wire"), "e2", Set.of("jcs")),
        "autumn-test", Map.of("e3", Set.of("kcna"), "e4", Set.of("japan-mod")));

    List<IssueChecks.OriginSplit> splits = IssueChecks.originSplits(parts);

    assertThat(splits).containsExactly(new IssueChecks.OriginSplit("spring-launch", Set.of("jcs"), Set.of("e1", "e2")));
  }

  @Test
  void aGoldEventInOneSystemEventIsNoSplitWhateverItsOrigins() {
    assertThat(IssueChecks.originSplits(Map.of("one", Map.of("e1", Set.of("jcs", "kcna"))))).isEmpty();
  }

  private static GoldEvents.Event launch(String key, String day, String... weapons) {
    return new GoldEvents.Event(key, "missile_launch", List.of("u-" + key), false, LocalDate.parse(day),
        List.of(weapons));
  }

  @Test
  void twoLaunchesOfOneMissileWeeksApartInOneSystemEventAreCounted() {
    List<GoldEvents.Event> gold = List.of(
        launch("march", "2021-03-02", "Pukguksong-9"),
        launch("april", "2021-04-20", "pukguksong 9", "cruise missile"),
        launch("march-bis", "2021-03-05", "Pukguksong-9"));

    List<IssueChecks.WeaponMerge> merges = IssueChecks.weaponMerges(
        Map.of("e1", Set.of("march", "april"), "e2", Set.of("march", "march-bis")), gold);

    assertThat(merges).containsExactly(new IssueChecks.WeaponMerge("e1", "march", "april", "pukguksong9", 49));
  }

  @Test
  void launchesOfDifferentMissilesOrOtherTypesAreNotCounted() {
    List<GoldEvents.Event> gold = List.of(
        launch("march", "2021-03-02", "Pukguksong-9"),
        launch("may", "2021-05-20", "Pukguksong-10"),
        new GoldEvents.Event("talks", "diplomatic_statement", List.of("u"), false, LocalDate.parse("2021-06-20"),
            List.of("Pukguksong-9")));

    assertThat(IssueChecks.weaponMerges(Map.of("e1", Set.of("march", "may", "talks")), gold)).isEmpty();
  }

  @Test
  void aLaunchAmongAlternativeTypesCounts() {
    List<GoldEvents.Event> gold = List.of(
        launch("march", "2021-03-02", "Unha-9"),
        new GoldEvents.Event("later", "weapons_test_other|missile_launch", List.of("u"), false,
            LocalDate.parse("2021-03-30"), List.of("Unha-9")));

    assertThat(IssueChecks.weaponMerges(Map.of("e1", Set.of("march", "later")), gold)).hasSize(1);
  }
}
