package org.watchfloor.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueChecksTest {

  @Test
  void twoArticlesOfOneSourceInNoCommonSystemEventAreASplit() {
    Map<String, Map<String, Map<String, Set<String>>>> placed = Map.of(
        "spring-launch", Map.of(
            "u1", Map.of("e1", Set.of("jcs", "outlet:Wire")),
            "u2", Map.of("e2", Set.of("jcs")),
            "u3", Map.of("e1", Set.of("japan-mod"))),
        "autumn-test", Map.of(
            "u4", Map.of("e3", Set.of("kcna")),
            "u5", Map.of("e4", Set.of("japan-mod"))));

    List<IssueChecks.OriginSplit> splits = IssueChecks.originSplits(placed);

    assertThat(splits).containsExactly(new IssueChecks.OriginSplit("spring-launch", Set.of("jcs"), Set.of("e1", "e2")));
  }

  @Test
  void anArticleThatAlsoReportsAnotherEventIsNoSplit() {
    // the statement's article went to the statement's event and to the drill's, the drill's own
    // article to the drill's: the two share the drill's event
    Map<String, Map<String, Map<String, Set<String>>>> placed = Map.of("drill", Map.of(
        "statement", Map.of("e-statement", Set.of("kcna"), "e-drill", Set.of("kcna")),
        "report", Map.of("e-drill", Set.of("kcna"))));

    assertThat(IssueChecks.originSplits(placed)).isEmpty();
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
