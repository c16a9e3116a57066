package org.watchfloor.eval.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import org.watchfloor.model.EventDate;

/**
 * Scores system events against gold events.
 *
 * <p>A system event is <em>aligned</em> with a gold event when its type is one of the gold's
 * alternatives and it comes from at least one of the gold's articles; it <em>matches</em> when,
 * in addition, its date lies within the gold date widened by a day and it names one of the
 * gold's weapons (when the gold names any the profile knows). Matching is one to one and as large
 * as it can be, counted gold first: a second system event for an already matched gold event is a
 * duplicate, counted as a false alarm.
 * Date and weapon accuracy are measured over aligned pairs, so that a wrong date shows there and
 * not only as a miss.
 */
public final class EventScorer {

  /** One matched, missed or falsely alarmed event, for reading. */
  public record Line(String key, String type, String date, String detail) {}

  /** Figures for one event type. */
  public record TypeRow(String type, int gold, int found, int system, int correct) {
    public double precision() {
      return system == 0 ? 0 : (double) correct / system;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) found / gold;
    }

    public double f1() {
      return EventScore.f1(precision(), recall());
    }
  }

  public EventScore score(List<GoldEvent> gold, List<SystemEvent> system) {
    Map<GoldEvent, SystemEvent> matchedGold = match(gold, system);
    Set<SystemEvent> used = new HashSet<>(matchedGold.values());
    int aligned = 0;
    int datesRight = 0;
    int withWeapons = 0;
    int weaponsRight = 0;
    List<Line> misses = new ArrayList<>();
    List<Line> wrongWeapons = new ArrayList<>();
    for (GoldEvent g : gold) {
      SystemEvent match = matchedGold.get(g);
      SystemEvent best = null;
      for (SystemEvent s : system) {
        if (!aligned(g, s)) {
          continue;
        }
        if (best == null || rank(g, s) > rank(g, best)) {
          best = s;
        }
      }
      if (best != null) {
        aligned++;
        datesRight += dateRight(g, best) ? 1 : 0;
        if (!g.weapons().isEmpty()) {
          withWeapons++;
          if (weaponRight(g, best)) {
            weaponsRight++;
          } else {
            wrongWeapons.add(new Line(g.key(), String.join("|", g.types()), g.date().iso(), "gold: " + new TreeSet<>(g.weapons())
                + "; system: " + best.weapons() + " — " + clip(best.evidence())));
          }
        }
      }
      if (match == null && !g.forgiven()) {
        misses.add(new Line(g.key(), String.join("|", g.types()), g.date().iso(), best == null
            ? "no aligned event (weapons: " + g.weaponsText() + ")"
            : "closest: " + best.type() + " " + best.date().iso() + " weapons=" + best.weapons() + " — "
                + clip(best.evidence())));
      }
    }
    Set<String> goldArticles = new HashSet<>();
    gold.forEach(g -> goldArticles.addAll(g.articles()));
    List<Line> falseAlarms = new ArrayList<>();
    int fromArticlesWithoutGold = 0;
    for (SystemEvent s : system) {
      if (used.contains(s)) {
        continue;
      }
      boolean duplicate = gold.stream().anyMatch(g -> matchedGold.containsKey(g) && aligned(g, s) && dateRight(g, s));
      boolean noGoldArticle = s.articles().stream().noneMatch(a -> goldArticles.stream().anyMatch(u -> sameArticle(u, a)));
      fromArticlesWithoutGold += noGoldArticle ? 1 : 0;
      falseAlarms.add(new Line(s.id(), s.type(), s.date().iso(),
          (duplicate ? "[duplicate] " : noGoldArticle ? "[article with no gold event] " : "") + "weapons=" + s.weapons()
              + " — " + clip(s.evidence()) + " <" + s.articles().get(0).url() + ">"));
    }
    int countedGold = (int) gold.stream().filter(g -> !g.forgiven() || matchedGold.containsKey(g)).count();
    return new EventScore(system.size(), used.size(), countedGold, matchedGold.size(), aligned, datesRight,
        withWeapons, weaponsRight, fromArticlesWithoutGold, perType(gold, system, matchedGold, used), misses,
        falseAlarms, wrongWeapons);
  }

  /**
   * Pairs gold and system events one to one, as many pairs as can be (augmenting paths): the gold
   * events that count are paired first, so that a judgement call, or a gold listed earlier, never
   * takes the one system event that a counted gold could have had.
   */
  private static Map<GoldEvent, SystemEvent> match(List<GoldEvent> gold, List<SystemEvent> system) {
    Map<SystemEvent, GoldEvent> owner = new HashMap<>();
    List<GoldEvent> order = new ArrayList<>(gold);
    order.sort(Comparator.comparing(GoldEvent::forgiven));
    for (GoldEvent g : order) {
      augment(g, system, owner, new HashSet<>());
    }
    Map<GoldEvent, SystemEvent> out = new LinkedHashMap<>();
    for (GoldEvent g : gold) {
      owner.forEach((s, o) -> {
        if (o == g) {
          out.put(g, s);
        }
      });
    }
    return out;
  }

  private static boolean augment(GoldEvent g, List<SystemEvent> system, Map<SystemEvent, GoldEvent> owner,
      Set<SystemEvent> seen) {
    for (SystemEvent s : system) {
      if (!aligned(g, s) || !dateRight(g, s) || !weaponRight(g, s) || !seen.add(s)) {
        continue;
      }
      GoldEvent holder = owner.get(s);
      if (holder == null || augment(holder, system, owner, seen)) {
        owner.put(s, g);
        return true;
      }
    }
    return false;
  }

  /**
   * Per event type: a matched gold event counts under the type of the system event that matched
   * it (one of its alternatives), a missed one under the first alternative it lists.
   */
  private static Map<String, TypeRow> perType(List<GoldEvent> gold, List<SystemEvent> system,
      Map<GoldEvent, SystemEvent> matched, Set<SystemEvent> used) {
    Map<String, int[]> counts = new TreeMap<>();
    for (GoldEvent g : gold) {
      SystemEvent match = matched.get(g);
      if (g.forgiven() && match == null) {
        continue;
      }
      int[] c = counts.computeIfAbsent(match != null ? match.type() : g.types().iterator().next(), k -> new int[4]);
      c[0]++;
      c[1] += match != null ? 1 : 0;
    }
    for (SystemEvent s : system) {
      int[] c = counts.computeIfAbsent(s.type(), k -> new int[4]);
      c[2]++;
      c[3] += used.contains(s) ? 1 : 0;
    }
    Map<String, TypeRow> out = new TreeMap<>();
    counts.forEach((t, c) -> out.put(t, new TypeRow(t, c[0], c[1], c[2], c[3])));
    return out;
  }

  private static int rank(GoldEvent g, SystemEvent s) {
    return (dateRight(g, s) ? 2 : 0) + (weaponRight(g, s) ? 1 : 0);
  }

  static boolean aligned(GoldEvent g, SystemEvent s) {
    return g.types().contains(s.type())
        && s.articles().stream().anyMatch(a -> g.articles().stream().anyMatch(u -> sameArticle(u, a)));
  }

  /** The system date lies wholly within the gold date widened by one day each side. */
  static boolean dateRight(GoldEvent g, SystemEvent s) {
    EventDate d = s.date();
    return d.isKnown()
        && !d.earliest().isBefore(g.date().earliest().minusDays(1))
        && !d.latest().isAfter(g.date().latest().plusDays(1));
  }

  static boolean weaponRight(GoldEvent g, SystemEvent s) {
    return g.weapons().isEmpty() || g.weapons().stream().anyMatch(s.weapons()::contains);
  }

  /** A gold reference names the article: its url, or for {@code file:} a suffix of its path. */
  static boolean sameArticle(String goldRef, SystemEvent.ArticleRef a) {
    if (goldRef.startsWith("file:")) {
      String suffix = goldRef.substring("file:".length()).replace('\\', '/');
      return a.sourcePath() != null && a.sourcePath().replace('\\', '/').endsWith("/" + suffix.replaceFirst("^/+", ""));
    }
    return goldRef.equals(a.url());
  }

  private static String clip(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 140 ? one : one.substring(0, 137) + "...";
  }
}
