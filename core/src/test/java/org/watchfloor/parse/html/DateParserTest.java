package org.watchfloor.parse.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-12-26T09:30:00+09:00          | 2025-12-26T09:30+09:00",
        "2025-12-26T09:30:00.123Z           | 2025-12-26T09:30:00Z",
        "2025-12-26T00:30:00-0500           | 2025-12-26T00:30-05:00",
        "Fri, 26 Dec 2025 09:30:00 GMT      | 2025-12-26T09:30Z",
        "Fri, 26 Dec 2025 09:30:00 +0900    | 2025-12-26T09:30+09:00",
        "26 Dec 2025 09:30 KST              | 2025-12-26T09:30+09:00",
        "December 26, 2025 9:30 p.m. EST    | 2025-12-26T21:30-05:00",
        "Dec. 26, 2025 at 11:05 am EDT      | 2025-12-26T11:05-04:00",
        "26 December 2025, 14:00 JST        | 2025-12-26T14:00+09:00",
        "Updated December 26, 2025 6:01 am UTC | 2025-12-26T06:01Z",
        "26 de diciembre de 2025, 14:05 UTC | 2025-12-26T14:05Z",
        "Aktualisiert am 26. Dezember 2025, 09:30 MEZ | 2025-12-26T09:30+01:00",
        "Mis à jour le 4 août 2025 18:00 UTC+2 | 2025-08-04T18:00+02:00",
      })
  void readsStatedZones(String text, String expected) {
    ParsedDate d = DateParser.parse(text);
    assertThat(d).isNotNull();
    assertThat(d.time()).isEqualTo(OffsetDateTime.parse(expected));
    assertThat(d.dateOnly()).isFalse();
    assertThat(d.zoneAssumed()).isFalse();
  }

  @Test
  void dateOnlyIsMidnightUtcAndFlagged() {
    for (String text : new String[] {"2025-12-26", "December 26, 2025", "26 Dec 2025", "Publié le 26 décembre 2025"}) {
      ParsedDate d = DateParser.parse(text);
      assertThat(d).as(text).isNotNull();
      assertThat(d.time()).isEqualTo(OffsetDateTime.parse("2025-12-26T00:00Z"));
      assertThat(d.dateOnly()).isTrue();
    }
  }

  @Test
  void timeWithoutZoneIsUtcAndFlagged() {
    ParsedDate d = DateParser.parse("2017-11-03 03:01:00.000000");
    assertThat(d.time()).isEqualTo(OffsetDateTime.parse("2017-11-03T03:01Z"));
    assertThat(d.zoneAssumed()).isTrue();
  }

  @Test
  void findsADatelineInsideText() {
    ParsedDate d = DateParser.find("SEOUL, Dec. 26 (Yonhap) -- posted 26 Dec 2025 09:30 KST by the desk");
    assertThat(d.time()).isEqualTo(OffsetDateTime.parse("2025-12-26T09:30+09:00"));
  }

  @Test
  void unreadableValuesGiveNull() {
    assertThat(DateParser.parse(null)).isNull();
    assertThat(DateParser.parse("")).isNull();
    assertThat(DateParser.parse("yesterday")).isNull();
    assertThat(DateParser.parse("2025-13-45")).isNull();
    assertThat(DateParser.parse("February 30, 2025")).isNull();
  }

  @Test
  void neverThrowsOnRandomInput() {
    Random random = new Random(7L);
    String alphabet = "0123456789-:+TZ ,.apmDecJunKSTGMTUTC";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      DateParser.parse(sb.toString());
      DateParser.find(sb.toString());
    }
  }
}
