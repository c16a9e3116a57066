package org.watchfloor.extract.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.EventDate;

/** Calendar arithmetic for resolving expressions against the publication day. */
final class Periods {

  private Periods() {}

  /**
   * The year of a day stated without one. In a clause about the future, the first such day on or
   * after the anchor; otherwise the nearest one to the anchor, days ahead counting six times (news
   * reports what happened: "on December 30" published on January 2 is three days earlier).
   */
  static LocalDate yearlessDay(int month, int day, LocalDate anchor, boolean futureCue) {
    LocalDate past = null;
    LocalDate next = null;
    for (int y = anchor.getYear() - 1; y <= anchor.getYear() + 1; y++) {
      if (day > YearMonth.of(y, month).lengthOfMonth()) {
        continue;
      }
      LocalDate d = LocalDate.of(y, month, day);
      if (!d.isAfter(anchor)) {
        past = d;
      } else if (next == null) {
        next = d;
      }
    }
    if (past == null) {
      return next;
    }
    if (next == null) {
      return past;
    }
    if (futureCue) {
      return past.equals(anchor) ? past : next;
    }
    long back = anchor.toEpochDay() - past.toEpochDay();
    long ahead = next.toEpochDay() - anchor.toEpochDay();
    return 6 * ahead < back ? next : past;
  }

  /**
   * The year of a month stated without one: the anchor's own month is this year's; otherwise the
   * last such month before the anchor, or the next one in a clause about the future. {@code
   * direction} is -1 for "last March", +1 for "next March", 0 when unstated.
   */
  static YearMonth yearlessMonth(int month, LocalDate anchor, boolean futureCue, int direction) {
    YearMonth now = YearMonth.from(anchor);
    YearMonth same = YearMonth.of(anchor.getYear(), month);
    if (direction < 0) {
      return same.isBefore(now) ? same : same.minusYears(1);
    }
    if (direction > 0 || futureCue) {
      if (direction == 0 && same.equals(now)) {
        return same;
      }
      return same.isAfter(now) ? same : same.plusYears(1);
    }
    return same.isAfter(now) ? same.minusYears(1) : same;
  }

  /** The day named by a weekday: {@code direction} -1 past, +1 future, 0 this ISO week. */
  static LocalDate weekday(DayOfWeek dow, LocalDate anchor, int direction, boolean inclusive) {
    if (direction < 0) {
      return anchor.with(
          inclusive ? TemporalAdjusters.previousOrSame(dow) : TemporalAdjusters.previous(dow));
    }
    if (direction > 0) {
      return anchor.with(
          inclusive ? TemporalAdjusters.nextOrSame(dow) : TemporalAdjusters.next(dow));
    }
    return anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(dow.ordinal());
  }

  static EventDate interval(LocalDate from, LocalDate to, DatePrecision precision) {
    return from.isAfter(to)
        ? new EventDate(to, from, precision)
        : new EventDate(from, to, precision);
  }

  /**
   * A part of a period named by a modifier ("early", "mid", "late", "the first half of", "the
   * end of"), or the whole period when the modifier is null or unknown. Parts of a year are in
   * months; parts of a month or a week in days.
   */
  static EventDate part(EventDate whole, @Nullable String modifier) {
    if (modifier == null || !whole.isKnown()) {
      return whole;
    }
    String m = Lexicon.lower(modifier).replaceAll("\\s+", " ").trim();
    boolean year = whole.precision() == DatePrecision.YEAR;
    DatePrecision fine = year ? DatePrecision.MONTH : DatePrecision.WEEK;
    if (whole.precision() == DatePrecision.WEEK) {
      fine = DatePrecision.WEEK;
    }
    LocalDate a = whole.earliest();
    long days = whole.spanDays();
    if (year) {
      int y = a.getYear();
      int[] months = yearPart(m);
      if (months == null) {
        return whole;
      }
      LocalDate from = LocalDate.of(y, months[0], 1);
      LocalDate to = LocalDate.of(y, months[1], 1).with(TemporalAdjusters.lastDayOfMonth());
      return new EventDate(from, to, fine);
    }
    long third = Math.max(1, days / 3);
    if (m.startsWith("early") || m.contains("beginning") || m.contains("start")) {
      return new EventDate(a, a.plusDays(third - 1), fine);
    }
    if (m.startsWith("mid") || m.contains("middle")) {
      return new EventDate(a.plusDays(third), a.plusDays(Math.min(days - 1, 2 * third - 1)), fine);
    }
    if (m.startsWith("late") || m.contains("end")) {
      return new EventDate(whole.latest().minusDays(third - 1), whole.latest(), fine);
    }
    if (m.contains("first half")) {
      return new EventDate(a, a.plusDays(days / 2 - 1), fine);
    }
    if (m.contains("second half")) {
      return new EventDate(a.plusDays(days / 2), whole.latest(), fine);
    }
    return whole;
  }

  /** First and last month of a part of a year, or null for an unknown modifier. */
  private static int @Nullable [] yearPart(String m) {
    if (m.startsWith("early") || m.contains("beginning") || m.contains("start")) {
      return new int[] {1, 4};
    }
    if (m.startsWith("mid") || m.contains("middle")) {
      return new int[] {5, 8};
    }
    if (m.startsWith("late") || m.contains("end")) {
      return new int[] {9, 12};
    }
    if (m.contains("first half")) {
      return new int[] {1, 6};
    }
    if (m.contains("second half")) {
      return new int[] {7, 12};
    }
    if (m.contains("first quarter")) {
      return new int[] {1, 3};
    }
    if (m.contains("second quarter")) {
      return new int[] {4, 6};
    }
    if (m.contains("third quarter")) {
      return new int[] {7, 9};
    }
    if (m.contains("fourth quarter")) {
      return new int[] {10, 12};
    }
    return null;
  }
}
