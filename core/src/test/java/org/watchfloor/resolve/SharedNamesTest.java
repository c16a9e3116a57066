package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

class SharedNamesTest {

  @Test
  void twoVersionsNamingOneBodyShareItsName() {
    assertThat(SharedNames.share(
        "Harbour City, May 3 -- The Bureau for Coastal Affairs of the Northern Fisheries Council issued a warning.",
        "- The Bureau for Coastal Affairs of the Northern Fisheries Council said on May 3 that the drill was a threat."))
        .isTrue();
  }

  @Test
  void boilerplateAndShortNamesAreNoStory() {
    assertThat(SharedNames.share("The spokesman released the following press statement on Sunday.",
        "A vice-minister released the following press statement on Sunday.")).isFalse();
    assertThat(SharedNames.share("Officials of the Coastal Bureau met.", "Officials of the Coastal Bureau left.")).isFalse();
  }

  @Test
  void aVersionKeepsMostWordsWhereTwoStatementsShareOnlyTheMinistrysNameAndTheTemplate() {
    String ministry = " of the Foreign Ministry of the Federal Republic of Eastland";
    String bureau = "Capital, June 4 (Agency) -- The Bureau of Harbour Studies" + ministry + " released the following"
        + " press statement \"Reckless naval drills near our coast will bring nothing but shame to their planners\".";
    String institute = "Capital, June 4 (Agency) -- A spokesperson for the Institute of Disarmament" + ministry
        + " on Friday released the following press statement \"The collective pact of the alliance is a blueprint"
        + " for a wider war in Europe\".";
    assertThat(SharedNames.share(bureau, institute)).isTrue();
    assertThat(SharedNames.retold(bureau, institute)).isFalse();
    assertThat(SharedNames.retold(bureau,
        bureau.replace("following press statement", "press statement titled").replace("nothing but", "only")))
        .isTrue();
    assertThat(SharedNames.overlap("a b c", "a b d")).isEqualTo(0.5);
  }

  private static Report said(String id, LocalDate day, String evidence) {
    return new Report(id, id.substring(0, id.indexOf('-')), "threat_statement", EventDate.day(day), false, false,
        List.of(), List.of(), List.of(), Map.of(), evidence, 0, 10, null, Certainty.ASSERTED, "kcna", List.of());
  }

  @Test
  void aVersionWithNoGazetteerNameInCommonJoinsWithinADay() {
    LocalDate day = LocalDate.of(2024, 5, 3);
    String first = "The Bureau for Coastal Affairs of the Northern Fisheries Council issued a warning.";
    String version = "- The Bureau for Coastal Affairs of the Northern Fisheries Council said the drill was a threat.";
    var event = EventMerger.merge("e1", List.of(said("a-r0", day, first)));
    assertThat(Resolver.score(said("b-r0", day, version), event, WeaponClasses.NONE)).isPositive();
    // a digest retells it dated by its own day (a source's own leads a day apart are kept apart
    // where the store is at hand: see SharedEvidenceTest)
    assertThat(Resolver.score(said("c-r0", day.plusDays(1), version), event, WeaponClasses.NONE)).isPositive();
    assertThat(Resolver.score(said("c-r0", day.plusDays(2), version), event, WeaponClasses.NONE)).isZero();
    assertThat(Resolver.score(said("d-r0", day, "Another body said the drill was a threat."), event,
        WeaponClasses.NONE)).isZero();
  }
}
