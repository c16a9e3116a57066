package org.watchfloor.parse.html;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A date-time read from a page.
 *
 * @param time the instant with the offset the page stated (UTC when it stated none)
 * @param dateOnly the page gave a day without a time; {@code time} is then midnight UTC
 * @param zoneAssumed the page gave a time without a zone; UTC was assumed
 */
public record ParsedDate(OffsetDateTime time, boolean dateOnly, boolean zoneAssumed) {
  public ParsedDate {
    Objects.requireNonNull(time, "time");
  }
}
