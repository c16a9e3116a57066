package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/** When two claimed values are one value told twice, and when they disagree. */
class AgreementTest {

  @ParameterizedTest(name = "{0}: {1} and {2} agree: {3}")
  @CsvSource({
      "range_km, 1000, 1001.2, true", // a round thousand and a precise figure
      "range_km, 30, 30.6, true", // 30 km and 19 miles converted
      "range_km, 29, 30, true",
      "apogee_km, 6000, 6248.5, true", // "about 6,000 km"
      "range_km, 966, 1000, true", // 600 miles, converted to three digits, and 1,000 km
      "range_km, 450, 400-500, true", // a figure inside a stated range
      "flight_time_s, 2400, 2390, true", // 40 minutes and 2,390 seconds
      "range_km, 600, 650, false",
      "range_km, 400, 3000, false",
      "range_km, 30, 300, false",
      "range_km, 550, 400-500, false",
      "apogee_km, >1000, 1400, true", // "over 1,000 km" is met by any figure above it
      "apogee_km, >1000, 1001.2, true",
      "apogee_km, >1000, 980, true", // within the bound's rounding
      "apogee_km, >1000, 800, false",
      "range_km, >600, 400-500, false",
      "count, 1, 2, false",
      "occasion, meeting, factory visit, false",
  })
  void valuesAgreeWithinTheirRounding(String field, String a, String b, boolean agree) {
    assertThat(Agreement.agree(field, a, b)).isEqualTo(agree);
    assertThat(Agreement.agree(field, b, a)).isEqualTo(agree);
  }

  private static Report dated(String evidence, String dayWords, LocalDate day) {
    int at = evidence.indexOf(dayWords);
    return new Report("a-r0", "a", "missile_launch", EventDate.day(day), false, false, List.of(), List.of(), List.of(),
        Map.of(), evidence, 100, 100 + evidence.length(), null, Certainty.ASSERTED, "outlet:X",
        List.of(new Claim("date", day.toString(), 100 + at, 100 + at + dayWords.length())));
  }

  @Test
  void aStatementsDayStandsForTheDaysUpToIt() {
    Report said = dated("North Korea said Sunday that it had fired a missile.", "Sunday", LocalDate.of(2016, 4, 24));
    Report fired = dated("North Korea fired a missile on Saturday.", "Saturday", LocalDate.of(2016, 4, 23));
    Report firedLater = dated("North Korea fired a missile on Monday.", "Monday", LocalDate.of(2016, 4, 25));
    assertThat(Agreement.saidOn(said)).isTrue();
    assertThat(Agreement.saidOn(fired)).isFalse();
    assertThat(Agreement.sameDay(said, fired)).isTrue();
    assertThat(Agreement.sameDay(said, firedLater)).isFalse();
    assertThat(Agreement.sameDay(fired, firedLater)).isFalse();
  }
}
