package org.watchfloor.serve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * Which of the weapons a launch event names is the missile launched, for the launch table and the
 * launches-per-month chart alike: the first named that is neither a class name ("ballistic
 * missile", "ICBM") nor a payload ("nuclear weapon", a satellite), else the first class name,
 * else {@code unknown}; its type is the class of the first weapon that is no payload.
 */
public final class Missiles {

  /**
   * The profile's weapons by canonical name, the first of a name as the file orders them: looked up
   * several times for each weapon of each event a timeline page titles, where filtering the whole
   * gazetteer each time cost more than the rest of the page's titles (JFR under bench serve).
   */
  private final Map<String, EntityDef> weapons = new HashMap<>();

  public Missiles(WatchProfile profile) {
    for (EntityDef d : profile.entities(EntityKind.WEAPON)) {
      weapons.putIfAbsent(d.canonical(), d);
    }
  }

  /** The missile of a launch that names {@code weapons} (most named first). */
  public String nameOf(List<String> weapons) {
    List<String> missiles = weapons.stream().filter(w -> !isPayload(w)).toList();
    return missiles.stream().filter(w -> cls(w) == null || !isGeneric(w)).findFirst()
        .orElse(missiles.isEmpty() ? "unknown" : missiles.get(0));
  }

  /** The class of the missile of a launch that names {@code weapons} ({@code SRBM}, {@code ICBM} …). */
  public String typeOf(List<String> weapons) {
    return weapons.stream().filter(w -> !isPayload(w)).map(this::cls).filter(c -> c != null).findFirst()
        .orElse("unknown");
  }

  /** The class the gazetteer gives {@code weapon} ({@code ICBM} …), or {@code null}. */
  public @Nullable String classOf(String weapon) {
    return cls(weapon);
  }

  private @Nullable EntityDef weapon(String canonical) {
    return weapons.get(canonical);
  }

  private @Nullable String cls(String weapon) {
    EntityDef d = weapon(weapon);
    return d == null ? null : d.attribute("class");
  }

  private boolean isGeneric(String weapon) {
    EntityDef d = weapon(weapon);
    return d != null && "true".equals(d.attribute("generic"));
  }

  private boolean isPayload(String weapon) {
    EntityDef d = weapon(weapon);
    return d != null && "true".equals(d.attribute("payload"));
  }
}
