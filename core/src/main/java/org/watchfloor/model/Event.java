package org.watchfloor.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real-world happening merged from reports.
 *
 * @param reports number of reports attached
 * @param independentOrigins number of distinct origins among the reports that tell the event as news
 *     and state it (not background, recaps, denials or "would not comment"): 0 when none does
 */
public record Event(
    String id,
    String type,
    EventDate date,
    boolean planned,
    List<String> actors,
    List<String> weapons,
    List<String> locations,
    Map<String, String> attributes,
    String summary,
    double confidence,
    int reports,
    int independentOrigins,
    List<Conflict> conflicts) {

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(summary, "summary");
    actors = List.copyOf(actors);
    weapons = List.copyOf(weapons);
    locations = List.copyOf(locations);
    attributes = SortedMaps.copyOf(attributes);
    conflicts = List.copyOf(conflicts);
  }
}
