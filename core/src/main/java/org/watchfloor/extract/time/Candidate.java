package org.watchfloor.extract.time;

import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.EventDate;

/** A rule's match before overlaps are settled; {@code tense} says how its wording points. */
record Candidate(
    int start,
    int end,
    EventDate value,
    TimeExpression.Kind kind,
    Tense tense,
    @Nullable LocalTime timeOfDay,
    @Nullable ZoneId zone,
    int priority) {

  enum Tense {
    PAST,
    FUTURE,
    /** The wording does not say; the clause and the value decide. */
    NEUTRAL
  }

  Candidate(int start, int end, EventDate value, TimeExpression.Kind kind, Tense tense) {
    this(start, end, value, kind, tense, null, null, 0);
  }

  int length() {
    return end - start;
  }

  Candidate withPriority(int p) {
    return new Candidate(start, end, value, kind, tense, timeOfDay, zone, p);
  }
}
