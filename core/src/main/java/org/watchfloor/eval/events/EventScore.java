package org.watchfloor.eval.events;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one event evaluation.
 *
 * @param systemEvents events the system produced (background mentions left out)
 * @param systemCorrect system events matched one to one with a gold event
 * @param goldCounted gold events counted for recall: all but the forgiven ones that were missed
 * @param goldFound gold events matched
 * @param aligned gold events with a system event of the right type from one of their articles
 * @param eventsFromArticlesWithoutGold system events from articles that report no gold event
 */
public record EventScore(
    int systemEvents,
    int systemCorrect,
    int goldCounted,
    int goldFound,
    int aligned,
    int datesRight,
    int withWeapons,
    int weaponsRight,
    int eventsFromArticlesWithoutGold,
    Map<String, EventScorer.TypeRow> perType,
    List<EventScorer.Line> misses,
    List<EventScorer.Line> falseAlarms,
    List<EventScorer.Line> wrongWeapons) {

  public EventScore {
    perType = Map.copyOf(perType);
    misses = List.copyOf(misses);
    falseAlarms = List.copyOf(falseAlarms);
    wrongWeapons = List.copyOf(wrongWeapons);
  }

  public double precision() {
    return systemEvents == 0 ? 0 : (double) systemCorrect / systemEvents;
  }

  public double recall() {
    return goldCounted == 0 ? 0 : (double) goldFound / goldCounted;
  }

  public double f1() {
    return f1(precision(), recall());
  }

  /** Of the gold events with an aligned system event, the share whose date is right. */
  public double dateAccuracy() {
    return aligned == 0 ? 0 : (double) datesRight / aligned;
  }

  /** Of the aligned gold events that name a weapon, the share whose weapon the system names. */
  public double weaponAccuracy() {
    return withWeapons == 0 ? 0 : (double) weaponsRight / withWeapons;
  }

  static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public String summary() {
    return String.format(Locale.ROOT,
        "events precision=%.3f recall=%.3f f1=%.3f date_acc=%.3f weapon_acc=%.3f system=%d correct=%d gold=%d found=%d"
            + " from_articles_without_gold=%d",
        precision(), recall(), f1(), dateAccuracy(), weaponAccuracy(), systemEvents, systemCorrect, goldCounted,
        goldFound, eventsFromArticlesWithoutGold);
  }
}
