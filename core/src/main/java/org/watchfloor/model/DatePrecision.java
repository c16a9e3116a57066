package org.watchfloor.model;

import java.util.Locale;

/** How precisely a date is known; the spec's {@code date_precision} values. */
public enum DatePrecision {
  DAY,
  WEEK,
  MONTH,
  YEAR,
  UNKNOWN;

  /** The lower-case name used in the public JSON contract. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DatePrecision fromLabel(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
