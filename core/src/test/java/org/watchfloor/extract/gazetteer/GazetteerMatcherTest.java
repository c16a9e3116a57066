package org.watchfloor.extract.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

class GazetteerMatcherTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");
  private static final GazetteerMatcher MATCHER = GazetteerMatcher.of(DPRK);

  /** The ids found in {@code text}, each as "id=surface". */
  private static List<String> found(String text) {
    return MATCHER.find(text).stream().map(m -> m.entity().id() + "=" + m.surface(text)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          It fired a Hwasong-18 on Thursday.     | weapon/hwasong-18  | Hwasong-18
          It fired a Hwasong 18 on Thursday.     | weapon/hwasong-18  | Hwasong 18
          It fired a hwasong18 on Thursday.      | weapon/hwasong-18  | hwasong18
          It fired a HWASEONG-18 on Thursday.    | weapon/hwasong-18  | HWASEONG-18
          It fired a Hwasŏng-18 on Thursday.     | weapon/hwasong-18  | Hwasŏng-18
          two KN23 missiles                      | weapon/hwasong-11a | KN23
          two KN-23 missiles                     | weapon/hwasong-11a | KN-23
          two KN 23 missiles                     | weapon/hwasong-11a | KN 23
          a Hwasong-11Ga launch                  | weapon/hwasong-11a | Hwasong-11Ga
          the KN-24 (Hwasong-11Na)               | weapon/hwasong-11b | KN-24
          three ICBMs were shown                 | weapon/icbm        | ICBMs
          an intercontinental ballistic missile  | weapon/icbm        | intercontinental ballistic missile
          into the East Sea.                     | place/sea-of-japan | East Sea
          launched from Tongchang-ri,            | facility/sohae     | Tongchang-ri
          launched from Tongchangri,             | facility/sohae     | Tongchangri
          Kim Jong-un watched                    | person/kim-jong-un | Kim Jong-un
          Kim's daughter                         | person/kim-jong-un | Kim
          Kim Yo Jong said                       | person/kim-yo-jong | Kim Yo Jong
          the Workers' Party of Korea congress   | organisation/wpk   | Workers' Party of Korea
          the Workers’ Party of Korea congress   | organisation/wpk   | Workers’ Party of Korea
          Pukkuksong-3 SLBM                      | weapon/pukguksong-3 | Pukkuksong-3
          the Ulji Freedom Shield drills         | exercise/ulchi-freedom-shield | Ulji Freedom Shield
          the Ulji Freedom Shield exercises      | exercise/ulchi-freedom-shield | Ulji Freedom Shield exercises
          """)
  void findsNamesAndTheirVariants(String text, String id, String surface) {
    List<EntityMatch> matches = MATCHER.find(text);
    assertThat(matches)
        .anySatisfy(
            m -> {
              assertThat(m.entity().id()).isEqualTo(id);
              assertThat(text.substring(m.start(), m.end())).isEqualTo(surface);
            });
  }

  @Test
  void longestMatchWinsOverOverlappingShorterOnes() {
    assertThat(found("a short-range ballistic missile"))
        .containsExactly("weapon/srbm=short-range ballistic missile");
    assertThat(found("Kim Yo Jong warned")).containsExactly("person/kim-yo-jong=Kim Yo Jong");
    assertThat(found("Hwasong-11A")).containsExactly("weapon/hwasong-11a=Hwasong-11A");
    assertThat(found("Sohae Satellite Launching Station"))
        .containsExactly("facility/sohae=Sohae Satellite Launching Station");
  }

  @Test
  void respectsWordBoundaries() {
    assertThat(found("He ate kimchi at Kimchaek.")).containsExactly("place/kimchaek=Kimchaek");
    assertThat(found("Hwasong-180 and KN-233 are not real")).isEmpty();
    assertThat(found("The ICBMS were ICBMs; ICBMss no.")).hasSize(2);
    assertThat(found("Kims")).as("people take no plural").isEmpty();
    assertThat(found("Hwasong-18B")).as("a longer designation is not its prefix").isEmpty();
  }

  @Test
  void matchesDoNotSpanHardPunctuation() {
    assertThat(found("the Hwasong, 18 of them")).isEmpty();
    assertThat(found("Kim (Yo Jong)")).containsExactly("person/kim-jong-un=Kim");
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    String text = "  Pyongyang,  on Friday — the\u00A0Hwasong\u200B-19 flew to the  Sea  of Japan.";
    List<EntityMatch> matches = MATCHER.find(text);
    assertThat(matches)
        .extracting(m -> m.surface(text))
        .containsExactly("Pyongyang", "Hwasong\u200B-19", "Sea  of Japan");
    assertThat(matches.get(0).start()).isEqualTo(2);
    assertThat(matches.get(2).end()).isEqualTo(text.length() - 1);
  }

  @Test
  void sameSurfaceOfDifferentKindsGivesOneMatchPerEntity() {
    String text = "tested near Koksan";
    assertThat(MATCHER.find(text)).extracting(m -> m.entity().id())
        .containsExactly("facility/koksan");
    assertThat(found("the Koksan gun")).containsExactly("weapon/koksan=Koksan gun");
  }

  @Test
  void filtersByKind() {
    String text = "Kim Jong Un watched a Hwasong-18 launch from Pyongyang into the East Sea.";
    assertThat(MATCHER.find(text, EntityKind.WEAPON))
        .extracting(m -> m.entity().id())
        .containsExactly("weapon/hwasong-18");
    assertThat(MATCHER.find(text, EntityKind.PLACE))
        .extracting(m -> m.entity().id())
        .containsExactly("place/pyongyang", "place/sea-of-japan");
    assertThat(MATCHER.find(text)).hasSize(4);
    assertThat(MATCHER.find(text, new EntityKind[0])).hasSize(4);
  }

  @Test
  void caseFoldingIgnoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      GazetteerMatcher matcher = GazetteerMatcher.of(DPRK);
      assertThat(matcher.find("ICBM LAUNCH BY KIM"))
          .extracting(m -> m.entity().id())
          .containsExactly("weapon/icbm", "person/kim-jong-un");
      assertThat(matcher.find("İCBM")).extracting(m -> m.entity().id())
          .containsExactly("weapon/icbm");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void everyNameOfEveryEntityFindsItsEntity() {
    for (var entity : DPRK.entities()) {
      for (String name : entity.names()) {
        String text = "Reports said " + name + " was involved.";
        assertThat(MATCHER.find(text))
            .as("%s in %s", name, entity.id())
            .anySatisfy(m -> assertThat(m.entity()).isEqualTo(entity));
      }
    }
  }

  @Test
  void randomTextNeverThrowsAndSpansStayInside() {
    Random random = new Random(20251226L);
    String alphabet = "aKimHwasong-18 \u00A0,.'’()\u200Bİıŏ\uD83D\uDE00\uD800ICBMsKN23\n\t";
    List<String> names = DPRK.entities().stream().flatMap(e -> e.names().stream()).toList();
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(120);
      while (text.length() < length) {
        if (random.nextInt(8) == 0) {
          text.append(names.get(random.nextInt(names.size())));
        } else {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String s = text.toString();
      int previousStart = -1;
      for (EntityMatch m : MATCHER.find(s)) {
        assertThat(m.start()).isBetween(0, s.length() - 1);
        assertThat(m.end()).isBetween(m.start() + 1, s.length());
        assertThat(m.start()).isGreaterThanOrEqualTo(previousStart);
        previousStart = m.start();
      }
    }
  }

  @Test
  void emptyTextHasNoMatches() {
    assertThat(MATCHER.find("")).isEmpty();
    assertThat(MATCHER.find(" - , . ")).isEmpty();
  }

  @Test
  void iranProfileMatchesWithTheSameEngine() {
    GazetteerMatcher iran = GazetteerMatcher.of(WatchProfile.load("iran"));
    assertThat(iran.find("Shahed 136 drones were launched from Tehran"))
        .extracting(m -> m.entity().id())
        .containsExactly("weapon/shahed-136", "place/tehran");
  }
}
