package org.watchfloor.extract.gazetteer;

import java.util.Objects;

/**
 * A trigger phrase of an event type found in a text: {@code [start, end)} in the original text.
 *
 * @param eventType the id of the event type
 * @param phrase the trigger as the profile lists it (the text may differ in case and hyphens)
 */
public record TriggerMatch(int start, int end, String eventType, String phrase) {

  public TriggerMatch {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(phrase, "phrase");
  }
}
