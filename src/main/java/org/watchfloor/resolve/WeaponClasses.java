package org.watchfloor.resolve;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * What the watch profile says about weapon names, as resolution needs it: which names are classes
 * or families ("ballistic missile", "ICBM", "Unha") that agree with any system of their kind, and
 * the class of each named system (the Hwasong-15 and Hwasong-18 are both ICBMs).
 *
 * @param classOfSystem class of each named system, by canonical name
 * @param classes canonical names of generic classes and of families
 */
public record WeaponClasses(Map<String, String> classOfSystem, Set<String> classes) {

  /** No knowledge: every name is a system of one class, so two different names disagree. */
  public static final WeaponClasses NONE = new WeaponClasses(Map.of(), Set.of());

  public WeaponClasses {
    classOfSystem = Map.copyOf(classOfSystem);
    classes = Set.copyOf(classes);
  }

  /** Reads the weapons of a profile: {@code generic} and {@code family} entries are classes. */
  public static WeaponClasses of(WatchProfile profile) {
    Map<String, String> classOf = new HashMap<>();
    Set<String> classes = new HashSet<>();
    for (EntityDef w : profile.entities(EntityKind.WEAPON)) {
      if ("true".equals(w.attribute("generic")) || "true".equals(w.attribute("family"))) {
        classes.add(w.canonical());
      } else if (w.attribute("class") != null) {
        classOf.put(w.canonical(), w.attribute("class"));
      }
    }
    return new WeaponClasses(classOf, classes);
  }

  public boolean isClass(String weapon) {
    return classes.contains(weapon);
  }

  /**
   * Whether two reports' weapons cannot be one happening's: some class has named systems on both
   * sides and none in common, or both sides name only classes and share none.
   */
  public boolean disagree(List<String> a, List<String> b) {
    return systemsDisagree(a, b) || systemsByClass(a).isEmpty() && systemsByClass(b).isEmpty() && !a.isEmpty()
        && !b.isEmpty() && a.stream().noneMatch(b::contains);
  }

  /** Whether some class has named systems on both sides and none in common; classes alone never disagree. */
  public boolean systemsDisagree(List<String> a, List<String> b) {
    Map<String, Set<String>> systemsB = systemsByClass(b);
    for (Map.Entry<String, Set<String>> e : systemsByClass(a).entrySet()) {
      Set<String> other = systemsB.get(e.getKey());
      if (other != null && e.getValue().stream().noneMatch(other::contains)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Set<String>> systemsByClass(List<String> weapons) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String w : weapons) {
      if (!isClass(w)) {
        // names the profile does not class are taken as one class: two different ones disagree
        out.computeIfAbsent(classOfSystem.getOrDefault(w, ""), k -> new HashSet<>()).add(w);
      }
    }
    return out;
  }
}
