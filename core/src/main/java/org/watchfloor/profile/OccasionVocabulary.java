package org.watchfloor.profile;

import java.util.List;
import java.util.Map;

/**
 * The profile's vocabulary of occasions ({@code occasions.yaml}): the settings an event may
 * happen in, the event types that have one with the words by which a sentence refers back to
 * such an event, and the cues that put a setting at another time than the news.
 *
 * @param eventTypes per event type that has an occasion, its back-reference phrases
 */
public record OccasionVocabulary(List<OccasionDef> occasions, Map<String, List<String>> eventTypes, List<String> elsewhere) {

  /** A profile without {@code occasions.yaml}: no event has an occasion. */
  public static final OccasionVocabulary NONE = new OccasionVocabulary(List.of(), Map.of(), List.of());

  public OccasionVocabulary {
    occasions = List.copyOf(occasions);
    eventTypes = Map.copyOf(eventTypes);
    elsewhere = List.copyOf(elsewhere);
  }
}
