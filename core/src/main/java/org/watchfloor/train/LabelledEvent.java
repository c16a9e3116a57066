package org.watchfloor.train;

import java.util.List;
import java.util.Objects;

/**
 * One happening an annotated article mentions, as the annotation guideline records it.
 *
 * @param key the happening's key, shared by every article that mentions it
 * @param types its event type and, where the annotator saw two, the alternatives
 * @param news whether the article reports it as news (else it mentions it in passing)
 * @param evidence the sentences of the article that tell it, as they stand in its text
 */
public record LabelledEvent(
    String key,
    List<String> types,
    String date,
    String datePrecision,
    boolean planned,
    boolean news,
    String actorCountry,
    List<String> weapons,
    List<String> evidence) {

  public LabelledEvent {
    Objects.requireNonNull(key, "key");
    types = List.copyOf(types);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("event " + key + " has no type");
    }
    weapons = List.copyOf(weapons);
    evidence = List.copyOf(evidence);
  }

  /** The type the annotator named first. */
  public String type() {
    return types.get(0);
  }
}
