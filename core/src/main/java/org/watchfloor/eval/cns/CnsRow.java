package org.watchfloor.eval.cns;

import java.util.Objects;
import org.watchfloor.model.EventDate;

/**
 * One missile of the CNS missile-test database: a salvo of three is three rows.
 *
 * @param date the UTC day of the launch, or its month where the database gives only that
 * @param name the missile name as CNS writes it ({@code Hwasong-11A (KN-23)}), {@code Unknown} when unknown
 * @param type the CNS class ({@code SRBM}, {@code ICBM}, {@code SLV}, …)
 * @param line the line of the CSV file the row starts on, for messages
 * @param timeUtc the UTC clock time {@code HH:MM}, or {@code unknown}
 * @param landing where it came down as CNS writes it ({@code sea-of-japan}), {@code unknown} or {@code na}
 * @param apogeeKm the apogee in kilometres, {@code unknown} or {@code na}
 * @param distanceKm the distance flown in kilometres, {@code unknown} or {@code na}
 */
public record CnsRow(EventDate date, String name, String type, String facility, String outcome, long line,
    String timeUtc, String landing, String apogeeKm, String distanceKm) {

  /** A row whose time, landing, apogee and distance are not known. */
  public CnsRow(EventDate date, String name, String type, String facility, String outcome, long line) {
    this(date, name, type, facility, outcome, line, "unknown");
  }

  /** A row whose landing, apogee and distance are not known. */
  public CnsRow(EventDate date, String name, String type, String facility, String outcome, long line,
      String timeUtc) {
    this(date, name, type, facility, outcome, line, timeUtc, "unknown", "unknown", "unknown");
  }

  public CnsRow {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(timeUtc, "timeUtc");
    Objects.requireNonNull(landing, "landing");
    Objects.requireNonNull(apogeeKm, "apogeeKm");
    Objects.requireNonNull(distanceKm, "distanceKm");
  }
}
