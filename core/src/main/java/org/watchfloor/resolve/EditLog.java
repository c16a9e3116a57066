package org.watchfloor.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;

/**
 * The analyst edits folded, in the order they were made, into what resolution must respect.
 *
 * <ul>
 *   <li>Merges and splits become pins: the report of an article about a type of event belongs
 *       to a given event. A later pin of the same report wins.
 *   <li>A merge or split that a later edit undoes is superseded, with the later edit named as the
 *       reason: a merge once none of the reports it brought in shares an event with the
 *       survivor's own any more (a split of what was merged), a split once a report it split off
 *       shares an event with one it left behind again (a merge of what was split). A later split
 *       of other reports off the survivor leaves a merge in force: it still holds for the rest.
 *       (A merge recorded without the articles it brought in counts as undone once any two of
 *       its reports are apart.)
 *   <li>Confirm and reject set an event's status; a later one of either replaces an earlier.
 *   <li>A correction overrides one field of an event; a later correction of the same field
 *       replaces an earlier one. A correction of a field that is not in the event contract, or
 *       with a value the field does not take (recorded before corrections were checked), is not
 *       applied, with the reason.
 * </ul>
 *
 * Statuses found here are {@link Edit.Status#APPLIED}, {@link Edit.Status#SUPERSEDED} or, for such
 * a correction, {@link Edit.Status#NOT_APPLIED}; whether an applied edit still finds its event or
 * reports is for the caller that applies it to say.
 */
public final class EditLog {

  /** Resolution with no edits. */
  public static final EditLog EMPTY = fold(List.of());

  private final Map<Edit.Key, String> pins = new HashMap<>();
  private final Map<String, Edit> statusOf = new HashMap<>();
  private final Map<String, Map<String, Edit>> corrections = new HashMap<>();
  private final Map<String, String> mergedInto = new HashMap<>();
  private final Map<Long, Edit> edits = new LinkedHashMap<>();
  private final List<Edit> absorbed = new ArrayList<>();

  private EditLog() {}

  /** The log of {@code edits}, oldest first, with each edit's status derived again. */
  public static EditLog fold(List<Edit> edits) {
    EditLog log = new EditLog();
    for (Edit e : edits) {
      log.add(e.withStatus(Edit.Status.APPLIED, null));
    }
    return log;
  }

  private void add(Edit e) {
    edits.put(e.id(), e);
    switch (e.kind()) {
      case MERGE, SPLIT -> {
        for (Edit.Pin p : e.pins()) {
          pins.put(p.key(), p.event());
        }
        if (e.kind() == Edit.Kind.MERGE) {
          mergedInto.put(e.other(), e.target());
        }
        if (e.absorbed() != null) {
          absorbed.add(e);
        }
        for (Edit earlier : List.copyOf(edits.values())) {
          boolean grouping = earlier.kind() == Edit.Kind.MERGE || earlier.kind() == Edit.Kind.SPLIT;
          if (earlier.id() != e.id() && grouping && earlier.status() == Edit.Status.APPLIED && broken(earlier)) {
            supersede(earlier, e, "contradicted by");
          }
        }
      }
      case CONFIRM, REJECT -> {
        Edit before = statusOf.put(e.target(), e);
        if (before != null) {
          supersede(before, e, "replaced by");
        }
      }
      case CORRECT -> {
        String problem = Corrections.problem(e.field(), e.value(), null);
        if (problem != null) {
          edits.put(e.id(), e.withStatus(Edit.Status.NOT_APPLIED, problem));
          return;
        }
        Edit before = corrections.computeIfAbsent(e.target(), k -> new LinkedHashMap<>()).put(e.field(), e);
        if (before != null) {
          supersede(before, e, "replaced by");
        }
      }
    }
  }

  /** Whether the pins now in force undo {@code e} (see the class comment). */
  private boolean broken(Edit e) {
    Set<String> apart = new HashSet<>(e.articles());
    if (!apart.isEmpty()) {
      Set<String> moved = new HashSet<>();
      Set<String> stayed = new HashSet<>();
      for (Edit.Pin p : e.pins()) {
        (apart.contains(p.articleId()) ? moved : stayed).add(pins.get(p.key()));
      }
      if (!moved.isEmpty() && !stayed.isEmpty()) {
        boolean together = moved.stream().anyMatch(stayed::contains);
        return e.kind() == Edit.Kind.MERGE ? !together : together;
      }
    }
    return groupingChanged(e);
  }

