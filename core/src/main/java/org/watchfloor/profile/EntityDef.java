package org.watchfloor.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One gazetteer entry: a weapon system, facility, organisation, person, place or exercise, with
 * its canonical name, the other names it goes by, and free-form attributes.
 *
 * @param id stable id, {@code <kind label>/<slug>}, e.g. {@code weapon/hwasong-18}
 * @param kind what the entity is
 * @param canonical the name used in outputs
 * @param aliases other surface forms (romanisation variants, designators, abbreviations)
 * @param attributes e.g. a weapon's {@code class}, a person's {@code title}
 */
public record EntityDef(
    String id,
    EntityKind kind,
    String canonical,
    List<String> aliases,
    Map<String, String> attributes) {

  public EntityDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(canonical, "canonical");
    if (canonical.isBlank()) {
      throw new IllegalArgumentException("empty canonical name for " + id);
    }
    aliases = List.copyOf(aliases == null ? List.of() : aliases);
    attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
  }

  /** The canonical name followed by the aliases: every surface form the entity is known by. */
  public List<String> names() {
    List<String> names = new ArrayList<>(aliases.size() + 1);
    names.add(canonical);
    names.addAll(aliases);
    return List.copyOf(names);
  }

  /** The attribute {@code key}, or {@code null} when the entity has none. */
  public String attribute(String key) {
    return attributes.get(key);
  }

  /** Whether statements by this entity are primary sources ({@code origin: true}). */
  public boolean isOrigin() {
    return "true".equals(attributes.get("origin"));
  }
}
