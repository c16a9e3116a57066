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
 * What the watch profile says about places, as resolution needs it: which names are whole
 * countries (every story about the watched country names it, so sharing it says nothing), and
 * which are facilities, with their type, so that two visits to different sites stay apart.
 *
 * @param countries canonical names of places of type {@code country}
 * @param facilityTypes the type of each facility ("factory", "institute"), by canonical name
 * @param genericFacilities facilities named only by their kind ("munitions factory"), which agree
 *     with any facility of their type
 */
public record Sites(Set<String> countries, Map<String, String> facilityTypes, Set<String> genericFacilities) {

  /** No knowledge: no name is a country, none a facility. */
  public static final Sites NONE = new Sites(Set.of(), Map.of(), Set.of());

  public Sites {
    countries = Set.copyOf(countries);
    facilityTypes = Map.copyOf(facilityTypes);
    genericFacilities = Set.copyOf(genericFacilities);
  }

  /** Reads the places and facilities of a profile. */
  public static Sites of(WatchProfile profile) {
    Set<String> countries = new HashSet<>();
    for (EntityDef p : profile.entities(EntityKind.PLACE)) {
      if ("country".equals(p.attribute("type"))) {
        countries.add(p.canonical());
      }
    }
    Map<String, String> types = new HashMap<>();
    Set<String> generic = new HashSet<>();
    for (EntityDef f : profile.entities(EntityKind.FACILITY)) {
      String type = f.attribute("type");
      types.put(f.canonical(), type == null ? "" : type);
      if ("true".equals(f.attribute("generic"))) {
        generic.add(f.canonical());
      }
    }
    return new Sites(countries, types, generic);
  }

  public boolean isCountry(String place) {
    return countries.contains(place);
  }

  /**
   * Whether two lists of places name facilities on both sides and none that can be one site: a
   * visit to an artillery academy and one to a munitions factory are two visits, whoever made
   * them. A facility named only by its kind agrees with any facility of that type.
   */
  public boolean disagree(List<String> a, List<String> b) {
    List<String> fa = a.stream().filter(facilityTypes::containsKey).toList();
    List<String> fb = b.stream().filter(facilityTypes::containsKey).toList();
    if (fa.isEmpty() || fb.isEmpty()) {
      return false;
    }
    return fa.stream().noneMatch(x -> fb.stream().anyMatch(y -> oneSite(x, y)));
  }

  private boolean oneSite(String x, String y) {
    return x.equals(y) || (genericFacilities.contains(x) || genericFacilities.contains(y))
        && facilityTypes.get(x).equals(facilityTypes.get(y));
  }
}
