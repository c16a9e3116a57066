package org.watchfloor.eval.clusters;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Two checks on a grouping that the pairwise and B-cubed scores blur: a gold event split although
 * two of its articles trace to a common origin (the same primary source told of it twice, and the
 * system still did not join them), and a system event holding two gold launches of the same named
 * weapon more than {@value #LAUNCHES_APART_DAYS} days apart (two firings of one missile merged).
 */
public final class IssueChecks {

  /** Days apart beyond which two gold launches of one weapon are surely two firings. */
  public static final int LAUNCHES_APART_DAYS = 7;

  /** The gold type of a launch; a gold row may give alternatives separated by {@code |}. */
  private static final String LAUNCH = "missile_launch";

  /**
   * A gold event with two articles whose reports trace to a common origin yet went to no common
   * system event.
   *
   * @param sharedOrigins the origins such unjoined articles have in common
   * @param systemEvents the system events those articles went to
   */
  public record OriginSplit(String goldEvent, Set<String> sharedOrigins, Set<String> systemEvents) {}

  /** A system event holding two gold launches of one weapon, {@code daysApart} days apart. */
  public record WeaponMerge(String systemEvent, String first, String second, String weapon, long daysApart) {}

  private IssueChecks() {}

  /**
   * The gold events split although their reports share an origin: two of the event's articles
   * went to no common system event while their reports there trace to a common origin. Pairs are
   * compared rather than the system events themselves, so an article that also reports another
   * gold event (a statement and the drill it answers) does not count as a split of either.
   *
   * @param placed for each gold event, for each of its articles, the system events its reports
   *     went to, each with the origins of those reports
   */
  public static List<OriginSplit> originSplits(Map<String, Map<String, Map<String, Set<String>>>> placed) {
    List<OriginSplit> out = new ArrayList<>();
    placed.forEach((gold, byArticle) -> {
      List<Map<String, Set<String>>> articles = new ArrayList<>(byArticle.values());
      Set<String> shared = new TreeSet<>();
      Set<String> events = new TreeSet<>();
      for (int i = 0; i < articles.size(); i++) {
        for (int j = i + 1; j < articles.size(); j++) {
          Map<String, Set<String>> a = articles.get(i);
          Map<String, Set<String>> b = articles.get(j);
          Set<String> common = origins(a);
          common.retainAll(origins(b));
          if (!common.isEmpty() && a.keySet().stream().noneMatch(b::containsKey)) {
            shared.addAll(common);
            events.addAll(a.keySet());
            events.addAll(b.keySet());
          }
        }
      }
      if (!shared.isEmpty()) {
        out.add(new OriginSplit(gold, shared, events));
      }
    });
    return out;
  }

  private static Set<String> origins(Map<String, Set<String>> byEvent) {
    Set<String> out = new HashSet<>();
    byEvent.values().forEach(out::addAll);
    return out;
  }

  /**
   * The system events holding two gold launches that name a weapon in common (compared without
   * case, spaces or punctuation) and lie more than {@value #LAUNCHES_APART_DAYS} days apart; one
   * row per system event, for its first such pair.
   *
   * @param goldOfSystem the gold events whose articles each system event holds
   */
  public static List<WeaponMerge> weaponMerges(Map<String, Set<String>> goldOfSystem, List<GoldEvents.Event> gold) {
    Map<String, GoldEvents.Event> byKey = new LinkedHashMap<>();
    gold.forEach(g -> byKey.put(g.key(), g));
    List<WeaponMerge> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : goldOfSystem.entrySet()) {
      List<GoldEvents.Event> launches = e.getValue().stream().map(byKey::get)
          .filter(g -> g != null && g.date() != null && isLaunch(g))
          .sorted(Comparator.comparing(GoldEvents.Event::date).thenComparing(GoldEvents.Event::key))
          .toList();
      WeaponMerge found = firstPair(e.getKey(), launches);
      if (found != null) {
        out.add(found);
      }
    }
    return out;
  }

  private static @Nullable WeaponMerge firstPair(String systemEvent, List<GoldEvents.Event> launches) {
    for (int i = 0; i < launches.size(); i++) {
      for (int j = i + 1; j < launches.size(); j++) {
        GoldEvents.Event a = launches.get(i);
        GoldEvents.Event b = launches.get(j);
        long apart = Math.abs(ChronoUnit.DAYS.between(a.date(), b.date()));
        if (apart <= LAUNCHES_APART_DAYS) {
          continue;
        }
        Set<String> common = new TreeSet<>(names(a.weapons()));
        common.retainAll(names(b.weapons()));
        if (!common.isEmpty()) {
          return new WeaponMerge(systemEvent, a.key(), b.key(), common.iterator().next(), apart);
        }
      }
    }
    return null;
  }

  private static boolean isLaunch(GoldEvents.Event g) {
    return Arrays.asList(g.type().split("\\|")).stream().map(String::strip).anyMatch(LAUNCH::equals);
  }

  /** Weapon names folded so that "Hwasong-17" and "hwasong 17" are one. */
  private static Set<String> names(List<String> weapons) {
    Set<String> out = new HashSet<>();
    for (String w : weapons) {
      String n = w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }
}
