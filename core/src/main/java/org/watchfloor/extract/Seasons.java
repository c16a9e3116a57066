package org.watchfloor.extract;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.EntityDef;

/**
 * The time of year a recurring drill is held, from its gazetteer attribute {@code season} ("August",
 * "March", "spring"): a drill of March named in a September statement's list is not one lately held.
 */
final class Seasons {

  private static final Map<String, Set<Month>> SEASONS = Map.of(
      "spring", EnumSet.of(Month.MARCH, Month.APRIL, Month.MAY),
      "summer", EnumSet.of(Month.JUNE, Month.JULY, Month.AUGUST),
      "autumn", EnumSet.of(Month.SEPTEMBER, Month.OCTOBER, Month.NOVEMBER),
      "fall", EnumSet.of(Month.SEPTEMBER, Month.OCTOBER, Month.NOVEMBER),
      "winter", EnumSet.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY));

  private Seasons() {}

  /** The months the season names; empty where it names none this knows. */
  static Set<Month> months(String season) {
    Set<Month> out = EnumSet.noneOf(Month.class);
    for (String word : season.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      out.addAll(SEASONS.getOrDefault(word, Set.of()));
      for (Month m : Month.values()) {
        if (word.equals(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT))) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** Whether the entity, by its season, may have been held within {@code spell}; true with no season. */
  static boolean within(EntityDef entity, EventDate spell) {
    String season = entity.attributes().get("season");
    Set<Month> months = season == null ? Set.of() : months(season);
    if (months.isEmpty() || !spell.isKnown()) {
      return true;
    }
    for (LocalDate d = spell.earliest().withDayOfMonth(1); !d.isAfter(spell.latest()); d = d.plusMonths(1)) {
      if (months.contains(d.getMonth())) {
        return true;
      }
    }
    return false;
  }
}