  /** Two reports {@code e} put in one event now in two, or two it kept apart now in one. */
  private boolean groupingChanged(Edit e) {
    Map<String, Set<String>> nowByThen = new HashMap<>();
    for (Edit.Pin p : e.pins()) {
      nowByThen.computeIfAbsent(p.event(), k -> new HashSet<>()).add(pins.get(p.key()));
    }
    Set<String> seen = new HashSet<>();
    for (Set<String> now : nowByThen.values()) {
      if (now.size() > 1) {
        return true;
      }
      if (!seen.add(now.iterator().next())) {
        return true;
      }
    }
    return false;
  }

  private void supersede(Edit earlier, Edit later, String how) {
    edits.put(earlier.id(), earlier.withStatus(Edit.Status.SUPERSEDED,
        how + " edit " + later.id() + " (" + later.kind().label() + " by " + later.analyst() + " at " + later.at() + ")"));
  }

  /** The event the report of {@code articleId} about a {@code type} event is pinned to, if any. */
  public @Nullable String pinned(String articleId, String type) {
    return pins.get(new Edit.Key(articleId, type));
  }

  /**
   * The events merged away by merges still in force, as they were, each under the id of the
   * event they live on in now: what a report arriving later may match.
   */
  public List<Event> absorbed(String type) {
    List<Event> out = new ArrayList<>();
    for (Edit merge : absorbed) {
      Event e = merge.absorbed();
      if (e.type().equals(type) && edits.get(merge.id()).status() == Edit.Status.APPLIED) {
        out.add(new Event(survivorOf(merge.target()), e.type(), e.date(), e.planned(), e.actors(), e.weapons(),
            e.locations(), e.attributes(), e.summary(), e.confidence(), e.reports(), e.independentOrigins(),
            e.conflicts()));
      }
    }
    return out;
  }

  /** Every event id a pin names. */
  public Set<String> pinnedEvents() {
    return new HashSet<>(pins.values());
  }

  /** Whether the latest status edit of the event rejects it. */
  public boolean rejected(String eventId) {
    Edit e = statusOf.get(eventId);
    return e != null && e.kind() == Edit.Kind.REJECT;
  }

  /** {@code confirmed}, {@code rejected} or {@code open}: the analyst's verdict on the event. */
  public String status(String eventId) {
    Edit e = statusOf.get(eventId);
    return e == null ? "open" : e.kind() == Edit.Kind.CONFIRM ? "confirmed" : "rejected";
  }

  /** The event ids rejected by their latest status edit. */
  public Set<String> rejectedEvents() {
    Set<String> out = new HashSet<>();
    statusOf.forEach((id, e) -> {
      if (e.kind() == Edit.Kind.REJECT) {
        out.add(id);
      }
    });
    return out;
  }

  /** The event ids that have corrections in force. */
  public Set<String> correctedEvents() {
    return corrections.keySet();
  }

  /** The event as resolved, with the corrections in force over its fields. */
  public Event corrected(Event e) {
    Event out = e;
    for (Edit c : corrections.getOrDefault(e.id(), Map.of()).values()) {
      out = Corrections.apply(out, c.field(), c.value());
    }
    return out;
  }

  /** The event a merged-away event went into, following merges of merges; the id itself if none. */
  public String survivorOf(String eventId) {
    String id = eventId;
    Set<String> seen = new HashSet<>();
    while (mergedInto.containsKey(id) && seen.add(id)) {
      id = mergedInto.get(id);
    }
    return id;
  }

  /** The events merged away whose survivor is {@code eventId}, following merges of merges. */
  public Set<String> absorbedInto(String eventId) {
    Set<String> out = new HashSet<>();
    for (String other : mergedInto.keySet()) {
      if (!other.equals(eventId) && survivorOf(other).equals(eventId)) {
        out.add(other);
      }
    }
    return out;
  }

  /** Every edit with its derived status, oldest first. */
  public List<Edit> edits() {
    return new ArrayList<>(edits.values());
  }

  /** The edits that name the event: made on it, merging it, or pinning reports to it. */
  public List<Edit> about(String eventId) {
    return edits.values().stream()
        .filter(e -> e.target().equals(eventId) || eventId.equals(e.other())
            || e.pins().stream().anyMatch(p -> p.event().equals(eventId)))
        .toList();
  }

  /** Marks an edit as not applied, with the reason (its event or reports are gone). */
  void notApplied(long id, String reason) {
    Edit e = edits.get(id);
    if (e != null && e.status() == Edit.Status.APPLIED) {
      edits.put(id, e.withStatus(Edit.Status.NOT_APPLIED, reason));
    }
  }
}
