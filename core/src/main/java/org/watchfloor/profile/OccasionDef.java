package org.watchfloor.profile;

import java.util.List;
import java.util.Objects;

/**
 * One occasion of the profile's vocabulary: the setting an event happened in ("factory visit",
 * "meeting"), with the cue phrases that name it.
 *
 * @param label the value a report's {@code occasion} claim takes
 * @param objects phrases of which one must follow a cue closely, or empty when a cue suffices
 */
public record OccasionDef(String label, List<String> cues, List<String> objects) {

  public OccasionDef {
    Objects.requireNonNull(label, "label");
    cues = List.copyOf(cues);
    objects = List.copyOf(objects);
  }
}
