package org.watchfloor.extract.gazetteer;

import java.util.Objects;
import org.watchfloor.profile.EntityDef;

/**
 * A mention of a gazetteer entity: {@code [start, end)} in the original text.
 *
 * @param start offset of the first char of the mention
 * @param end offset just after the last char (exclusive)
 * @param entity the entity it names
 */
public record EntityMatch(int start, int end, EntityDef entity) {

  public EntityMatch {
    Objects.requireNonNull(entity, "entity");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** The mention as written: {@code text.substring(start, end)}. */
  public String surface(String text) {
    return text.substring(start, end);
  }
}
