package org.watchfloor.resolve;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;

/**
 * An analyst's correction of one field of an event, applied over the resolved value. The
 * reports' claims are not touched: the correction is shown beside them as the analyst's.
 *
 * <p>Fields: {@code type}, {@code date} ({@code 2025-12-26}, {@code 2025-W52}, {@code 2025-12}
 * or {@code 2025}), {@code summary}, {@code planned} ({@code true}/{@code false}), the lists
 * {@code actors}, {@code weapons}, {@code locations} (comma-separated), and any attribute
 * ({@code range_km}, {@code outcome} …: a lower-case name).
 */
final class Corrections {

  private static final Set<String> LISTS = Set.of("actors", "weapons", "locations");
  private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]{0,40}");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

  private Corrections() {}

  /** Refuses a field or value that cannot be applied, saying why. */
  static void check(String field, String value) {
    if (value.isBlank() && !LISTS.contains(field)) {
      throw new WatchfloorException.BadInput("a correction of " + field + " needs a value");
    }
    switch (field) {
      case "date" -> date(value);
      case "planned" -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw new WatchfloorException.BadInput("planned is true or false, not '" + value + "'");
        }
      }
      case "type", "summary" -> {}
      default -> {
        if (!LISTS.contains(field) && !ATTRIBUTE.matcher(field).matches()) {
          throw new WatchfloorException.BadInput("cannot correct a field named '" + field + "'");
        }
      }
    }
  }

  /** The event with {@code field} set to the analyst's {@code value}. */
  static Event apply(Event e, String field, String value) {
    String type = e.type();
    EventDate date = e.date();
    boolean planned = e.planned();
    List<String> actors = e.actors();
    List<String> weapons = e.weapons();
    List<String> locations = e.locations();
    Map<String, String> attributes = e.attributes();
    String summary = e.summary();
    switch (field) {
      case "type" -> type = value;
      case "date" -> date = date(value);
      case "planned" -> planned = Boolean.parseBoolean(value);
      case "summary" -> summary = value;
      case "actors" -> actors = list(value);
      case "weapons" -> weapons = list(value);
      case "locations" -> locations = list(value);
      default -> {
        attributes = new HashMap<>(attributes);
        attributes.put(field, value);
      }
    }
    return new Event(e.id(), type, date, planned, actors, weapons, locations, attributes, summary, e.confidence(),
        e.reports(), e.independentOrigins(), e.conflicts());
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static EventDate date(String text) {
    String t = text.strip();
    try {
      Matcher week = WEEK.matcher(t);
      if (week.matches()) {
        LocalDate monday = LocalDate.of(Integer.parseInt(week.group(1)), 1, 4)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)));
        return EventDate.weekOf(monday);
      }
      return switch (t.length()) {
        case 4 -> EventDate.year(Integer.parseInt(t));
        case 7 -> EventDate.month(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5, 7)));
        case 10 -> EventDate.day(LocalDate.parse(t));
        default -> throw new WatchfloorException.BadInput(
            "not a date: '" + text + "' (write 2025-12-26, 2025-W52, 2025-12 or 2025)");
      };
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new WatchfloorException.BadInput(
          "not a date: '" + text + "' (write 2025-12-26, 2025-W52, 2025-12 or 2025)");
    }
  }
}
