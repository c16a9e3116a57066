package org.watchfloor.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.watchfloor.profile.GdeltDef;

/**
 * Which GDELT 2.0 rows concern the watch, decided before anything is fetched: the watch profile's
 * {@code gdelt} section ({@link GdeltDef}).
 *
 * <p>An <b>event</b> row is kept when either actor's CAMEO country code (Actor1CountryCode,
 * Actor2CountryCode, or the first three letters of Actor1Code / Actor2Code) is one of
 * {@code actorCountries}, or when one of its geographic country codes (Actor1Geo, Actor2Geo,
 * ActionGeo — FIPS 10-4 codes, which differ from CAMEO's: North Korea is {@code KN}) is one of
 * {@code geoCountries}, or when its SOURCEURL contains one of {@code urlTerms}. A <b>mention</b>
 * row carries no actors: it is kept when its event was kept from an events file read in the
 * same batch, or when its URL contains one of {@code urlTerms}.
 *
 * @param actorCountries CAMEO country codes, upper case (e.g. {@code PRK})
 * @param geoCountries FIPS country codes, upper case (e.g. {@code KN})
 * @param urlTerms lower-case substrings of an article URL (e.g. {@code north-korea})
 */
public record GdeltFilter(Set<String> actorCountries, Set<String> geoCountries, List<String> urlTerms) {

  public GdeltFilter {
    actorCountries = actorCountries.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    geoCountries = geoCountries.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    urlTerms = urlTerms.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  /** The filter a watch profile's {@code gdelt} section declares. */
  public static GdeltFilter of(GdeltDef watch) {
    return new GdeltFilter(watch.actorCountries(), watch.geoCountries(), watch.urlTerms());
  }

  /** The same filter with other actor countries (CAMEO codes) instead of this one's. */
  public GdeltFilter withActorCountries(Set<String> codes) {
    return new GdeltFilter(codes, geoCountries, urlTerms);
  }

  boolean actorMatches(String code) {
    if (code.isEmpty()) {
      return false;
    }
    String c = code.toUpperCase(Locale.ROOT);
    return actorCountries.contains(c) || (c.length() >= 3 && actorCountries.contains(c.substring(0, 3)));
  }

  boolean geoMatches(String code) {
    return !code.isEmpty() && geoCountries.contains(code.toUpperCase(Locale.ROOT));
  }

  boolean urlMatches(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    for (String term : urlTerms) {
      if (u.contains(term)) {
        return true;
      }
    }
    return false;
  }
}
