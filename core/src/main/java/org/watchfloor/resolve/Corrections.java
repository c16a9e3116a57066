package org.watchfloor.resolve;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.OccasionDef;
import org.watchfloor.profile.WatchProfile;

/**
 * An analyst's correction of one field of an event, applied over the resolved value. The
 * reports' claims are not touched: the correction is shown beside them as the analyst's.
 *
 * <p>Only the fields of the public event contract can be corrected, each with values of its
 * type and range, declared once in {@link #FIELDS}: {@code type} (an event type of the watch
 * profile), {@code date} ({@code 2025-12-26}, {@code 2025-W52}, {@code 2025-12} or {@code 2025}),
 * {@code summary}, {@code planned} ({@code true}/{@code false}), the lists {@code actors},
 * {@code weapons}, {@code locations} (comma-separated), and the attributes the pipeline fills:
 * {@code count}, {@code range_km}, {@code apogee_km}, {@code flight_time_s}, {@code outcome},
 * {@code occasion}, {@code time}, {@code exercise}, {@code platform} and {@code launch_site} (a
 * place or facility the gazetteer knows, by its canonical name, as the pipeline fills it).
 */
final class Corrections {

  /** One correctable field: its name, what it takes (for the error message), and its check. */
  record Field(String name, String takes, Check check) {}

  /** Null when {@code value} suits the field, else why not; {@code profile} null where none is known. */
  @FunctionalInterface
  interface Check {
    @Nullable String problem(String value, @Nullable WatchProfile profile);
  }

  private static final Set<String> LISTS = Set.of("actors", "weapons", "locations");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern CLOCK = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(?: (?:KST|UTC))?");
  private static final int MAX_TEXT = 2_000;

  /** The correctable fields, in the order the contract lists them. */
  static final Map<String, Field> FIELDS = fields(
      new Field("type", "an event type of the watch profile", Corrections::eventType),
      new Field("date", "a date: 2025-12-26, 2025-W52, 2025-12 or 2025", (v, p) -> dateProblem(v)),
      new Field("planned", "true or false", (v, p) -> v.equals("true") || v.equals("false") ? null : "not true or false"),
      new Field("summary", "a text of at most " + MAX_TEXT + " characters", (v, p) -> text(v)),
      new Field("actors", "names, comma-separated", (v, p) -> text(v)),
      new Field("weapons", "names, comma-separated", (v, p) -> text(v)),
      new Field("locations", "names, comma-separated", (v, p) -> text(v)),
      new Field("count", "a whole number of at least 1", (v, p) -> v.matches("[1-9]\\d{0,5}") ? null : "not a whole number of at least 1"),
      new Field("range_km", "a positive number of kilometres (or a range such as 400-500) up to "
          + (long) ClaimSanity.MAX_RANGE_KM, (v, p) -> positive(v, ClaimSanity.MAX_RANGE_KM)),
      new Field("apogee_km", "a positive number of kilometres (or a range such as 400-500) up to "
          + (long) ClaimSanity.MAX_APOGEE_KM, (v, p) -> positive(v, ClaimSanity.MAX_APOGEE_KM)),
      new Field("flight_time_s", "a positive number of seconds (or a range such as 60-70)",
          (v, p) -> positive(v, Double.MAX_VALUE)),
      new Field("outcome", "success, failure or unknown",
          (v, p) -> Set.of("success", "failure", "unknown").contains(v) ? null : "not success, failure or unknown"),
      new Field("occasion", "an occasion of the watch profile", Corrections::occasion),
      new Field("time", "a time of day, HH:MM (24-hour, KST unless followed by UTC)",
          (v, p) -> CLOCK.matcher(v).matches() ? null : "not a time of day HH:MM"),
      new Field("exercise", "a name", (v, p) -> text(v)),
      new Field("platform", "a name", (v, p) -> text(v)),
      new Field("launch_site", "a place or facility of the watch profile's gazetteer", Corrections::launchSite));

  private Corrections() {}

