package org.watchfloor.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/**
 * Merges the reports of one event into the event's fields, with stated rules:
 *
 * <ul>
 *   <li>type: the most reported; date: the most specific date that the news (non-background)
 *       reports give, ties to the one most origins give;
 *   <li>actors, weapons, locations: every one any report names, most named first; of a report
 *       further into its article (a digest's item) only the places it names itself, not those
 *       its article's next items name ({@link Resolver#placesOfItsOwn});
 *   <li>each number (count, range, apogee, flight time): the value claimed by the most
 *       independent origins, ties to the earliest report; a conflict is recorded where
 *       different origins claim different values (copies of one origin cannot conflict);
 *   <li>occasion (the setting: "factory visit", "meeting"): the value claimed by the most
 *       independent origins, ties to the earliest report, and a conflict only where different
 *       origins claim different settings. Two outlets retelling one release (both trace to KCNA)
 *       that place it differently are not two sources disagreeing but two readings of one: no
 *       conflict, and each report's own {@code occasion} claim, with the sentence that says it,
 *       is what shows the analyst the difference (the event page lists claims side by side);
 *   <li>measures are compared after unit normalisation with the sources' rounding allowed for,
 *       and dates as Korean days, a statement's day standing for the days up to it ({@link
 *       Agreement}): only values that still differ are a conflict;
 *   <li>independent origins: the distinct origins of the reports that tell the event as news and
 *       state it ({@link Report#confirms}): a recap, a mention in passing, a denial or a "would not
 *       comment" confirms nothing;
 *   <li>confidence: {@code 1 - Π(1 - p)} over independent origins, p = 0.6 for an asserted
 *       report, 0.35 for a hedged one, 0.05 for a negated one, halved when every report is
 *       background.
 * </ul>
 */
final class EventMerger {

  static final List<String> SCALAR_FIELDS = List.of("count", "range_km", "apogee_km", "flight_time_s");

  /** Fields with one value from a vocabulary, resolved like the numbers. */
  static final List<String> CATEGORY_FIELDS = List.of("occasion");

  private EventMerger() {}

  static Event merge(String id, List<Report> reports) {
    List<Report> news = reports.stream().filter(r -> !r.background()).toList();
    List<Report> basis = news.isEmpty() ? reports : news;
    String type = mostCommon(basis.stream().map(Report::eventType).toList());
    EventDate date = date(basis);
    boolean planned = basis.stream().allMatch(Report::planned);
    Map<String, String> attributes = new LinkedHashMap<>();
    List<Conflict> conflicts = new ArrayList<>();
    for (String field : SCALAR_FIELDS) {
      resolveField(field, basis, attributes, conflicts);
    }
    for (String field : CATEGORY_FIELDS) {
      resolveField(field, basis, attributes, conflicts);
    }
    Conflict dateConflict = dateConflict(basis);
    if (dateConflict != null) {
      conflicts.add(0, dateConflict);
    }
    for (Report r : basis) {
      r.attributes().forEach((k, v) -> {
        if (!SCALAR_FIELDS.contains(k)) {
          attributes.putIfAbsent(k, v);
        }
      });
    }
    // a failure told by any news report stands: the launching side claims success for launches
    // that others watched fail
    if (basis.stream().anyMatch(r -> "failure".equals(r.attributes().get("outcome")))) {
      attributes.put("outcome", "failure");
    }
    Set<String> origins = reports.stream().filter(Report::confirms).map(Report::origin).collect(Collectors.toSet());
    return new Event(
        id, type, date, planned,
        ranked(reports, Report::actors), ranked(reports, Report::weapons), ranked(reports, Resolver::placesOfItsOwn),
        attributes, summary(basis), confidence(reports), reports.size(), origins.size(), conflicts);
  }

  private static EventDate date(List<Report> reports) {
    Map<EventDate, Set<String>> originsByDate = new HashMap<>();
    for (Report r : reports) {
      if (r.date().isKnown()) {
        originsByDate.computeIfAbsent(r.date(), k -> new HashSet<>()).add(r.origin());
      }
    }
    return originsByDate.entrySet().stream()
        .min(Comparator.comparingLong((Map.Entry<EventDate, Set<String>> e) -> e.getKey().spanDays())
            .thenComparing(e -> -e.getValue().size())
            .thenComparing(e -> e.getKey().earliest()))
        .map(Map.Entry::getKey)
        .orElse(EventDate.UNKNOWN);
  }

