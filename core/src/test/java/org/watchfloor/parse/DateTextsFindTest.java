package org.watchfloor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The written dates {@link DateTexts#find} reads, and texts it must pass over quickly and empty. */
class DateTextsFindTest {

  @Test
  void findsAWrittenDateWhoseYearIsTheOnlyFourDigits() {
    assertThat(DateTexts.find("Filed on the eve: December 26, 2025, by our desk").orElseThrow().localDay())
        .isEqualTo(LocalDate.of(2025, 12, 26));
    assertThat(DateTexts.find("le 1er décembre 2025").orElseThrow().localDay())
        .isEqualTo(LocalDate.of(2025, 12, 1));
    assertThat(DateTexts.find("x 2024-03-09 y").orElseThrow().localDay()).isEqualTo(LocalDate.of(2024, 3, 9));
  }

  @Test
  void aTextWithoutFourDigitsInARowHasNoDate() {
    assertThat(DateTexts.find("December 26, 202")).isEmpty();
    assertThat(DateTexts.find("December 26, 20 25")).isEmpty();
    // digits of other scripts are not what \d reads
    assertThat(DateTexts.find("December 26, \u0662\u0660\u0662\u0665")).isEmpty();
    assertThat(DateTexts.find("")).isEmpty();
  }
}
