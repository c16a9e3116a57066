package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A day column is read as {@code LocalDate.parse} reads it, right or wrong. */
class EventRowsDayTest {

  @Test
  void readsWhatParseReads() {
    for (String s : new String[] {"2024-01-05", "1950-06-25", "2024-02-29", "0999-12-31", "2026-12-07"}) {
      assertThat(EventRows.day(s)).isEqualTo(LocalDate.parse(s));
    }
  }

  @Test
  void refusesWhatParseRefuses() {
    for (String s : new String[] {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-05", "2024/01/05", "20x4-01-05",
        "", "2024-01-05T00:00"}) {
      assertThatThrownBy(() -> EventRows.day(s)).as(s).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> LocalDate.parse(s)).as(s).isInstanceOf(DateTimeException.class);
    }
  }
}
