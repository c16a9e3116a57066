package org.watchfloor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OccasionsLoaderTest {

  @Test
  void dprkProfileNamesTheSettingsOfDirectives() {
    OccasionVocabulary v = WatchProfile.load("dprk").occasions();
    assertThat(v.occasions()).extracting(OccasionDef::label).contains("factory visit", "meeting");
    assertThat(v.occasions().get(0).objects()).contains("factories");
    assertThat(v.eventTypes()).containsKey("production_directive");
    assertThat(v.eventTypes().get("production_directive")).contains("order", "instructed");
    assertThat(v.elsewhere()).contains("follows", "ahead of");
  }

  @Test
  void aProfileWithoutTheFileHasNoOccasions() {
    assertThat(WatchProfile.load(WatchProfileTest.bad("valid")).occasions()).isEqualTo(OccasionVocabulary.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          occasions-unknown-key     | unknown key 'colour'
          occasions-undeclared-type | event type 'production_directive' is not declared
          occasions-label-twice     | occasion 'meeting' defined twice
          """)
  void aBadOccasionsFileIsRejectedNamingIt(String fixture, String problem) {
    Path dir = WatchProfileTest.bad(fixture);
    assertThatThrownBy(() -> WatchProfile.load(dir))
        .isInstanceOfSatisfying(ProfileException.class, e -> {
          assertThat(e.path()).contains(dir.resolve("occasions.yaml"));
          assertThat(e.detail()).contains(problem);
        });
  }
}