  private static Map<String, Field> fields(Field... fields) {
    Map<String, Field> out = new LinkedHashMap<>();
    for (Field f : fields) {
      out.put(f.name(), f);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Refuses a field or value that cannot be applied, naming the field and the value and saying why. */
  static void check(String field, String value, WatchProfile profile) {
    String problem = problem(field, value, profile);
    if (problem != null) {
      throw new WatchfloorException.BadInput(problem);
    }
  }

  /**
   * Why {@code field} cannot take {@code value}, or null when it can. Without a profile (the
   * edit log read back, where no profile is at hand) the profile's vocabularies are not checked.
   */
  static @Nullable String problem(String field, String value, @Nullable WatchProfile profile) {
    Field f = FIELDS.get(field);
    if (f == null) {
      return "cannot correct '" + field + "': not a field of the event contract (fields: "
          + String.join(", ", FIELDS.keySet()) + ")";
    }
    if (value.isBlank() && !LISTS.contains(field)) {
      return "a correction of " + field + " needs a value (" + field + " takes " + f.takes() + ")";
    }
    String why = f.check().problem(value.strip(), profile);
    if (why == null) {
      return null;
    }
    String shown = value.length() <= 80 ? value : value.substring(0, 77) + "...";
    return field + ": '" + shown + "' is " + why + " (" + field + " takes " + f.takes() + ")";
  }

  private static @Nullable String eventType(String value, @Nullable WatchProfile profile) {
    if (profile == null || profile.eventType(value).isPresent()) {
      return null;
    }
    return "not an event type of profile " + profile.name() + " (" + String.join(", ", profile.eventTypeIds()) + ")";
  }

  private static @Nullable String occasion(String value, @Nullable WatchProfile profile) {
    if (profile == null) {
      return text(value);
    }
    List<String> labels = profile.occasions().occasions().stream().map(OccasionDef::label).toList();
    return labels.contains(value) ? null
        : "not an occasion of profile " + profile.name() + (labels.isEmpty() ? ", which has none" : " (" + String.join(", ", labels) + ")");
  }

  /**
   * A launch site is a place or facility the gazetteer knows, by its canonical name: the launch
   * table shows it as the site, and a database can check only a named place ("Sohae", not "a
   * coastal town"). Not the generic kinds the gazetteer holds only to recognise ("munitions factory").
   */
  private static @Nullable String launchSite(String value, @Nullable WatchProfile profile) {
    if (profile == null) {
      return text(value);
    }
    List<EntityDef> sites = profile.entities().stream()
        .filter(d -> (d.kind() == EntityKind.PLACE || d.kind() == EntityKind.FACILITY)
            && !"true".equals(d.attribute("generic")))
        .toList();
    if (sites.stream().anyMatch(d -> d.canonical().equals(value))) {
      return null;
    }
    // an alias ("Sohae") is refused with the name to give, so that the table shows one name per site
    return sites.stream().filter(d -> d.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(value))).findFirst()
        .map(d -> "another name of '" + d.canonical() + "': give that")
        .orElse("not a place or facility of the gazetteer of profile " + profile.name());
  }

  private static @Nullable String positive(String value, double max) {
    double[] bounds = ClaimSanity.bounds(value);
    if (bounds == null || !value.matches("-?[0-9.]+(?:-[0-9.]+)?")) {
      return "not a number";
    }
    if (bounds[0] <= 0) {
      return "not positive";
    }
    if (bounds[1] < bounds[0]) {
      return "a range whose end is below its start";
    }
    return bounds[1] > max ? "above " + (long) max : null;
  }

  private static @Nullable String text(String value) {
    if (value.length() > MAX_TEXT) {
      return "longer than " + MAX_TEXT + " characters";
    }
    return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t') ? "text with control characters" : null;
  }

  private static @Nullable String dateProblem(String value) {
    try {
      date(value);
      return null;
    } catch (WatchfloorException.BadInput e) {
      return "not a date";
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
