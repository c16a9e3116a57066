package org.watchfloor.resolve;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * What the watch profile says about weapon names, as resolution needs it: which names are classes
 * or families ("ballistic missile", "ICBM", "Unha") that agree with any system of their kind, and
 * the class of each named system (the Hwasong-15 and Hwasong-18 are both ICBMs).
 *
 * <p>Class names compare by the kind they stand for (gazetteer attribute {@code class}): the
 * "Unha rocket" family and "space launch vehicle" are one kind of rocket. A broad class covers
 * narrower kinds (attribute {@code covers}: one outlet's "ballistic missile" is another's ICBM or
 * satellite rocket), and a payload (attribute {@code payload}: a nuclear weapon, a satellite)
 * rides on whatever carried it, so it sets no report apart.
 *
 * @param classOfSystem class of each named system, by canonical name
 * @param classes canonical names of generic classes and of families
 * @param kindOfClass the kind each class or family name stands for, where the profile gives one
 * @param covers the narrower kinds each broad class name agrees with
 * @param payloads class names of what a launch carries
 */
public record WeaponClasses(Map<String, String> classOfSystem, Set<String> classes, Map<String, String> kindOfClass,
    Map<String, Set<String>> covers, Set<String> payloads) {

  /** No knowledge: every name is a system of one class, so two different names disagree. */
  public static final WeaponClasses NONE = new WeaponClasses(Map.of(), Set.of());

  public WeaponClasses {
    classOfSystem = Map.copyOf(classOfSystem);
    classes = Set.copyOf(classes);
    kindOfClass = Map.copyOf(kindOfClass);
    covers = Map.copyOf(covers);
    payloads = Set.copyOf(payloads);
  }

  /** Systems and classes only: each class name is a kind of its own, none broad, none a payload. */
  public WeaponClasses(Map<String, String> classOfSystem, Set<String> classes) {
    this(classOfSystem, classes, Map.of(), Map.of(), Set.of());
  }

  /** Reads the weapons of a profile: {@code generic} and {@code family} entries are classes. */
  public static WeaponClasses of(WatchProfile profile) {
    Map<String, String> classOf = new HashMap<>();
    Set<String> classes = new HashSet<>();
    Map<String, String> kinds = new HashMap<>();
    Map<String, Set<String>> covers = new HashMap<>();
    Set<String> payloads = new HashSet<>();
    for (EntityDef w : profile.entities(EntityKind.WEAPON)) {
      if ("true".equals(w.attribute("generic")) || "true".equals(w.attribute("family"))) {
        classes.add(w.canonical());
        if (w.attribute("class") != null) {
          kinds.put(w.canonical(), w.attribute("class"));
        }
        if (w.attribute("covers") != null) {
          covers.put(w.canonical(), Set.of(w.attribute("covers").trim().split("\\s+")));
        }
        if ("true".equals(w.attribute("payload"))) {
          payloads.add(w.canonical());
        }
      } else if (w.attribute("class") != null) {
        classOf.put(w.canonical(), w.attribute("class"));
      }
    }
    return new WeaponClasses(classOf, classes, kinds, covers, payloads);
  }

  public boolean isClass(String weapon) {
    return classes.contains(weapon);
  }

  /**
   * Whether two reports' weapons cannot be one happening's: some class has named systems on both
   * sides and none in common, or both sides name only classes and no kind of one side agrees with
   * a kind of the other (payloads aside).
   */
  public boolean disagree(List<String> a, List<String> b) {
    return systemsDisagree(a, b) || systemsByClass(a).isEmpty() && systemsByClass(b).isEmpty()
        && kindsApart(a, b);
  }

  /**
   * How many of {@code a}'s class names agree with a weapon of {@code b}: the same name, or the
   * same kind ("space launch vehicle" and the "Unha rocket" family, or an Unha-3), or a broad
   * class that covers the other's kind (one outlet's "ballistic missile" is another's ICBM),
   * whichever side names the broad class.
   */
  public int classesShared(List<String> a, List<String> b) {
    Set<String> kindsOfA = kinds(a);
    Set<String> kindsOfB = kinds(b);
    int shared = (int) a.stream().filter(w -> isClass(w) && (b.contains(w) || kindsOfB.contains(kindOf(w))
        || covers.getOrDefault(w, Set.of()).stream().anyMatch(kindsOfB::contains))).count();
    if (shared == 0 && b.stream().anyMatch(w -> isClass(w) && !a.contains(w)
        && covers.getOrDefault(w, Set.of()).stream().anyMatch(kindsOfA::contains))) {
      shared = 1;
    }
    return shared;
  }

  private Set<String> kinds(List<String> weapons) {
    Set<String> out = new HashSet<>();
    for (String w : weapons) {
      String kind = kindOf(w);
      if (kind != null) {
        out.add(kind);
      }
    }
    return out;
  }

  private boolean kindsApart(List<String> a, List<String> b) {
    Set<String> ka = vehicleKinds(a);
    Set<String> kb = vehicleKinds(b);
    if (ka.isEmpty() || kb.isEmpty() || ka.stream().anyMatch(kb::contains)) {
      return false;
    }
    return !coversAny(a, kb) && !coversAny(b, ka);
  }

  /** The kinds a list of class names stands for, payloads left out; a name of no known kind is its own. */
  private Set<String> vehicleKinds(List<String> names) {
    Set<String> out = new HashSet<>();
    for (String w : names) {
      if (!payloads.contains(w)) {
        out.add(kindOfClass.getOrDefault(w, w));
      }
    }
    return out;
  }

  private boolean coversAny(List<String> names, Set<String> kinds) {
    return names.stream().anyMatch(w -> covers.getOrDefault(w, Set.of()).stream().anyMatch(kinds::contains));
  }

  private @Nullable String kindOf(String weapon) {
    return isClass(weapon) ? kindOfClass.get(weapon) : classOfSystem.get(weapon);
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
