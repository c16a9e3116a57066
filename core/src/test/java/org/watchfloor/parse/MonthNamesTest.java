package org.watchfloor.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Published;

class MonthNamesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "January, 1", "jan., 1", "janvier, 1", "enero, 1", "Jänner, 1",
    "Février, 2", "FEVRIER, 2", "febrero, 2", "Februar, 2",
    "mars, 3", "März, 3", "marzo, 3", "mar, 3",
    "avril, 4", "abril, 4", "mai, 5", "mayo, 5", "May, 5",
    "juin, 6", "Juni, 6", "juillet, 7", "juil., 7", "julio, 7",
    "août, 8", "agosto, 8", "Sept., 9", "septiembre, 9", "setiembre, 9",
    "octobre, 10", "Oktober, 10", "noviembre, 11", "DÉCEMBRE, 12", "diciembre, 12", "Dezember, 12", "dec, 12",
  })
  void namesInFourLanguagesGiveTheirMonth(String name, int month) {
    assertThat(MonthNames.number(name)).isEqualTo(month);
    // Whatever the table knows, the pattern matches whole, and the other way round.
    assertThat(Pattern.compile(MonthNames.PATTERN, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(name).matches())
        .isTrue();
  }

  @Test
  void unknownNamesAreRefused() {
    assertThatThrownBy(() -> MonthNames.number("Smarch")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Smarch");
    assertThat(Pattern.compile(MonthNames.PATTERN, Pattern.CASE_INSENSITIVE).matcher("Smarch").matches()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PARIS, le 1er décembre 2025 — Le tir a été observé | 2025-12-01",
        "Séoul, 26 décembre 2025 (AFP) | 2025-12-26",
        "SEÚL, 26 de diciembre de 2025 (EFE) | 2025-12-26",
        "Seoul, 26. Dezember 2025 (dpa) | 2025-12-26",
        "Berlin, 3. März 2026 | 2026-03-03",
      })
  void datelinesWithForeignMonthNamesAreFound(String text, String day) {
    assertThat(DateTexts.find(text)).map(Published::iso).contains(day);
  }
}
