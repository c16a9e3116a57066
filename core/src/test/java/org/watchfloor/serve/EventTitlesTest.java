package org.watchfloor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.WatchProfile;

class EventTitlesTest {

  private static final EventTitles TITLES = new EventTitles(WatchProfile.load("dprk"));

  private static Event event(String type, List<String> actors, List<String> weapons, List<String> places) {
    return new Event("e1", type, EventDate.UNKNOWN, false, actors, weapons, places, Map.of(),
        "A long lead sentence that no one reads as a title.", 0.6, 1, 1, List.of());
  }

  @Test
  void aLaunchIsTitledByItsMissileWithItsClassAndWhereItFlewFrom() {
    assertThat(TITLES.title(event("missile_launch", List.of(), List.of("Hwasong-18", "ICBM"),
        List.of("Sea of Japan", "Pyongyang")))).isEqualTo("Hwasong-18 ICBM launch from the Pyongyang area");
    // the class is not said twice; a payload is not the missile; the sea is where it landed
    assertThat(TITLES.title(event("missile_launch", List.of(), List.of("ICBM"), List.of("Sea of Japan"))))
        .isEqualTo("ICBM launch");
    assertThat(TITLES.title(event("missile_launch", List.of(), List.of("nuclear weapon"), List.of())))
        .isEqualTo("Missile launch");
    // a city abroad is the dateline, not the launch site
    assertThat(TITLES.title(event("missile_launch", List.of(), List.of("KN-23"), List.of("Tokyo", "Pyongyang"))))
        .startsWith("KN-23").endsWith(" launch from the Pyongyang area");
    // a whole country tells little (and a drill the article condemns is not "in North Korea")
    assertThat(TITLES.title(event("military_exercise", List.of("United States Forces Korea"), List.of(),
        List.of("North Korea", "Seoul")))).isEqualTo("United States Forces Korea military exercise");
    // a facility abroad is where it is, not a dateline
    assertThat(TITLES.title(event("facility_inspection", List.of("Kim Jong Un"), List.of(), List.of("Vostochny Cosmodrome"))))
        .isEqualTo("Kim Jong Un visit to Vostochny Cosmodrome");
  }

  @Test
  void theStatesOwnMediaTellAnEventButDoNotMakeIt() {
    assertThat(TITLES.title(event("facility_inspection", List.of("KCNA", "Kim Jong Un"), List.of(), List.of())))
        .isEqualTo("Kim Jong Un visit");
    assertThat(TITLES.title(event("sanctions", List.of("UN Security Council"), List.of(), List.of())))
        .isEqualTo("UN Security Council sanctions");
  }

  @Test
  void otherTypesUseTheirOwnTemplateAndLabel() {
    assertThat(TITLES.title(event("facility_inspection", List.of("Kim Jong Un"), List.of(), List.of("West Sunan"))))
        .isEqualTo("Kim Jong Un visit to West Sunan");
    assertThat(TITLES.title(event("policy_meeting", List.of(), List.of(), List.of()))).isEqualTo("Policy meeting");
    assertThat(TITLES.label("weapons_test_other")).isEqualTo("weapons test");
    assertThat(TITLES.title(event("no_such_type", List.of(), List.of(), List.of()))).isEqualTo("no_such_type");
  }
}
