package org.watchfloor.alert;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * The names a rule may use, as the watch profile's gazetteer knows them: any surface form of an
 * entity (canonical name, alias, a plural) leads to its canonical name, which is what events hold;
 * a weapon class leads to every system and class of its kind, which is what a rule on it fires for.
 */
final class Gazetteer {

  private final WatchProfile profile;

  Gazetteer(WatchProfile profile) {
    this.profile = profile;
  }

  /** The canonical name {@code name} stands for among entities of these kinds. */
  Optional<EntityDef> find(String name, Set<EntityKind> kinds) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (String form : List.of(wanted, wanted.endsWith("s") ? wanted.substring(0, wanted.length() - 1) : wanted)) {
      for (EntityKind kind : kinds) {
        for (EntityDef e : profile.entities(kind)) {
          for (String n : e.names()) {
            if (n.toLowerCase(Locale.ROOT).equals(form)) {
              return Optional.of(e);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The canonical weapon names a rule on {@code weapon} fires for: the weapon itself, and for a
   * generic class ({@code ICBM}, attribute {@code generic}) every weapon whose {@code class} is the
   * class's kind or one it {@code covers} ("ballistic missile" covers ICBM, IRBM …). A family
   * ({@code Scud}) and a named system stand for themselves only: the gazetteer does not say which
   * systems belong to a family.
   */
  Set<String> weaponNames(EntityDef weapon) {
    Set<String> names = new LinkedHashSet<>();
    names.add(weapon.canonical());
    if (!"true".equals(weapon.attribute("generic")) || weapon.attribute("class") == null) {
      return names;
    }
    Set<String> kinds = new LinkedHashSet<>();
    kinds.add(weapon.attribute("class"));
    String covers = weapon.attribute("covers");
    if (covers != null) {
      kinds.addAll(List.of(covers.strip().split("\\s+")));
    }
    for (EntityDef w : profile.entities(EntityKind.WEAPON)) {
      if (kinds.contains(w.attribute("class")) && !"true".equals(w.attribute("payload"))) {
        names.add(w.canonical());
      }
    }
    return names;
  }

  /** The profile's event types. */
  List<String> eventTypes() {
    return profile.eventTypeIds();
  }

  String profileName() {
    return profile.name();
  }
}
