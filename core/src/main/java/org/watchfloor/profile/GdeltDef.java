package org.watchfloor.profile;

import java.util.List;
import java.util.Set;

/**
 * Which rows of a GDELT 2.0 export concern the watch ({@code gdelt} in {@code profile.yaml}),
 * decided before any article is fetched: an event row whose actor is of one of {@code
 * actorCountries} (CAMEO codes, e.g. {@code PRK}), whose places are in one of {@code geoCountries}
 * (FIPS 10-4 codes, which differ from CAMEO's: North Korea is {@code KN}), or whose SOURCEURL
 * holds one of {@code urlTerms}. A profile without the section keeps no row.
 *
 * @param actorCountries three-letter CAMEO country codes, upper case
 * @param geoCountries two-letter FIPS country codes, upper case
 * @param urlTerms lower-case pieces of an article's URL
 */
public record GdeltDef(Set<String> actorCountries, Set<String> geoCountries, List<String> urlTerms) {

  /** A profile's section when it has none: no row concerns it. */
  public static final GdeltDef NONE = new GdeltDef(Set.of(), Set.of(), List.of());

  public GdeltDef {
    actorCountries = Set.copyOf(actorCountries);
    geoCountries = Set.copyOf(geoCountries);
    urlTerms = List.copyOf(urlTerms);
  }

  /** Whether no row can match. */
  public boolean isEmpty() {
    return actorCountries.isEmpty() && geoCountries.isEmpty() && urlTerms.isEmpty();
  }
}
