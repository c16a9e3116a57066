package org.watchfloor.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The day whose digests are due: the latest day, in the digests' time zone, whose next day has
 * reached the digest hour. At 06:59 on the 3rd (hour 7) that is the 1st; from 07:00, the 2nd.
 *
 * @param end the first instant after the day: alerts decided before it belong to its digest or an earlier one
 */
record DigestDay(LocalDate day, Instant end) {

  static DigestDay lastClosed(Instant now, int hour, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    // ZonedDateTime.of moves an hour that a clock change skips to the hour after, as a wall clock would
    Instant sendToday = ZonedDateTime.of(today, LocalTime.of(hour, 0), zone).toInstant();
    LocalDate day = today.minusDays(now.isBefore(sendToday) ? 2 : 1);
    return new DigestDay(day, day.plusDays(1).atStartOfDay(zone).toInstant());
  }
}
