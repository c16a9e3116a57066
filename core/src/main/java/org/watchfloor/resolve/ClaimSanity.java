package org.watchfloor.resolve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Claim;
import org.watchfloor.model.StatedMeasure;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/**
 * Drops the values a report claims that cannot be true — a negative or zero count, range or
 * flight time (or either end of a range such as {@code 400-500}), a count that is no whole
 * number, an apogee above 10,000 km, a range above 20,000 km (half the Earth's circumference), a
 * date before 1950 — and records each under the report's attribute
 * {@code rejected:<field>} with the value and the reason, so the analyst sees what was left out
 * and why. Nothing is dropped silently.
 */
final class ClaimSanity {

  static final String REJECTED_PREFIX = "rejected:";
  static final double MAX_APOGEE_KM = 10_000;
  static final double MAX_RANGE_KM = 20_000;
  static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

  private ClaimSanity() {}

  static Report check(Report r) {
    Map<String, String> rejected = new LinkedHashMap<>();
    List<Claim> kept = new ArrayList<>();
    for (Claim c : r.claims()) {
      String reason = reason(c);
      if (reason == null) {
        kept.add(c);
      } else {
        rejected.merge(REJECTED_PREFIX + c.field(), c.value() + ": " + reason, (a, b) -> a + "; " + b);
      }
    }
    EventDate date = r.date();
    if (date.isKnown() && date.latest().isBefore(EARLIEST)) {
      rejected.putIfAbsent(REJECTED_PREFIX + "date", date.iso() + ": before 1950");
      date = EventDate.UNKNOWN;
    }
    if (rejected.isEmpty()) {
      return r;
    }
    Map<String, String> attributes = new LinkedHashMap<>(r.attributes());
    for (String key : rejected.keySet()) {
      String field = key.substring(REJECTED_PREFIX.length());
      if (kept.stream().noneMatch(c -> c.field().equals(field))) {
        attributes.remove(field);
      }
    }
    attributes.putAll(rejected);
    return new Report(
        r.id(), r.articleId(), r.eventType(), date, r.planned(), r.background(), r.actors(), r.weapons(),
        r.locations(), attributes, r.evidence(), r.evidenceStart(), r.evidenceEnd(), r.attribution(),
        r.certainty(), r.origin(), kept, r.recap());
  }

  /**
   * The number a value states, as {low, high}: one number ("600", "-300") gives it twice, a range
   * as the extractor writes it ("400-500") its two ends, a lower bound (">1000") its bound twice;
   * null when it is none of these ({@link StatedMeasure}).
   */
  static double @Nullable [] bounds(String value) {
    StatedMeasure m = StatedMeasure.parse(value);
    return m == null ? null : new double[] {m.low(), m.high()};
  }

  private static @Nullable String reason(Claim c) {
    switch (c.field()) {
      case "count", "range_km", "flight_time_s", "apogee_km" -> {
        double[] bounds = bounds(c.value());
        if (bounds == null) {
          return "not a number";
        }
        if (bounds[0] <= 0) {
          return "not positive";
        }
        if (bounds[1] < bounds[0]) {
          return "a range whose end is below its start";
        }
        if (c.field().equals("count") && (bounds[0] != bounds[1] || bounds[0] != Math.rint(bounds[0]))) {
          return "not a whole number";
        }
        double v = bounds[1];
        if (c.field().equals("apogee_km") && v > MAX_APOGEE_KM) {
          return "apogee above " + (long) MAX_APOGEE_KM + " km";
        }
        if (c.field().equals("range_km") && v > MAX_RANGE_KM) {
          return "range above " + (long) MAX_RANGE_KM + " km";
        }
        return null;
      }
      case "date" -> {
        return c.value().length() >= 4 && c.value().substring(0, 4).chars().allMatch(Character::isDigit)
            && Integer.parseInt(c.value().substring(0, 4)) < EARLIEST.getYear() ? "before 1950" : null;
      }
      default -> {
        return null;
      }
    }
  }
}
