package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.model.Claim;

/**
 * The numbers a sentence gives an event report, on sentences of our own: each field with its
 * value in kilometres, seconds or missiles.
 */
class NumbersTest {

  private static List<String> claims(String sentence) {
    return Numbers.claims(sentence, 0).stream().map(c -> c.field() + "=" + c.value()).toList();
  }

  @Test
  void thousandsSeparatorsAndDecimalsAreOneNumber() {
    assertThat(claims("The rocket climbed to an altitude of 6,648.4 km and flew 1,001.2 km for 4,491 seconds."))
        .containsExactly("apogee_km=6648.4", "range_km=1001.2", "flight_time_s=4491");
  }

  @Test
  void eachLengthTakesTheCueNearestToIt() {
    assertThat(claims("It flew 950 km after reaching a maximum altitude of 5,700 km."))
        .containsExactly("range_km=950", "apogee_km=5700");
    assertThat(claims("The missile travelled 1,000 km and reached 6,000 km in altitude."))
        .containsExactly("range_km=1000", "apogee_km=6000");
  }

  @Test
  void designatorsAreNamesNeverCounts() {
    assertThat(claims("Officials said the Unha-3 rocket left its pad at dawn.")).isEmpty();
    assertThat(claims("Seoul believes a Hwasong-18 ICBM was launched.")).containsExactly("count=1");
    assertThat(claims("The army fired two KN-25 rockets into the sea.")).containsExactly("count=2");
    assertThat(claims("Analysts compared the KN25 rockets with older types.")).isEmpty();
    assertThat(claims("State media showed the Pukguksong-3 missiles on parade.")).isEmpty();
    assertThat(claims("Tests of the Hwasong 18 missile resumed.")).isEmpty();
  }

  @Test
  void aCountBeforeANameIsStillACount() {
    assertThat(claims("The military launched 3 Hwasong-11 missiles on Monday.")).containsExactly("count=3");
    assertThat(claims("On Monday 2 missiles were fired.")).containsExactly("count=2");
  }

  @Test
  void aSalvoIsCountedFromTheWordsThatCountIt() {
    assertThat(claims("The North fired two short-range ballistic missiles off its east coast.")).containsExactly("count=2");
    assertThat(claims("Seoul said the launchers sent off a volley of four toward the sea.")).containsExactly("count=4");
    assertThat(claims("It was a salvo of 6 rockets, the army said.")).containsExactly("count=6");
    assertThat(claims("Troops fired a barrage of three, the staff reported.")).containsExactly("count=3");
    assertThat(claims("The army fired a pair of cruise missiles at dawn.")).containsExactly("count=2");
    assertThat(claims("The units launched eighteen ballistic missiles in one morning.")).containsExactly("count=18");
    assertThat(claims("Twelve rockets flew toward the islands.")).containsExactly("count=12");
  }

  @Test
  void aVagueCountIsNoCountAndHidesNoLaterOne() {
    // "several" and "multiple" count more than one without saying how many: the table leaves the
    // count unknown, and "a new-type missile" further on is not the salvo's count
    assertThat(claims("The North fired several cruise missiles, among them a new-type missile.")).isEmpty();
    assertThat(claims("It fired multiple short-range projectiles into the sea, an official said, and an ICBM."))
        .isEmpty();
    assertThat(claims("A volley of missiles came down in the sea.")).isEmpty();
  }

  @Test
  void aMultipleRocketLauncherIsAWeaponNoVagueCount() {
    assertThat(claims("The 600mm multiple rocket launchers fired four rockets at the island target."))
        .containsExactly("count=4");
  }

  @Test
  void aVolleyTestIsNoCount() {
    assertThat(claims("The launcher passed its driving test and volley test.")).isEmpty();
  }

  @Test
  void aRangeTheMissileCanReachIsNoFlight() {
    assertThat(claims("The rocket is thought to derive from the Taepodong, which has an estimated range of around"
        + " 5,600 miles (9,000 km).")).isEmpty();
    assertThat(claims("The missile, with a range of up to 1,000 km, flew 450 km.")).containsExactly("range_km=450");
    assertThat(claims("It is capable of reaching 2,000 km, analysts said.")).isEmpty();
    assertThat(claims("The missile flew a range of 800 km before it fell.")).containsExactly("range_km=800");
  }

  @Test
  void aLengthThatPlacesAPointIsNoRange() {
    assertThat(claims("The warhead landed about 200 km west of Okushiri island, the ministry said.")).isEmpty();
    assertThat(claims("It flew 600 km and fell some 150 km north-east of the port.")).containsExactly("range_km=600");
    assertThat(claims("The missile landed 250 km off the coast after a flight of 800 km."))
        .containsExactly("range_km=800");
    assertThat(claims("The booster fell 300 km (186 miles) east of the island.")).isEmpty();
  }

  @Test
  void rangesKeepBothEnds() {
    assertThat(claims("It flew 400 to 500 km before splashing down.")).containsExactly("range_km=400-500");
    assertThat(claims("The rocket flew between 60 and 70 minutes.")).containsExactly("flight_time_s=3600-4200");
    assertThat(claims("The missiles flew 300-350 km.")).containsExactly("range_km=300-350");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "The missile flew about 19 miles.|range_km=30.6",
    "It flew some 620 nautical miles.|range_km=1150",
    "It reached an altitude of 50,000 feet.|apogee_km=15.2",
    "The drone flew at a height of 800 metres.|apogee_km=0.8",
    "The rocket flew 71 minutes.|flight_time_s=4260",
    "It was airborne for 1 hour 14 minutes.|flight_time_s=4440",
    "The missile flew for 4 minutes and 30 seconds.|flight_time_s=270",
    "The projectile flew 1.5 hours.|flight_time_s=5400",
  })
  void unitsAreConvertedToKilometresAndSeconds(String sentence, String expected) {
    assertThat(claims(sentence)).containsExactly(expected);
  }

  @Test
  void aNumberSaidToBeExceededIsALowerBound() {
    assertThat(claims("The missile reached an altitude of over 1,000 km, the ministry said."))
        .containsExactly("apogee_km=>1000");
    assertThat(claims("It flew more than 600 miles before it came down.")).containsExactly("range_km=>966");
    assertThat(claims("The rocket was airborne for at least 40 minutes.")).containsExactly("flight_time_s=>2400");
    // a hedge that only rounds is no bound
    assertThat(claims("It flew about 1,000 km.")).containsExactly("range_km=1000");
  }

  @Test
  void aRestatementInBracketsIsOneMeasure() {
    assertThat(claims("The missile flew about 30 km (19 miles) before it fell.")).containsExactly("range_km=30");
  }

  @Test
  void speedsAndSpeechesAreNoFlightFigures() {
    assertThat(claims("It flew at a speed of 3,000 km/h during the flight.")).isEmpty();
    assertThat(claims("The leader spoke for 40 minutes before the cadres.")).isEmpty();
    assertThat(claims("Before the test the leader toured a factory for 2 hours.")).isEmpty();
  }

  @Test
  void spansAreTheMeasureShiftedByTheSentenceOffset() {
    String sentence = "It flew about 1,000 km.";
    Claim c = Numbers.claims(sentence, 100).get(0);
    assertThat(sentence.substring(c.start() - 100, c.end() - 100)).isEqualTo("1,000 km");
  }
}