  /**
   * Day-precise dates that different origins disagree on, compared as Korean days, a statement's
   * day standing for the days up to it ({@link Agreement#sameDay}).
   */
  private static Conflict dateConflict(List<Report> reports) {
    Map<String, List<Report>> byDay = new LinkedHashMap<>();
    for (Report r : reports) {
      if (r.date().precision() == DatePrecision.DAY) {
        byDay.computeIfAbsent(r.date().iso(), k -> new ArrayList<>()).add(r);
      }
    }
    boolean apart = false;
    for (Report a : reports) {
      for (Report b : reports) {
        apart |= !a.origin().equals(b.origin()) && !Agreement.sameDay(a, b);
      }
    }
    return apart ? conflict("date", byDay) : null;
  }

  private static void resolveField(String field, List<Report> reports, Map<String, String> out, List<Conflict> conflicts) {
    Map<String, List<Report>> byValue = new LinkedHashMap<>();
    for (Report r : reports) {
      for (Claim c : r.claims()) {
        if (c.field().equals(field)) {
          byValue.computeIfAbsent(c.value(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    if (byValue.isEmpty()) {
      return;
    }
    String best = byValue.entrySet().stream()
        .max(Comparator.comparingLong((Map.Entry<String, List<Report>> e) -> e.getValue().stream().map(Report::origin).distinct().count()))
        .map(Map.Entry::getKey)
        .orElseThrow();
    out.put(field, best);
    Conflict c = disagreeing(field, byValue) ? conflict(field, byValue) : null;
    if (c != null) {
      conflicts.add(c);
    }
  }

  /**
   * Whether two of the values, claimed by different origins, disagree once units and rounding
   * are allowed for ({@link Agreement}): "1000" and "1001.2" km, or "30" km and "30.6" (19
   * miles), are one figure told twice.
   */
  private static boolean disagreeing(String field, Map<String, List<Report>> byValue) {
    for (Map.Entry<String, List<Report>> a : byValue.entrySet()) {
      for (Map.Entry<String, List<Report>> b : byValue.entrySet()) {
        if (Agreement.agree(field, a.getKey(), b.getKey())) {
          continue;
        }
        long origins = java.util.stream.Stream.concat(a.getValue().stream(), b.getValue().stream())
            .map(Report::origin).distinct().count();
        if (origins > 1) {
          return true;
        }
      }
    }
    return false;
  }

  private static Conflict conflict(String field, Map<String, List<Report>> byValue) {
    if (byValue.size() < 2) {
      return null;
    }
    Set<String> origins = byValue.values().stream().flatMap(List::stream).map(Report::origin).collect(Collectors.toSet());
    if (origins.size() < 2) {
      return null;
    }
    List<Conflict.Value> values = byValue.entrySet().stream()
        .map(e -> new Conflict.Value(e.getKey(), e.getValue().stream().map(Report::id).distinct().toList()))
        .toList();
    return new Conflict(field, values);
  }

  private static String summary(List<Report> reports) {
    Report best = reports.stream()
        .filter(r -> r.certainty() == Certainty.ASSERTED)
        .findFirst()
        .orElse(reports.get(0));
    String s = best.evidence().strip();
    return s.length() <= 240 ? s : s.substring(0, 237) + "...";
  }

  private static double confidence(List<Report> reports) {
    Map<String, Double> bestPerOrigin = new HashMap<>();
    for (Report r : reports) {
      double p = switch (r.certainty()) {
        case ASSERTED -> 0.6;
        case HEDGED -> 0.35;
        case NEGATED -> 0.05;
      };
      bestPerOrigin.merge(r.origin(), p, Math::max);
    }
    double miss = 1;
    for (double p : bestPerOrigin.values()) {
      miss *= 1 - p;
    }
    double c = 1 - miss;
    if (reports.stream().allMatch(Report::background)) {
      c /= 2;
    }
    return Math.round(c * 1000) / 1000.0;
  }

  private static List<String> ranked(List<Report> reports, Function<Report, List<String>> names) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Report r : reports) {
      for (String n : names.apply(r)) {
        counts.merge(n, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .map(Map.Entry::getKey)
        .toList();
  }

  private static String mostCommon(List<String> values) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    values.forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
  }
}
