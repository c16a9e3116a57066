package org.watchfloor.profile;

import java.util.List;
import java.util.Objects;

/**
 * A primary source that reports can trace to (KCNA, South Korea's JCS, Japan's defence ministry
 * …), with the lower-case cue phrases by which articles attribute statements to it.
 *
 * @param stateMedia a medium of the watched state (KCNA, Rodong Sinmun): the primary source of
 *     what happens inside its leadership; the first listed is the default one
 */
public record OriginDef(String id, String name, List<String> cues, boolean stateMedia) {

  public OriginDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    cues = List.copyOf(cues == null ? List.of() : cues);
  }
}
