package org.watchfloor.profile;

import java.util.List;
import java.util.Objects;

/**
 * An event type of a profile: its id, what counts as one, and the lower-case trigger phrases
 * (inflected forms listed explicitly) that suggest a sentence reports one.
 *
 * @param internal happens inside the state's leadership (a meeting, a production order, a visit
 *     to a plant): only the state's own media can be the primary source of one
 */
public record EventTypeDef(String id, String definition, List<String> triggers, boolean internal) {

  public EventTypeDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(definition, "definition");
    triggers = List.copyOf(triggers == null ? List.of() : triggers);
  }
}
