package org.watchfloor.extract;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.watchfloor.model.StatedMeasure;

/**
 * A measure a sentence states: a number or a range of numbers with its unit, how it is hedged
 * ("about", "more than"), and where it stands in the sentence.
 *
 * @param low the number, or the lower end of a range ("400 to 500 km"), in {@code unit}
 * @param high the same as {@code low}, or the upper end of a range
 * @param unit the unit the sentence states; two units joined ("1 hour 14 minutes") are given in
 *     the smaller one
 * @param qualifier the hedge in front of the number
 * @param start offset of the first digit in the sentence
 * @param end offset just after the unit
 * @param follows offset where the words after the measure start: after {@code end}, or after a
 *     restatement in brackets ("30 km (19 miles)"), which is the same measure told twice
 * @param offset whether the measure places something relative to a place ("200 km west of …",
 *     "about 200 km off the coast"): a position, not a distance flown
 */
record Quantity(double low, double high, Unit unit, Qualifier qualifier, int start, int end, int follows, boolean offset) {

  /** What a unit measures. */
  enum Dimension {
    LENGTH,
    TIME
  }

  /** The units read, each with its size in the dimension's base unit (kilometre, second). */
  enum Unit {
    KILOMETRE(Dimension.LENGTH, 1),
    METRE(Dimension.LENGTH, 0.001),
    MILE(Dimension.LENGTH, 1.609344),
    NAUTICAL_MILE(Dimension.LENGTH, 1.852),
    FOOT(Dimension.LENGTH, 0.0003048),
    SECOND(Dimension.TIME, 1),
    MINUTE(Dimension.TIME, 60),
    HOUR(Dimension.TIME, 3600);

    final Dimension dimension;
    final double base;

    Unit(Dimension dimension, double base) {
      this.dimension = dimension;
      this.base = base;
    }
  }

  /** How a number is hedged. */
  enum Qualifier {
    /** No hedge: "flew 600 km". */
    EXACT,
    /** "about", "around", "some", "roughly", "nearly", "an estimated", "~". */
    ABOUT,
    /** "more than", "over", "at least", "above". */
    AT_LEAST,
    /** "up to", "less than", "under", "as far as". */
    AT_MOST
  }

  Quantity {
    if (!(low >= 0) || !(high >= low)) {
      throw new IllegalArgumentException("not a range of numbers: " + low + " to " + high);
    }
    if (start < 0 || end < start || follows < end) {
      throw new IllegalArgumentException("bad span " + start + ".." + end + " (follows " + follows + ")");
    }
  }

  Dimension dimension() {
    return unit.dimension;
  }

  boolean isRange() {
    return high != low;
  }

  boolean approximate() {
    return qualifier != Qualifier.EXACT;
  }

  /**
   * The measure in the dimension's base unit (kilometres, seconds), as a claim writes it: a
   * number stated in kilometres or seconds as stated ("6648.4"); a number converted from
   * another length to three significant digits, no more precise than the source ("19 miles" is
   * "30.6"); times to the whole second; a range as {@code low-high}; a number said to be exceeded
   * ("more than", "over", "at least") as a lower bound, {@code >1000} ({@link StatedMeasure}).
   */
  String baseValue() {
    String lo = base(low);
    if (isRange()) {
      return lo + "-" + base(high);
    }
    // "over 1,000 km" is no figure of 1,000 km: a source giving 1,400 does not contradict it
    return qualifier == Qualifier.AT_LEAST ? StatedMeasure.LOWER_BOUND + lo : lo;
  }

  private String base(double v) {
    BigDecimal value = BigDecimal.valueOf(v).multiply(BigDecimal.valueOf(unit.base));
    if (unit.dimension == Dimension.TIME) {
      value = value.setScale(0, RoundingMode.HALF_UP);
    } else if (unit.base != 1 && value.signum() != 0) {
      value = value.round(new MathContext(3, RoundingMode.HALF_UP));
    }
    value = value.stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
  }
}
