package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.extract.Quantity.Qualifier;
import org.watchfloor.extract.Quantity.Unit;

/** The measures a sentence states, read with their units, hedges and spans. */
class QuantitiesTest {

  private static Quantity only(String sentence) {
    List<Quantity> found = Quantities.in(sentence);
    assertThat(found).as(sentence).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "flew about 600 km|ABOUT",
    "flew around 600 km|ABOUT",
    "flew some 600 km|ABOUT",
    "flew approximately 600 km|ABOUT",
    "flew an estimated 600 km|ABOUT",
    "flew ~600 km|ABOUT",
    "flew more than 600 km|AT_LEAST",
    "flew over 600 km|AT_LEAST",
    "flew at least 600 km|AT_LEAST",
    "flew up to 600 km|AT_MOST",
    "flew as far as 600 km|AT_MOST",
    "flew less than 600 km|AT_MOST",
    "flew 600 km|EXACT",
    "flew about 500 to 600 km|ABOUT",
    "flew roughly between 500 and 600 km|ABOUT",
  })
  void theHedgeBeforeTheNumberIsKept(String sentence, Qualifier expected) {
    assertThat(only(sentence).qualifier()).isEqualTo(expected);
  }

  @Test
  void unitsAreRecognisedInTheirUsualSpellings() {
    assertThat(only("7 kilometres").unit()).isEqualTo(Unit.KILOMETRE);
    assertThat(only("7 kilometers").unit()).isEqualTo(Unit.KILOMETRE);
    assertThat(only("7km").unit()).isEqualTo(Unit.KILOMETRE);
    assertThat(only("a 7-km flight").unit()).isEqualTo(Unit.KILOMETRE);
    assertThat(only("7 mi").unit()).isEqualTo(Unit.MILE);
    assertThat(only("7 nautical miles").unit()).isEqualTo(Unit.NAUTICAL_MILE);
    assertThat(only("7 nm").unit()).isEqualTo(Unit.NAUTICAL_MILE);
    assertThat(only("7 m").unit()).isEqualTo(Unit.METRE);
    assertThat(only("7 ft").unit()).isEqualTo(Unit.FOOT);
    assertThat(only("7 mins").unit()).isEqualTo(Unit.MINUTE);
    assertThat(only("7 secs").unit()).isEqualTo(Unit.SECOND);
    assertThat(only("7 hrs").unit()).isEqualTo(Unit.HOUR);
  }

  @Test
  void numbersThatAreNotMeasuresAreSkipped() {
    assertThat(Quantities.in("The Hwasong-18 and KN-25 were shown with a 7 million budget.")).isEmpty();
    assertThat(Quantities.in("It cost $300 m and was seen on 2023-11-21.")).isEmpty();
    assertThat(Quantities.in("The 3rd test and the Hwasong-11D were reported.")).isEmpty();
  }

  @Test
  void aSpaceSeparatesThousandsOnlyBeforeAUnit() {
    assertThat(only("2\u202F000 km").low()).isEqualTo(2000);
    assertThat(only("1 000 km").low()).isEqualTo(1000);
    assertThat(Quantities.in("fired 2 300 missiles over 40 km")).singleElement().extracting(Quantity::low)
        .isEqualTo(40.0);
  }

  @Test
  void anyTextReadsWithoutErrorAndSpansStayInside() {
    String[] pieces = {"1", "23", "4,567", "8.9", ",", ".", "-", "\u2013", " ", "\u00A0", "km", "mi", "miles",
      "nautical", "feet", "m", "min", "seconds", "hours", "to", "and", "between", "(", ")", "about", "west", "of",
      "off", "/h", "per", "Hwasong", "KN", "x", "$", "\n"};
    SplittableRandom random = new SplittableRandom(14);
    int measures = 0;
    for (int t = 0; t < 5_000; t++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(25); i >= 0; i--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextInt(3) == 0) {
          sb.append(' ');
        }
      }
      String text = sb.toString();
      int previous = 0;
      for (Quantity q : Quantities.in(text)) {
        assertThat(q.start()).as(text).isGreaterThanOrEqualTo(previous);
        assertThat(q.follows()).as(text).isLessThanOrEqualTo(text.length());
        assertThat(Quantities.isDigit(text.charAt(q.start()))).as(text).isTrue();
        assertThat(q.baseValue()).as(text).matches("\\d+(\\.\\d+)?(-\\d+(\\.\\d+)?)?");
        previous = q.follows();
        measures++;
      }
      Numbers.claims(text, 7).forEach(c -> assertThat(c.end()).as(text).isLessThanOrEqualTo(text.length() + 7));
    }
    assertThat(measures).isGreaterThan(300);
  }
}
