package org.watchfloor.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.EventDate;

/**
 * The day a candidate sentence tells its happening on: the time expression of its own that
 * stands nearest its trigger (a dateline only when nothing else dates it), or none.
 */
final class Dating {

  /** Days a dated spell of activity (an exercise, a tour) may last and still be one event, dated by its first day. */
  static final int MAX_SPELL_DAYS = 31;

  private static final Pattern WEEKDAY = Pattern.compile(
      "\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b", Pattern.CASE_INSENSITIVE);

  private Dating() {}

  /** The date the sentence itself tells, or {@link EventDate#UNKNOWN}. */
  static EventDate told(Reading r, Candidate c) {
    int anchorAt = c.triggers().isEmpty() ? c.start() : c.triggers().get(0).start();
    TimeExpression when = c.times().stream()
        .filter(t -> t.kind() != TimeExpression.Kind.DURATION && t.value().isKnown())
        .min(Comparator.comparingInt((TimeExpression t) -> t.kind() == TimeExpression.Kind.PUBLICATION_REF ? 1 : 0)
            .thenComparingInt(t -> distance(t, anchorAt, c)))
        .orElse(null);
    if (when == null) {
      return EventDate.UNKNOWN;
    }
    EventDate date = when.value();
    if (when.kind() == TimeExpression.Kind.RANGE && date.precision() == DatePrecision.DAY
        && ChronoUnit.DAYS.between(date.earliest(), date.latest()) <= MAX_SPELL_DAYS) {
      date = EventDate.day(date.earliest()); // "drills from August 19 to 29" begin on the 19th
    }
    LocalDate anchor = r.anchor();
    if (anchor != null && !r.stateMedia() && when.kind() == TimeExpression.Kind.RELATIVE
        && WEEKDAY.matcher(when.text()).find() && date.equals(EventDate.day(anchor.minusDays(6)))) {
      // "fired on Sunday" in a paper dated Saturday: news from Korea, 13 to 17 hours ahead of
      // the publisher's zone, not a day almost a week old
      date = EventDate.day(anchor.plusDays(1));
    }
    return date;
  }

  /** The day a recent happening told without a day of its own is given: state media report the previous day's. */
  static @Nullable EventDate recent(Reading r) {
    LocalDate anchor = r.anchor();
    return anchor == null ? null : EventDate.day(r.stateMedia() ? anchor.minusDays(1) : anchor);
  }

  private static int distance(TimeExpression t, int at, Candidate c) {
    int d = t.start() >= at ? t.start() - at : at - t.end();
    for (TriggerMatch m : c.triggers()) {
      d = Math.min(d, Math.abs(t.start() - m.start()));
    }
    return d;
  }
}
