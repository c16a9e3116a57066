package org.watchfloor.extract.time;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.EventDate;

/**
 * One time expression found in a text: its span ({@code end} exclusive), the words, the days it
 * can denote and how it was stated.
 *
 * @param value the interval it denotes; {@link EventDate#UNKNOWN} for durations and vague
 *     references ("recently", "for three days")
 * @param timeOfDay the clock time when one was stated ("at 7:10 a.m."), else null
 * @param zone the zone of {@code timeOfDay} when one was stated ("KST", "GMT"), else null
 * @param future whether the expression points after the publication day or sits in a clause
 *     about the future ("next month", "will … on Friday", "expected in early 2026")
 */
public record TimeExpression(
    int start,
    int end,
    String text,
    EventDate value,
    Kind kind,
    @Nullable LocalTime timeOfDay,
    @Nullable ZoneId zone,
    boolean future) {

  /** How an expression states its time. */
  public enum Kind {
    /** A calendar date, month or year stated in full or resolvable without counting. */
    ABSOLUTE,
    /** Counted from the publication day: "yesterday", "last week", "on Friday". */
    RELATIVE,
    /** Two ends: "2021–2025", "between March 3 and 7"; the value covers both. */
    RANGE,
    /** A length of time, not a position: "five years", "for three days". */
    DURATION,
    /** The outlet's own dateline: "Pyongyang, August 5 (KCNA)". */
    PUBLICATION_REF
  }

  public TimeExpression {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException("text length does not match span " + start + ".." + end);
    }
  }
}
