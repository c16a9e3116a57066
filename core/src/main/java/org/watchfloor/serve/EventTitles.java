package org.watchfloor.serve;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Event;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.EventTypeDef;
import org.watchfloor.profile.OriginDef;
import org.watchfloor.profile.TitleTemplate;
import org.watchfloor.profile.WatchProfile;

/**
 * Readable titles of events ("Hwasong-18 ICBM launch from the Pyongyang area"), made by the
 * title template of the event's type in the watch profile from the event's canonical names: its
 * missile as {@link Missiles} picks it, with the gazetteer's class after it where the name does
 * not already say it; its first actor that is not the watched state's own media (KCNA tells a
 * visit, it does not make it); its first place that is not at sea and, where the gazetteer gives
 * its country, is no city or county abroad (outside the profile's {@code watched_countries}): that is
 * far more often an article's dateline ("TOKYO --") than where a launch was from; nor a whole
 * country. A facility or a site abroad (a cosmodrome) is a place of its own. A city or county
 * reads "the X area". Also the types' labels for people.
 */
public final class EventTitles {

  /** The gazetteer's types of place at sea: where a missile lands, not where anything is from. */
  private static final Set<String> WATER = Set.of("sea", "strait");

  /** The gazetteer's type of place that is a whole country. */
  private static final String COUNTRY = "country";

  /** The gazetteer's types of place that are a town and its surroundings: "the Pyongyang area". */
  private static final Set<String> AREAS = Set.of("city", "county");

  private final WatchProfile profile;
  private final Missiles missiles;
  private final Map<String, EntityDef> byName = new HashMap<>();
  private final Set<String> stateMedia;
  private final Set<String> watchedCountries;

  public EventTitles(WatchProfile profile) {
    this.profile = profile;
    this.missiles = new Missiles(profile);
    for (EntityDef d : profile.entities()) {
      byName.putIfAbsent(d.canonical(), d);
    }
    this.stateMedia = profile.origins().stream().filter(OriginDef::stateMedia).map(OriginDef::name)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.watchedCountries = profile.lexicon("watched_countries").stream().map(c -> c.toLowerCase(Locale.ROOT))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** The label of the event type {@code type} ("missile launch"); an unknown type's id as it is. */
  public String label(String type) {
    return profile.eventType(type).map(EventTypeDef::label).orElse(type);
  }

  /** The title of {@code e}; its type's id as it is where the profile has no such type. */
  public String title(Event e) {
    EventTypeDef def = profile.eventType(e.type()).orElse(null);
    if (def == null) {
      return e.type();
    }
    String label = def.label();
    TitleTemplate template = def.title();
    Map<String, String> values = new HashMap<>();
    values.put("label", label);
    String weapon = weapon(e.weapons());
    if (weapon != null) {
      values.put("weapon", weapon);
    }
    e.actors().stream().filter(a -> !stateMedia.contains(a)).findFirst().ifPresent(a -> values.put("actor", a));
    String place = place(e.locations());
    if (place != null) {
      values.put("place", place);
    }
    String title = template.render(values);
    return title.isEmpty() ? label : title;
  }

  private @Nullable String weapon(List<String> weapons) {
    if (weapons.isEmpty()) {
      return null;
    }
    String name = missiles.nameOf(weapons);
    if (!weapons.contains(name)) {
      return null; // "unknown": nothing but payloads
    }
    String cls = missiles.classOf(name);
    if (cls == null || name.toLowerCase(Locale.ROOT).contains(cls.toLowerCase(Locale.ROOT))) {
      return name;
    }
    return name + " " + cls;
  }

  private @Nullable String place(List<String> locations) {
    for (String l : locations) {
      EntityDef d = byName.get(l);
      if (d != null && d.kind() == EntityKind.PLACE) {
        String type = d.attribute("type");
        String country = d.attribute("country");
        // at sea is where it landed; a whole country says little and is often wrong (the drill
        // "in North Korea" of an article about the drills it condemns); a town abroad is the dateline
        boolean abroad = country != null && !watchedCountries.isEmpty()
            && !watchedCountries.contains(country.toLowerCase(Locale.ROOT));
        if (type != null && (WATER.contains(type) || COUNTRY.equals(type) || AREAS.contains(type) && abroad)) {
          continue;
        }
        return type != null && AREAS.contains(type) ? "the " + l + " area" : l;
      }
      // a facility (a launch site, a shipyard, a cosmodrome) is never a dateline
      return l;
    }
    return null;
  }

}
