package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * Finds, further down an article, the named weapon of a launch its lead names only by class:
 * "fired an intermediate-range missile Friday" … "Initial analysis suggested that the missile
 * was a Musudan". A named weapon counts when its class is one the lead names (a "ballistic
 * missile" is any ballistic class) and its sentence is about the news: it dates nothing else and
 * carries no background cue ("attempted three launches of the Musudan in April" is history).
 */
final class NamedWeapons {

  private static final Pattern YEARS = Pattern.compile("(\\d{4})-(\\d{4})");

  /** Classes a bare "ballistic missile" of the lead may turn out to be. */
  private static final Set<String> BALLISTIC = Set.of("srbm", "mrbm", "irbm", "icbm", "slbm", "ballistic");

  private final Cues background;
  /** Per weapon class, the systems that stand for it in their years ({@code stands_for_class: 2015-2016}). */
  private final Map<String, List<StandIn>> standIns = new HashMap<>();

  /** A system that, from year {@code from} to year {@code to}, was the only one of its class flown. */
  private record StandIn(String name, int from, int to) {}

  NamedWeapons(Cues background, WatchProfile profile) {
    this.background = background;
    for (EntityDef w : profile.entities(EntityKind.WEAPON)) {
      String years = w.attribute("stands_for_class");
      String weaponClass = w.attribute("class");
      if (years == null || weaponClass == null) {
        continue;
      }
      Matcher m = YEARS.matcher(years.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("weapon " + w.id() + ": stands_for_class '" + years + "' is not YYYY-YYYY");
      }
      standIns.computeIfAbsent(weaponClass.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(new StandIn(w.canonical(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
  }

  /**
   * The systems that a launch of class {@code weaponClass} on {@code date} must have fired: "a
   * submarine-launched ballistic missile" in 2016 was a Pukguksong-1, the only one flown then.
   */
  List<String> standIns(String weaponClass, EventDate date) {
    if (!date.isKnown()) {
      return List.of();
    }
    return standIns.getOrDefault(weaponClass, List.of()).stream()
        .filter(s -> date.earliest().getYear() >= s.from() && date.latest().getYear() <= s.to())
        .map(StandIn::name)
        .toList();
  }

  /** Whether a weapon of the gazetteer is a class name ("SRBM", "ballistic missile"), not a system. */
  static boolean generic(EntityMatch e) {
    return "true".equals(e.entity().attributes().get("generic"));
  }

  static String weaponClass(EntityMatch e) {
    String c = e.entity().attribute("class");
    return c == null ? "" : c.toLowerCase(Locale.ROOT);
  }

  /**
   * The named weapons of classes {@code leadClasses} in sentences of the article that date
   * nothing but {@code date} (give or take a day) and are not background.
   */
  List<EntityMatch> find(List<Sentences.Sentence> sentences, List<EntityMatch> entities, List<TimeExpression> times,
      Set<String> leadClasses, EventDate date) {
    List<EntityMatch> out = new ArrayList<>();
    if (leadClasses.isEmpty()) {
      return out;
    }
    for (Sentences.Sentence s : sentences) {
      List<EntityMatch> named = entities.stream()
          .filter(e -> e.start() >= s.start() && e.end() <= s.end())
          .filter(e -> e.entity().kind() == EntityKind.WEAPON && !generic(e) && fits(weaponClass(e), leadClasses))
          .toList();
      if (named.isEmpty() || background.in(s.text()) || datesElsewhere(s, times, date)) {
        continue;
      }
      out.addAll(named);
    }
    return out;
  }

  /**
   * What a launch told as news fired, beyond what its own words name, given the {@code classes}
   * they name and the classes of the systems they name ({@code namedClasses}): where they name no
   * system, the named weapons of those classes the article gives for its day ({@link #find}); and
   * for each class still without a system, the one system that stood for it in the launch's year.
   */
  Systems systems(Set<String> classes, Set<String> namedClasses, List<Sentences.Sentence> sentences,
      List<EntityMatch> entities, List<TimeExpression> times, EventDate date) {
    List<EntityMatch> found = namedClasses.isEmpty() ? find(sentences, entities, times, classes, date) : List.of();
    Set<String> named = new java.util.HashSet<>(namedClasses);
    found.forEach(e -> named.add(weaponClass(e)));
    List<String> standIns = classes.stream().filter(c -> !named.contains(c)).flatMap(c -> standIns(c, date).stream())
        .toList();
    return new Systems(found, standIns);
  }

  /** A launch's systems the article names elsewhere, and those that stood for a class in its year. */
  record Systems(List<EntityMatch> found, List<String> standIns) {}

  private static boolean fits(String named, Set<String> leadClasses) {
    return leadClasses.contains(named) || (leadClasses.contains("ballistic") && BALLISTIC.contains(named));
  }

  private static boolean datesElsewhere(Sentences.Sentence s, List<TimeExpression> times, EventDate date) {
    for (TimeExpression t : times) {
      if (t.start() >= s.start() && t.end() <= s.end() && t.kind() != TimeExpression.Kind.DURATION
          && (!t.value().isKnown() || !date.isKnown() || !t.value().overlaps(date, 1))) {
        return true;
      }
    }
    return false;
  }
}
