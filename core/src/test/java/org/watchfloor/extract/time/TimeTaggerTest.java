package org.watchfloor.extract.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.extract.time.TimeExpression.Kind;

class TimeTaggerTest {

  private static final TimeTagger TAGGER = new TimeTagger();

  /** The one expression in {@code sentence} whose text is {@code expr}. */
  private static TimeExpression find(String sentence, LocalDate anchor, String expr) {
    List<TimeExpression> all = TAGGER.tag(sentence, anchor);
    return all.stream()
        .filter(e -> e.text().equals(expr))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + expr + "' in " + all));
  }

  @ParameterizedTest(name = "{0} @ {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # sentence                                                    | anchor     | expression                 | iso        | earliest   | latest     | precision | kind
          The factory was opened on December 26, 2025, officials said.  | 2026-01-03 | December 26, 2025          | 2025-12-26 | 2025-12-26 | 2025-12-26 | DAY       | ABSOLUTE
          The plant opened on 26 December 2025 after delays.            | 2026-01-03 | 26 December 2025           | 2025-12-26 | 2025-12-26 | 2025-12-26 | DAY       | ABSOLUTE
          Work resumed on Dec. 26 at the site.                          | 2025-12-28 | Dec. 26                    | 2025-12-26 | 2025-12-26 | 2025-12-26 | DAY       | ABSOLUTE
          Work resumed on Dec 26th at the site.                         | 2025-12-28 | Dec 26th                   | 2025-12-26 | 2025-12-26 | 2025-12-26 | DAY       | ABSOLUTE
          The log entry is dated 2025-12-26 in the file.                | 2026-02-01 | 2025-12-26                 | 2025-12-26 | 2025-12-26 | 2025-12-26 | DAY       | ABSOLUTE
          The memo dated 12/26/2025 was leaked.                         | 2026-02-01 | 12/26/2025                 | 2025-12-26 | 2025-12-26 | 2025-12-26 | DAY       | ABSOLUTE
          The memo dated 26/12/2025 was leaked.                         | 2026-02-01 | 26/12/2025                 | 2025-12-26 | 2025-12-26 | 2025-12-26 | DAY       | ABSOLUTE
          Output rose sharply in December 2025 at the works.            | 2026-02-01 | December 2025              | 2025-12    | 2025-12-01 | 2025-12-31 | MONTH     | ABSOLUTE
          The test site was rebuilt in 2024 by engineers.               | 2026-02-01 | 2024                       | 2024       | 2024-01-01 | 2024-12-31 | YEAR      | ABSOLUTE
          Satellite images from mid-2024 show new sheds.                | 2026-02-01 | mid-2024                   | 2024-05    | 2024-05-01 | 2024-08-31 | MONTH     | ABSOLUTE
          A congress is planned for early 2026 in the capital.          | 2025-12-26 | early 2026                 | 2026-01    | 2026-01-01 | 2026-04-30 | MONTH     | ABSOLUTE
          Tests picked up late last year along the coast.               | 2025-03-10 | late last year             | 2024-09    | 2024-09-01 | 2024-12-31 | MONTH     | RELATIVE
          Launches doubled in the first half of 2024 compared with 2023.| 2025-03-10 | the first half of 2024     | 2024-01    | 2024-01-01 | 2024-06-30 | MONTH     | ABSOLUTE
          The rally of Juche 113 (2024) was large.                      | 2025-03-10 | Juche 113 (2024)           | 2024       | 2024-01-01 | 2024-12-31 | YEAR      | ABSOLUTE
          Houses went up in November Juche 111 (2022) in the county.    | 2025-03-10 | November Juche 111 (2022)  | 2022-11    | 2022-11-01 | 2022-11-30 | MONTH     | ABSOLUTE
          The drills held in April last year drew protests.             | 2025-03-10 | April last year            | 2024-04    | 2024-04-01 | 2024-04-30 | MONTH     | RELATIVE
          The 2021–2025 defence plan was fulfilled.                     | 2025-12-26 | 2021–2025                  | 2021       | 2021-01-01 | 2025-12-31 | YEAR      | RANGE
          The plan ran from 2021 to 2025 without pause.                 | 2025-12-26 | from 2021 to 2025          | 2021       | 2021-01-01 | 2025-12-31 | YEAR      | RANGE
          Drills took place between March 3 and 7 off the coast.        | 2025-03-20 | between March 3 and 7      | 2025-03-03 | 2025-03-03 | 2025-03-07 | DAY       | RANGE
          The talks lasted for three days in the capital.               | 2025-03-20 | for three days             |            |            |            | UNKNOWN   | DURATION
          He was jailed five years for the leak.                        | 2025-03-20 | five years                 |            |            |            | UNKNOWN   | DURATION
          The ministry confirmed the launch today in a statement.       | 2025-03-20 | today                      | 2025-03-20 | 2025-03-20 | 2025-03-20 | DAY       | RELATIVE
          The ministry confirmed the launch yesterday in a statement.   | 2025-03-20 | yesterday                  | 2025-03-19 | 2025-03-19 | 2025-03-19 | DAY       | RELATIVE
          The nuclear test on Wednesday last week angered Beijing.      | 2016-01-14 | Wednesday last week        | 2016-01-06 | 2016-01-06 | 2016-01-06 | DAY       | RELATIVE
          Talks resume on Monday next week in the capital.              | 2025-03-20 | Monday next week           | 2025-03-24 | 2025-03-24 | 2025-03-24 | DAY       | RELATIVE
          He inspected the unit the previous day with officers.         | 2025-03-20 | the previous day           | 2025-03-19 | 2025-03-19 | 2025-03-19 | DAY       | RELATIVE
          He had toured the yard the day before with officers.          | 2025-03-20 | the day before             | 2025-03-19 | 2025-03-19 | 2025-03-19 | DAY       | RELATIVE
          Sirens sounded tonight across the border.                     | 2025-03-20 | tonight                    | 2025-03-20 | 2025-03-20 | 2025-03-20 | DAY       | RELATIVE
          The missile was fired this morning from the coast.            | 2025-03-20 | this morning               | 2025-03-20 | 2025-03-20 | 2025-03-20 | DAY       | RELATIVE
          He toured a submarine base earlier this week with aides.      | 2025-12-26 | earlier this week          | 2025-W52   | 2025-12-22 | 2025-12-26 | WEEK      | RELATIVE
          Envoys met last week in the capital.                          | 2025-12-26 | last week                  | 2025-W51   | 2025-12-15 | 2025-12-21 | WEEK      | RELATIVE
          Envoys meet this week in the capital.                         | 2025-12-26 | this week                  | 2025-W52   | 2025-12-22 | 2025-12-28 | WEEK      | RELATIVE
          Exports fell last month to a new low.                         | 2025-03-20 | last month                 | 2025-02    | 2025-02-01 | 2025-02-28 | MONTH     | RELATIVE
          A second test was held earlier this month at sea.             | 2025-03-20 | earlier this month         | 2025-03    | 2025-03-01 | 2025-03-20 | MONTH     | RELATIVE
          Sanctions were tightened earlier in the month by the council. | 2025-03-20 | earlier in the month       | 2025-03    | 2025-03-01 | 2025-03-20 | MONTH     | RELATIVE
          Budgets grew this year for the army.                          | 2025-03-20 | this year                  | 2025       | 2025-01-01 | 2025-12-31 | YEAR      | RELATIVE
          Budgets grew last year for the army.                          | 2025-03-20 | last year                  | 2024       | 2024-01-01 | 2024-12-31 | YEAR      | RELATIVE
          The leader said just the other day that arms matter.          | 2025-03-20 | just the other day         | 2025-W11   | 2025-03-13 | 2025-03-19 | WEEK      | RELATIVE
          The engine was tested three days ago in the west.             | 2025-03-20 | three days ago             | 2025-03-17 | 2025-03-17 | 2025-03-17 | DAY       | RELATIVE
          The engine was tested two weeks ago in the west.              | 2025-03-20 | two weeks ago              | 2025-W10   | 2025-03-03 | 2025-03-09 | WEEK      | RELATIVE
          Shells were fired over the weekend near the islands.          | 2025-03-19 | over the weekend           | 2025-W11   | 2025-03-15 | 2025-03-16 | WEEK      | RELATIVE
          Tensions have risen in recent years on the peninsula.         | 2025-03-19 | in recent years            |            |            |            | UNKNOWN   | RELATIVE
          The launch was announced next month by the agency.            | 2025-03-19 | next month                 | 2025-04    | 2025-04-01 | 2025-04-30 | MONTH     | RELATIVE
          Pyongyang, August 5 (KCNA) -- A meeting was held.             | 2024-08-05 | August 5                   | 2024-08-05 | 2024-08-05 | 2024-08-05 | DAY       | PUBLICATION_REF
          SEOUL, Feb 7 (Reuters) - The North fired a rocket.            | 2016-02-07 | Feb 7                      | 2016-02-07 | 2016-02-07 | 2016-02-07 | DAY       | PUBLICATION_REF
          Troops were seen in the 1990s near the border.                | 2016-02-07 | the 1990s                  | 1990       | 1990-01-01 | 1999-12-31 | YEAR      | RANGE
          """)
  void resolvesEveryCommonForm(
      String sentence,
      LocalDate anchor,
      String expr,
      String iso,
      LocalDate earliest,
      LocalDate latest,
      String precision,
      Kind kind) {
    TimeExpression e = find(sentence, anchor, expr);
    assertThat(e.value().iso()).isEqualTo(iso == null ? "" : iso);
    assertThat(e.value().earliest()).isEqualTo(earliest);
    assertThat(e.value().latest()).isEqualTo(latest);
    assertThat(e.value().precision().name()).isEqualTo(precision);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(sentence.substring(e.start(), e.end())).isEqualTo(expr);
  }

  // 2025-12-26 is a Friday, 2025-12-27 a Saturday, 2025-12-29 a Monday.
  @ParameterizedTest(name = "{0} @ {1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The rocket was fired on Friday from the coast.       | 2025-12-27 | Friday          | 2025-12-26 | false
          The rocket was fired on Friday from the coast.       | 2025-12-26 | Friday          | 2025-12-26 | false
          The rocket was fired on Sunday from the coast.       | 2025-12-29 | Sunday          | 2025-12-28 | false
          The rocket was fired on Monday from the coast.       | 2025-12-28 | Monday          | 2025-12-22 | false
          The ministry said Tuesday that drills ended.         | 2025-12-29 | Tuesday         | 2025-12-23 | false
          The rocket was fired last Friday from the coast.     | 2025-12-26 | last Friday     | 2025-12-19 | false
          The envoy will arrive next Friday for talks.         | 2025-12-26 | next Friday     | 2026-01-02 | true
          The envoy will arrive on Monday for talks.           | 2025-12-27 | Monday          | 2025-12-29 | true
          The envoy will arrive on Friday for talks.           | 2025-12-26 | Friday          | 2025-12-26 | true
          The launch came late Monday, officials said.         | 2025-12-30 | late Monday     | 2025-12-29 | false
          US officials said the missile flew Tuesday night.    | 2025-12-31 | Tuesday night   | 2025-12-30 | false
          """)
  void resolvesWeekdaysAroundWeekBoundaries(
      String sentence, LocalDate anchor, String expr, LocalDate day, boolean future) {
    TimeExpression e = find(sentence, anchor, expr);
    assertThat(e.value().earliest()).isEqualTo(day);
    assertThat(e.value().latest()).isEqualTo(day);
    assertThat(e.future()).isEqualTo(future);
  }

  @ParameterizedTest(name = "{0} @ {1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The unit fired shells on December 30 near the line.   | 2026-01-02 | December 30  | 2025-12-30
          The unit fired shells on 30 December near the line.   | 2026-01-02 | 30 December  | 2025-12-30
          The unit fired shells on January 2 near the line.     | 2025-12-30 | January 2    | 2026-01-02
          The unit fired shells on March 20 near the line.      | 2025-12-30 | March 20     | 2025-03-20
          The plenum will open on January 20 in the capital.    | 2025-12-30 | January 20   | 2026-01-20
          Output peaked in December at the plant.               | 2026-01-05 | December     | 2025-12-01
          The next round is expected in March in the capital.   | 2026-01-05 | March        | 2026-03-01
          Talks held in March stalled.                          | 2026-01-05 | March        | 2025-03-01
          """)
  void resolvesYearlessDatesAcrossNewYear(
      String sentence, LocalDate anchor, String expr, LocalDate earliest) {
    assertThat(find(sentence, anchor, expr).value().earliest()).isEqualTo(earliest);
  }

  @Test
  void readsTheHolidaysThatNameADay() {
    LocalDate anchor = LocalDate.of(2018, 1, 3);
    assertThat(find("Trump answered a New Year's Day statement from Kim.", anchor, "New Year's Day").value().iso())
        .isEqualTo("2018-01-01");
    assertThat(find("Trump answered a New Year’s Day statement from Kim.", anchor, "New Year’s Day").value().iso())
        .isEqualTo("2018-01-01");
    assertThat(find("Flights resumed on Christmas Eve.", anchor, "Christmas Eve").value().iso()).isEqualTo("2017-12-24");
    assertThat(find("The drill ended on New Year's Eve.", anchor, "New Year's Eve").value().iso()).isEqualTo("2017-12-31");
    // a "Christmas gift" is a threat, not a day
    assertThat(TAGGER.tag("The North warned of a Christmas gift for the U.S.", anchor)).isEmpty();
  }

  @Test
  void marksTheFuture() {
    LocalDate anchor = LocalDate.of(2025, 12, 26);
    assertThat(find("A congress is expected in early 2026.", anchor, "early 2026").future())
        .isTrue();
    assertThat(find("Prices rose next month, he said.", anchor, "next month").future()).isTrue();
    assertThat(find("Prices rose last month, he said.", anchor, "last month").future()).isFalse();
    assertThat(find("\"We will win,\" he said on Friday.", anchor, "Friday").future()).isFalse();
  }

  @Test
  void keepsStatedClockTimesAndZones() {
    LocalDate anchor = LocalDate.of(2025, 12, 24);
    TimeExpression launch =
        find(
            "The missile was fired on Wednesday at 7:10 a.m. KST from the coast.",
            anchor,
            "Wednesday at 7:10 a.m. KST");
    assertThat(launch.value().earliest()).isEqualTo(LocalDate.of(2025, 12, 24));
    assertThat(launch.timeOfDay()).isEqualTo(LocalTime.of(7, 10));
    assertThat(launch.zone()).isEqualTo(ZoneId.of("Asia/Seoul"));

    TimeExpression bracketed =
        find("It was launched around 11:23 (0223 GMT), Seoul said.", anchor, "11:23 (0223 GMT)");
    assertThat(bracketed.timeOfDay()).isEqualTo(LocalTime.of(2, 23));
    assertThat(bracketed.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(bracketed.value().isKnown()).isFalse();

    TimeExpression tokyo = find("Tokyo saw it at 06:45 JST, officials said.", anchor, "06:45 JST");
    assertThat(tokyo.timeOfDay()).isEqualTo(LocalTime.of(6, 45));
    assertThat(tokyo.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void longestMatchWinsAndSpansDoNotOverlap() {
    List<TimeExpression> all =
        TAGGER.tag("On Monday, December 22, 2025 the plan for 2021-2025 ended.",
            LocalDate.of(2025, 12, 26));
    assertThat(all).extracting(TimeExpression::text)
        .containsExactly("Monday, December 22, 2025", "2021-2025");
  }

  @Test
  void ignoresNumbersThatAreNotYears() {
    assertThat(TAGGER.tag("It flew 2000 km under Resolution 2270.", LocalDate.of(2016, 3, 1)))
        .isEmpty();
  }

  @Test
  void emptyAndNullInputsHaveNoExpressions() {
    assertThat(TAGGER.tag("", LocalDate.of(2025, 1, 1))).isEmpty();
    assertThat(TAGGER.tag(null, LocalDate.of(2025, 1, 1))).isEmpty();
  }

  @Test
  void aLongSentenceDenseWithOverlappingExpressionsResolvesEachAsAlone() {
    String piece = "on Monday, March 4, 2024 at 7:10 a.m. KST, three days ago, between 2021 and 2023, in late May,"
        + " the day before yesterday, for two weeks and ";
    LocalDate anchor = LocalDate.of(2024, 3, 6);
    List<TimeExpression> alone = TAGGER.tag(piece, anchor);
    assertThat(alone).extracting(TimeExpression::text).containsExactly("Monday, March 4, 2024 at 7:10 a.m. KST",
        "three days ago", "between 2021 and 2023", "late May", "the day before yesterday", "for two weeks");
    int copies = 300;
    List<TimeExpression> all = TAGGER.tag(piece.repeat(copies), anchor);
    assertThat(all).hasSize(alone.size() * copies);
    for (int i = 0; i < all.size(); i++) {
      TimeExpression one = alone.get(i % alone.size());
      int shift = i / alone.size() * piece.length();
      assertThat(all.get(i)).isEqualTo(new TimeExpression(one.start() + shift, one.end() + shift, one.text(), one.value(),
          one.kind(), one.timeOfDay(), one.zone(), one.future()));
    }
  }
}
