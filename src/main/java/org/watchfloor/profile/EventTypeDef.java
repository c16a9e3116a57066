package org.watchfloor.profile;

import java.util.List;
import java.util.Objects;

/**
 * An event type of a profile: its id, what counts as one, and the lower-case trigger phrases
 * (inflected forms listed explicitly) that suggest a sentence reports one.
 */
public record EventTypeDef(String id, String definition, List<String> triggers) {

  public EventTypeDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(definition, "definition");
    triggers = List.copyOf(triggers == null ? List.of() : triggers);
  }
}
