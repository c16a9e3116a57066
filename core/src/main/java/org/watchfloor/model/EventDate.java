package org.watchfloor.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A date as precisely as it is known: the interval {@code [earliest, latest]} of days it could
 * be, and the precision that interval was stated with.
 *
 * <p>A day is one day; "earlier this week" is a week; "December 2025" a month; "early 2026" is
 * the first months of a year with {@link DatePrecision#MONTH} precision. {@link #UNKNOWN} has no
 * interval.
 */
public record EventDate(LocalDate earliest, LocalDate latest, DatePrecision precision) {

  public static final EventDate UNKNOWN = new EventDate(null, null, DatePrecision.UNKNOWN);

  public EventDate {
    Objects.requireNonNull(precision, "precision");
    if (precision == DatePrecision.UNKNOWN) {
      if (earliest != null || latest != null) {
        throw new IllegalArgumentException("an unknown date has no interval");
      }
    } else {
      Objects.requireNonNull(earliest, "earliest");
      Objects.requireNonNull(latest, "latest");
      if (latest.isBefore(earliest)) {
        throw new IllegalArgumentException("latest " + latest + " before earliest " + earliest);
      }
    }
  }

  public static EventDate day(LocalDate day) {
    return new EventDate(day, day, DatePrecision.DAY);
  }

  /** The ISO week (Monday to Sunday) holding {@code anyDay}. */
  public static EventDate weekOf(LocalDate anyDay) {
    LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new EventDate(monday, monday.plusDays(6), DatePrecision.WEEK);
  }

  public static EventDate month(int year, int month) {
    LocalDate first = LocalDate.of(year, month, 1);
    return new EventDate(first, first.with(TemporalAdjusters.lastDayOfMonth()), DatePrecision.MONTH);
  }

  public static EventDate year(int year) {
    return new EventDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DatePrecision.YEAR);
  }

  public boolean isKnown() {
    return precision != DatePrecision.UNKNOWN;
  }

  /** Number of days the interval spans (1 for a day), 0 when unknown. */
  public long spanDays() {
    return isKnown() ? ChronoUnit.DAYS.between(earliest, latest) + 1 : 0;
  }

  /** Whether the two intervals share a day once each is widened by {@code slackDays}. */
  public boolean overlaps(EventDate other, int slackDays) {
    if (!isKnown() || !other.isKnown()) {
      return false;
    }
    return !earliest.minusDays(slackDays).isAfter(other.latest)
        && !other.earliest.minusDays(slackDays).isAfter(latest);
  }

  /** The narrower of two overlapping dates; this one when they tie. */
  public EventDate moreSpecific(EventDate other) {
    if (!other.isKnown()) {
      return this;
    }
    if (!isKnown()) {
      return other;
    }
    return other.spanDays() < spanDays() ? other : this;
  }

  /**
   * The ISO text of the public contract: {@code 2025-12-25} for a day, {@code 2025-W52} for a
   * week, {@code 2025-12} for a month, {@code 2025} for a year, empty when unknown. An interval
   * that is not a whole calendar unit is written by its first day.
   */
  public String iso() {
    return switch (precision) {
      case DAY -> earliest.toString();
      case WEEK ->
          String.format(
              java.util.Locale.ROOT,
              "%d-W%02d",
              earliest.get(IsoFields.WEEK_BASED_YEAR),
              earliest.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> earliest.toString().substring(0, 7);
      case YEAR -> String.valueOf(earliest.getYear());
      case UNKNOWN -> "";
    };
  }
}
