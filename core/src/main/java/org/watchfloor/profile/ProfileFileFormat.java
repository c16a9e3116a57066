package org.watchfloor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the YAML files of a profile, as Jackson reads them. Every field may be absent
 * here; {@link ProfileLoader} says which are required, naming the file.
 */
final class ProfileFileFormat {

  private ProfileFileFormat() {}

  /** {@code profile.yaml}. */
  record ProfileYaml(
      String name,
      Integer version,
      String description,
      @JsonProperty("event_types") List<String> eventTypes,
      List<String> gazetteer,
      List<FeedYaml> feeds,
      Map<String, List<String>> lexicons,
      GdeltYaml gdelt) {}

  record GdeltYaml(
      @JsonProperty("actor_countries") List<String> actorCountries,
      @JsonProperty("geo_countries") List<String> geoCountries,
      @JsonProperty("url_terms") List<String> urlTerms) {}

  record FeedYaml(String name, String url, @JsonProperty("interval_seconds") Integer intervalSeconds) {}

  /** {@code event-types.yaml}. */
  record EventTypesYaml(@JsonProperty("event_types") List<EventTypeYaml> eventTypes) {}

  record EventTypeYaml(String id, String definition, List<String> triggers, Boolean internal, String label,
      String title, String reader) {}

  /** {@code gazetteer/<kind>.yaml}: all entities of one file share its kind. */
  record GazetteerYaml(String kind, List<EntityYaml> entities) {}

  record EntityYaml(
      String id, String canonical, List<String> aliases, Map<String, String> attributes) {}

  /** {@code origins.yaml}. */
  record OriginsYaml(List<OriginYaml> origins) {}

  record OriginYaml(String id, String name, List<String> cues, @JsonProperty("state_media") Boolean stateMedia) {}

  /** {@code occasions.yaml}. */
  record OccasionsYaml(
      List<OccasionYaml> occasions,
      @JsonProperty("event_types") Map<String, List<String>> eventTypes,
      List<String> elsewhere) {}

  record OccasionYaml(String label, List<String> cues, List<String> objects) {}
}
