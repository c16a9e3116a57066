package org.watchfloor.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When an article was published: an instant with the offset the outlet stated, or only a day
 * (many sources, KCNA among them, give a date without a time).
 */
public record Published(OffsetDateTime time, boolean dateOnly) {

  public Published {
    Objects.requireNonNull(time, "time");
  }

  public static Published of(OffsetDateTime time) {
    return new Published(time, false);
  }

  /** A date without a time; kept as midnight in the given offset so the local day survives. */
  public static Published ofDate(LocalDate day, ZoneOffset offset) {
    return new Published(day.atStartOfDay().atOffset(offset), true);
  }

  /** The publication day in the outlet's own local time: the anchor for relative dates. */
  public LocalDate localDay() {
    return time.toLocalDate();
  }

  /** ISO text: {@code 2025-12-26} when only the day is known, else the full offset date-time. */
  public String iso() {
    return dateOnly ? time.toLocalDate().toString() : time.toString();
  }

  /** Parses what {@link #iso()} writes, and any ISO date or offset date-time. */
  public static Published parse(String iso) {
    String s = iso.trim();
    if (s.length() == 10) {
      return ofDate(LocalDate.parse(s), ZoneOffset.UTC);
    }
    return of(OffsetDateTime.parse(s));
  }
}
