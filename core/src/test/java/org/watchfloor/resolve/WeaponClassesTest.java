package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.profile.WatchProfile;

/** How the watch profile's weapon names agree or disagree between two reports of a launch. */
class WeaponClassesTest {

  private static final WeaponClasses CLASSES = WeaponClasses.of(WatchProfile.load("dprk"));

  @Test
  void aClassAndAFamilyOfOneKindAgreeAndCountAsShared() {
    assertThat(CLASSES.disagree(List.of("space launch vehicle"), List.of("ICBM", "Unha rocket"))).isFalse();
    assertThat(CLASSES.classesShared(List.of("space launch vehicle"), List.of("ICBM", "Unha rocket"))).isEqualTo(1);
    assertThat(CLASSES.classesShared(List.of("space launch vehicle"), List.of("ICBM"))).isZero();
  }

  @Test
  void aBroadClassCoversTheNarrowerKinds() {
    assertThat(CLASSES.disagree(List.of("ballistic missile"), List.of("ICBM"))).isFalse();
    assertThat(CLASSES.disagree(List.of("space launch vehicle"), List.of("ballistic missile"))).isFalse();
    assertThat(CLASSES.disagree(List.of("ICBM"), List.of("cruise missile"))).isTrue();
    assertThat(CLASSES.disagree(List.of("ballistic missile"), List.of("cruise missile"))).isTrue();
  }

  @Test
  void aBroadClassIsSharedWithTheKindsItCoversOnEitherSide() {
    // one outlet's "ballistic missile" is another's ICBM: the same launch, told more or less closely
    assertThat(CLASSES.classesShared(List.of("ballistic missile"), List.of("ICBM", "Hwasong-18"))).isEqualTo(1);
    assertThat(CLASSES.classesShared(List.of("ICBM", "Hwasong-18"), List.of("ballistic missile"))).isEqualTo(1);
    assertThat(CLASSES.classesShared(List.of("ballistic missile"), List.of("cruise missile"))).isZero();
    assertThat(CLASSES.classesShared(List.of("cruise missile"), List.of("ballistic missile"))).isZero();
  }

  @Test
  void aPayloadSetsNoLaunchApart() {
    assertThat(CLASSES.disagree(List.of("nuclear weapon"), List.of("space launch vehicle"))).isFalse();
    assertThat(CLASSES.disagree(List.of("reconnaissance satellite", "ICBM"), List.of("cruise missile"))).isTrue();
  }

  @Test
  void namedSystemsOfOneClassStillDisagree() {
    assertThat(CLASSES.disagree(List.of("Hwasong-15", "ballistic missile"), List.of("Hwasong-18", "ballistic missile")))
        .isTrue();
  }
}
