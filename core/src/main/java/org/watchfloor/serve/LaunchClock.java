package org.watchfloor.serve;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.EventDate;

/**
 * The clock time of a launch in the two zones the research databases and the Korean reports
 * use: Korean time, as the extractor and the analysts' corrections keep it ({@code 07:10}, or
 * {@code 07:10 UTC} where an analyst gave it in UTC), and UTC with its day, which for a Korean
 * morning is the day before. Unknown wherever the reports state no time, or the day is not known
 * to the day (no clock time makes sense of "March 2016").
 *
 * @param kst {@code HH:MM} in Korean time, or {@code unknown}
 * @param utc {@code HH:MM} in UTC, or {@code unknown}
 * @param utcDay the UTC day {@code yyyy-MM-dd}, or {@code unknown}
 */
public record LaunchClock(String kst, String utc, String utcDay) {

  public static final String UNKNOWN = "unknown";
  private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
  private static final Pattern CLOCK = Pattern.compile("(\\d{2}:\\d{2})(?: (KST|UTC))?");

  /** The clock of a launch on {@code date} at {@code time} (its {@code time} attribute; null when none). */
  public static LaunchClock of(EventDate date, @Nullable String time) {
    if (time == null || date.precision() != DatePrecision.DAY) {
      return new LaunchClock(UNKNOWN, UNKNOWN, UNKNOWN);
    }
    Matcher m = CLOCK.matcher(time.strip());
    LocalTime clock;
    try {
      clock = m.matches() ? LocalTime.parse(m.group(1)) : null;
    } catch (DateTimeParseException e) {
      clock = null;
    }
    if (clock == null) {
      // a value the corrections would not take: shown as given, not converted
      return new LaunchClock(time, UNKNOWN, UNKNOWN);
    }
    // the day of an event is its Korean day, whichever zone its time was given in: "22:10 UTC"
    // on a Korean 14 January is 07:10 on the 14th in Korea, 22:10 on the 13th in UTC
    LocalTime koreanClock = "UTC".equals(m.group(2))
        ? clock.atDate(date.earliest()).atZone(ZoneOffset.UTC).withZoneSameInstant(KOREA).toLocalTime() : clock;
    LocalDateTime korea = date.earliest().atTime(koreanClock);
    LocalDateTime utc = korea.atZone(KOREA).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    return new LaunchClock(korea.toLocalTime().toString(), utc.toLocalTime().toString(), utc.toLocalDate().toString());
  }
}
