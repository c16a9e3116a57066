package org.watchfloor.eval.cns;

import java.util.List;
import java.util.Objects;
import org.watchfloor.model.EventDate;

/**
 * A launch the system stored (a {@code missile_launch} event, or another type the check is asked
 * to take), with the urls of the articles that report it as news.
 *
 * @param weapons canonical profile names of the weapons it names
 * @param rows the rows it takes in the launch table: one per missile counted, else one
 * @param outcome success, failure or unknown, as the launch table gives it
 * @param timeUtc the UTC clock time {@code HH:MM} of the launch table, or {@code unknown}
 * @param facility the launch site of the launch table (a gazetteer facility), or {@code unknown}
 * @param landing where it came down, as the launch table has it (a gazetteer sea or strait), or {@code unknown}
 * @param apogeeKm the apogee in kilometres ({@code 6648.4}, or a span {@code 50-60}), or {@code unknown}
 * @param distanceKm the distance flown in kilometres, as {@code apogeeKm}, or {@code unknown}
 */
public record Launch(String eventId, String type, EventDate date, List<String> weapons, List<String> urls, String summary,
    int rows, String outcome, String timeUtc, String facility, String landing, String apogeeKm, String distanceKm) {

  /** A launch of one row whose outcome and time are not known. */
  public Launch(String eventId, String type, EventDate date, List<String> weapons, List<String> urls, String summary) {
    this(eventId, type, date, weapons, urls, summary, 1, "unknown", "unknown");
  }

  /** A launch whose site, landing, apogee and distance are not known. */
  public Launch(String eventId, String type, EventDate date, List<String> weapons, List<String> urls, String summary,
      int rows, String outcome, String timeUtc) {
    this(eventId, type, date, weapons, urls, summary, rows, outcome, timeUtc, "unknown", "unknown", "unknown",
        "unknown");
  }

  public Launch {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(timeUtc, "timeUtc");
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(landing, "landing");
    Objects.requireNonNull(apogeeKm, "apogeeKm");
    Objects.requireNonNull(distanceKm, "distanceKm");
    if (rows < 1) {
      throw new IllegalArgumentException("a launch takes at least one row, not " + rows);
    }
    weapons = List.copyOf(weapons);
    urls = List.copyOf(urls);
  }
}
