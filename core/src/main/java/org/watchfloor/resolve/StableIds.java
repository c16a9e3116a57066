package org.watchfloor.resolve;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchfloor.parse.Hashing;
import org.watchfloor.store.ShadowTables.Overlap;

/**
 * Which id each event derived again by re-processing takes, so that links, exports and edits
 * made on the old events stay valid. The rule:
 *
 * <ol>
 *   <li>an event an analyst's edit pins reports to keeps the id the edit gave it;
 *   <li>otherwise, a new event takes the id of the old event with which it shares the most
 *       articles (an article counts when it has a report of the same type in both), the pairs
 *       sharing most going first, ties broken by id so the outcome does not depend on order;
 *       each old id goes to one new event at most;
 *   <li>a new event sharing no article with a free old event keeps the id resolution gave it
 *       (named after its first report), or, when that id went to another event, one derived from
 *       it.
 * </ol>
 */
public final class StableIds {

  private StableIds() {}

  /** The final id of each new event, keyed by the id resolution gave it. */
  public static Map<String, String> carryOver(Set<String> newEvents, List<Overlap> overlaps, Set<String> pinned) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (String id : newEvents) {
      if (pinned.contains(id)) {
        out.put(id, id);
        taken.add(id);
      }
    }
    List<Overlap> best = overlaps.stream()
        .sorted(Comparator.comparingInt(Overlap::articles).reversed()
            .thenComparing(Overlap::newEvent).thenComparing(Overlap::oldEvent))
        .toList();
    for (Overlap o : best) {
      if (newEvents.contains(o.newEvent()) && !out.containsKey(o.newEvent()) && !taken.contains(o.oldEvent())) {
        out.put(o.newEvent(), o.oldEvent());
        taken.add(o.oldEvent());
      }
    }
    for (String id : newEvents) {
      if (!out.containsKey(id)) {
        String own = id;
        while (taken.contains(own)) {
          own = "e" + Hashing.sha256("renamed|" + own).substring(0, 15);
        }
        out.put(id, own);
        taken.add(own);
      }
    }
    return out;
  }
}
