package org.watchfloor.model;

import java.util.Locale;

/** How firmly a report states its event. */
public enum Certainty {
  ASSERTED,
  HEDGED,
  NEGATED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
