package org.watchfloor.model;

import org.jspecify.annotations.Nullable;

/**
 * A measure as a {@link Claim} writes it: one number ({@code 600}), a range ({@code 400-500}), or
 * a lower bound ({@code >1000}), which the extract stage writes for a number the text says was
 * exceeded ("flew over 1,000 km", "more than 600 km"): it agrees with any figure above it, and is
 * no exact figure of its own.
 *
 * @param low the number, the lower end of the range, or the bound
 * @param high the number, or the upper end of the range; the bound itself for a lower bound
 * @param lowerBound whether the value is a lower bound
 */
public record StatedMeasure(double low, double high, boolean lowerBound) {

  /** The mark in front of a lower bound. */
  public static final String LOWER_BOUND = ">";

  /** The measure {@code value} states, or {@code null} when it is none of the three forms. */
  public static @Nullable StatedMeasure parse(String value) {
    boolean bound = value.startsWith(LOWER_BOUND);
    String number = bound ? value.substring(LOWER_BOUND.length()) : value;
    int dash = number.indexOf('-', 1);
    try {
      if (dash < 0) {
        double v = Double.parseDouble(number);
        return Double.isFinite(v) ? new StatedMeasure(v, v, bound) : null;
      }
      if (bound) {
        return null;
      }
      double low = Double.parseDouble(number.substring(0, dash));
      double high = Double.parseDouble(number.substring(dash + 1));
      return Double.isFinite(low) && Double.isFinite(high) && !number.substring(dash + 1).startsWith("-")
          ? new StatedMeasure(low, high, false) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The highest figure the value allows: its upper end, or no limit for a lower bound. */
  public double ceiling() {
    return lowerBound ? Double.POSITIVE_INFINITY : high;
  }
}
