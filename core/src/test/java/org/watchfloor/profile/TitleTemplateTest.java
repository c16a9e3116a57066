package org.watchfloor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TitleTemplateTest {

  private static final TitleTemplate LAUNCH = TitleTemplate.parse("{weapon|missile} launch[ from {place}]");

  @Test
  void fillsPlaceholdersAndKeepsAnOptionalPartOnlyWhenItsValuesAreThere() {
    assertThat(LAUNCH.render(Map.of("weapon", "Hwasong-18 ICBM", "place", "the Pyongyang area")))
        .isEqualTo("Hwasong-18 ICBM launch from the Pyongyang area");
    assertThat(LAUNCH.render(Map.of("weapon", "Hwasong-18 ICBM"))).isEqualTo("Hwasong-18 ICBM launch");
    assertThat(LAUNCH.render(Map.of("place", " "))).isEqualTo("Missile launch");
    assertThat(TitleTemplate.parse("[{actor} ]visit[ to {place}]").render(Map.of("place", "Sinpo shipyard")))
        .isEqualTo("Visit to Sinpo shipyard");
    assertThat(TitleTemplate.parse("{label}").render(Map.of("label", "policy meeting"))).isEqualTo("Policy meeting");
  }

  @Test
  void refusesWhatItCannotRenderNamingIt() {
    assertThatThrownBy(() -> TitleTemplate.parse("{weapn} launch")).hasMessageContaining("unknown placeholder '{weapn}'");
    assertThatThrownBy(() -> TitleTemplate.parse("launch[ from {place}")).hasMessageContaining("unclosed '['");
    assertThatThrownBy(() -> TitleTemplate.parse("launch from {place")).hasMessageContaining("unclosed '{'");
    assertThatThrownBy(() -> TitleTemplate.parse("[a [b]]")).hasMessageContaining("'[' inside");
    assertThatThrownBy(() -> TitleTemplate.parse("launch]")).hasMessageContaining("']' without '['");
  }

  @Test
  void aProfileWithABadTitleFailsToLoadNamingTheFileAndTheType(@TempDir Path tmp) throws IOException {
    WatchProfileTest.copyOfValid(tmp);
    Path types = tmp.resolve("event-types.yaml");
    Files.writeString(types, Files.readString(types).replace("{id: missile_launch,",
        "{id: missile_launch, label: missile launch, title: \"{missile} launch\","));
    assertThatThrownBy(() -> WatchProfile.load(tmp)).isInstanceOf(ProfileException.class)
        .hasMessageContaining("event-types.yaml").hasMessageContaining("title of missile_launch")
        .hasMessageContaining("unknown placeholder '{missile}'");
  }

  @Test
  void theBuiltInProfilesLabelAndTitleEveryType() {
    for (String name : new String[] {"dprk", "iran"}) {
      for (EventTypeDef t : WatchProfile.load(name).eventTypes()) {
        assertThat(t.label()).as("%s %s", name, t.id()).isNotBlank().doesNotContain("_");
        assertThat(t.title().render(Map.of("label", t.label()))).as("%s %s", name, t.id()).isNotBlank();
      }
    }
  }
}
