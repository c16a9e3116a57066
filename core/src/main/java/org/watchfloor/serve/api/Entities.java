package org.watchfloor.serve.api;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.Event;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * The watch profile's entities (weapons, organisations, people, facilities, places, exercises)
 * as the workbench shows them: with their aliases, the events naming them, and those events per
 * month. Events hold canonical names, in their actor, weapon and location lists or (an exercise)
 * in an attribute, so an entity appears in an event whose lists or attribute values hold its
 * canonical name.
 */
public final class Entities {

  /** An entity with every event it appears in, newest first, and their count per month. */
  public record Detail(EntityDef entity, List<Event> events, long total, List<String> months, List<Integer> counts) {}

  private final List<EntityDef> all;
  private final Map<String, EntityDef> byId = new HashMap<>();
  private final Map<String, String> idByName = new HashMap<>();

  public Entities(WatchProfile profile) {
    this.all = profile.entities().stream().sorted(Comparator.comparing(EntityDef::id)).toList();
    for (EntityDef d : all) {
      byId.put(d.id(), d);
      idByName.putIfAbsent(d.canonical().toLowerCase(Locale.ROOT), d.id());
    }
  }

  public Optional<EntityDef> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The entity whose canonical name is {@code name}, ignoring case, for linking names to pages. */
  public @Nullable String idOf(String name) {
    return idByName.get(name.toLowerCase(Locale.ROOT));
  }

  /** All entities of {@code kind} (all kinds when null), by id. */
  public List<EntityDef> list(@Nullable EntityKind kind) {
    return kind == null ? all : all.stream().filter(d -> d.kind() == kind).toList();
  }

  /** The kind named by a {@code kind} query parameter, or null when it is absent. */
  public static @Nullable EntityKind kind(@Nullable String label) {
    if (label == null) {
      return null;
    }
    return EntityKind.fromLabel(label).orElseThrow(() -> ApiException.badParameter("kind",
        "must be one of " + String.join(", ", java.util.Arrays.stream(EntityKind.values()).map(EntityKind::label).toList())));
  }

  /**
   * The entity with a page of the events naming it (newest first, as the entity index lists them),
   * how many name it, and per month ({@code perMonth}, oldest first, months without events filled
   * in) how many of those dated to a month or finer began in it.
   */
  public Detail detail(EntityDef entity, StoreReads.Naming naming) {
    List<String> months = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    List<org.watchfloor.store.EventRows.MonthCount> cells = naming.perMonth();
    if (!cells.isEmpty()) {
      Map<YearMonth, Integer> perMonth = new HashMap<>();
      cells.forEach(c -> perMonth.put(YearMonth.parse(c.month()), c.count()));
      YearMonth first = YearMonth.parse(cells.get(0).month());
      YearMonth last = YearMonth.parse(cells.get(cells.size() - 1).month());
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        months.add(m.toString());
        counts.add(perMonth.getOrDefault(m, 0));
      }
    }
    return new Detail(entity, naming.events(), naming.total(), months, counts);
  }

  static boolean appearsIn(EntityDef entity, Event e) {
    String name = entity.canonical();
    return e.weapons().contains(name) || e.actors().contains(name) || e.locations().contains(name)
        || e.attributes().containsValue(name);
  }

  /** An entity as the API lists it. */
  public static Map<String, Object> json(EntityDef d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("kind", d.kind().label());
    m.put("name", d.canonical());
    m.put("aliases", d.aliases());
    m.put("attributes", new java.util.TreeMap<>(d.attributes()));
    return m;
  }
}
