package org.watchfloor.resolve;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Claim;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.Report;
import org.watchfloor.model.StatedMeasure;

/**
 * Whether two values that reports claim for one field say the same thing, once units and the
 * sources' rounding are allowed for; only values that do not are a conflict.
 *
 * <p>Measures (range, apogee, flight time) arrive normalised by the extract stage's quantity
 * reader (kilometres and seconds, a conversion from miles to three significant digits). Each
 * stated number stands for an interval: half a unit of its last significant digit either side
 * ("1,000 km" is rounded to the thousand, "1,001.2 km" to the tenth), at least {@value
 * #MIN_RELATIVE} of it (a converted figure carries its own unit's rounding, which its three digits
 * no longer show: "19 miles" is 18.5 to 19.5 miles) and at most {@value #MAX_RELATIVE} of it (a
 * round "600 km" beside "650 km" is a disagreement, not a rounding). Two numbers agree when their
 * intervals meet; a stated range ("400-500") is its two ends' interval, a lower bound (">1000",
 * "over 1,000 km") everything from its bound up. Counts and categories are
 * compared as they are.
 *
 * <p>Dates are Korean days: the extract stage dates a happening in KST when the sentence states a
 * time with its zone. A day that a sentence gives to a statement ("North Korea said Sunday it had
 * fired …") is when it was said, not when the happening was: it stands for the {@value
 * #SAID_DAYS_BEFORE} days up to it, and agrees with a launch day among them.
 */
final class Agreement {

  /** The least a stated number is taken to be rounded by, relative to it. */
  static final double MIN_RELATIVE = 0.02;

  /** The most a stated number is taken to be rounded by, relative to it. */
  static final double MAX_RELATIVE = 0.05;

  /** How many days before a statement's day the happening it tells of may be. */
  static final int SAID_DAYS_BEFORE = 3;

  /** Fields whose values are measures, compared with their rounding. */
  static final List<String> MEASURES = List.of("range_km", "apogee_km", "flight_time_s");

  /**
   * A verb of saying, and "on", just before a day: the day is the saying's. The extract stage
   * reads the same words when it picks a sentence's date (where the sentence tells another day);
   * here they mark a date that the sentence gave the report for want of another.
   */
  private static final Pattern SAID_BEFORE = Pattern.compile(
      "\\b(?:said|says|announced|reported|confirmed|claimed|disclosed|stated|declared)\\s+(?:on\\s+|late\\s+|early\\s+)?$");

  private Agreement() {}

  /** Whether two values claimed for {@code field} agree. */
  static boolean agree(String field, String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (!MEASURES.contains(field)) {
      return false;
    }
    double[] x = interval(a);
    double[] y = interval(b);
    return x != null && y != null && x[0] <= y[1] && y[0] <= x[1];
  }

  /** The interval a stated measure stands for, or {@code null} when it is no number. */
  static double @Nullable [] interval(String value) {
    StatedMeasure m = StatedMeasure.parse(value);
    if (m == null) {
      return null;
    }
    String number = m.lowerBound() ? value.substring(StatedMeasure.LOWER_BOUND.length()) : value;
    int dash = number.indexOf('-', 1);
    String low = dash < 0 ? number : number.substring(0, dash);
    String high = dash < 0 ? number : number.substring(dash + 1);
    // a lower bound ("over 1,000 km") reaches up without end
    return new double[] {m.low() - tolerance(low, m.low()),
        m.lowerBound() ? Double.POSITIVE_INFINITY : m.high() + tolerance(high, m.high())};
  }

  /** How far either side of {@code v}, written {@code written}, its rounding reaches. */
  private static double tolerance(String written, double v) {
    double magnitude = Math.abs(v);
    double halfUnit;
    try {
      BigDecimal d = new BigDecimal(written.strip()).stripTrailingZeros();
      // the place of the last significant digit: 10^-scale ("1000" -> scale -3, "1001.2" -> 1)
      halfUnit = Math.pow(10, -d.scale()) / 2;
    } catch (NumberFormatException e) {
      halfUnit = 0;
    }
    return Math.max(MIN_RELATIVE * magnitude, Math.min(halfUnit, MAX_RELATIVE * magnitude));
  }

  /**
   * The Korean days a report's date can be, as {earliest, latest}, or {@code null} when it names
   * no day: the day itself, or for a statement's day the days up to it.
   */
  static LocalDate @Nullable [] days(Report r) {
    if (r.date().precision() != DatePrecision.DAY) {
      return null;
    }
    LocalDate d = r.date().earliest();
    return saidOn(r) ? new LocalDate[] {d.minusDays(SAID_DAYS_BEFORE), d} : new LocalDate[] {d, d};
  }

  /** Whether two reports' days can be one day. */
  static boolean sameDay(Report a, Report b) {
    LocalDate[] x = days(a);
    LocalDate[] y = days(b);
    return x == null || y == null || (!x[0].isAfter(y[1]) && !y[0].isAfter(x[1]));
  }

  /**
   * Whether the report's date is the day of a statement: its date claim stands in its evidence
   * sentence right after a verb of saying.
   */
  static boolean saidOn(Report r) {
    for (Claim c : r.claims()) {
      if (!c.field().equals("date") || !c.value().equals(r.date().iso())) {
        continue;
      }
      int at = c.start() - r.evidenceStart();
      if (at < 0 || at > r.evidence().length()) {
        continue;
      }
      String before = r.evidence().substring(Math.max(0, at - 40), at).toLowerCase(Locale.ROOT);
      if (SAID_BEFORE.matcher(before).find()) {
        return true;
      }
    }
    return false;
  }
}
