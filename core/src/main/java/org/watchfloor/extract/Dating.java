package org.watchfloor.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
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
    return told(r, c, c.triggers().isEmpty() ? c.start() : c.triggers().get(0).start(), c.times(), c.triggers());
  }

  /**
   * The date the sentence tells its happening of {@code type} on. Where it holds triggers of that
   * type and of others, a time expression that stands nearer another type's trigger is that
   * happening's day, not this one's: "the House voted to broaden sanctions, while Seoul spoke of
   * the nuclear test last week" does not date the vote to last week. A type the sentence has no
   * trigger of (the model read it from other words) is dated as the sentence is.
   */
  static EventDate told(Reading r, Candidate c, String type) {
    List<TriggerMatch> own = c.triggers().stream().filter(t -> t.eventType().equals(type)).toList();
    if (own.isEmpty() || own.size() == c.triggers().size()) {
      return told(r, c);
    }
    List<TriggerMatch> others = c.triggers().stream().filter(t -> !t.eventType().equals(type)).toList();
    List<TimeExpression> times = c.times().stream()
        .filter(t -> nearest(t, own) <= nearest(t, others))
        .toList();
    return told(r, c, own.get(0).start(), times, own);
  }

  private static EventDate told(Reading r, Candidate c, int anchorAt, List<TimeExpression> times,
      List<TriggerMatch> triggers) {
    TimeExpression when = times.stream()
        .filter(Dating::placesInTime)
        .min(Comparator.comparingInt((TimeExpression t) -> t.kind() == TimeExpression.Kind.PUBLICATION_REF ? 1 : 0)
            .thenComparingInt(t -> distance(t, anchorAt, triggers)))
        .orElse(null);
    return when == null ? EventDate.UNKNOWN : dateOf(r, when);
  }

  /** The expressions a sentence may be dated by: those of a known position in time. */
  static List<TimeExpression> options(Candidate c) {
    return c.times().stream().filter(Dating::placesInTime).toList();
  }

  /** Whether an expression names a known position in time (a length of time does not). */
  private static boolean placesInTime(TimeExpression t) {
    return t.kind() != TimeExpression.Kind.DURATION && t.value().isKnown();
  }

  /** The day an expression dates a happening to: a short spell by its first day, a weekday of news from Korea by Korea's day. */
  static EventDate dateOf(Reading r, TimeExpression when) {
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

  /** Whether a date lies wholly after the day after {@code anchor}: no day a happening that is not a plan took place on. */
  static boolean ahead(EventDate date, @Nullable LocalDate anchor) {
    return anchor != null && date.isKnown() && date.earliest().isAfter(anchor.plusDays(1));
  }

  /** The day a recent happening told without a day of its own is given: state media report the previous day's. */
  static @Nullable EventDate recent(Reading r) {
    LocalDate anchor = r.anchor();
    return anchor == null ? null : EventDate.day(r.stateMedia() ? anchor.minusDays(1) : anchor);
  }

  private static int distance(TimeExpression t, int at, List<TriggerMatch> triggers) {
    int d = t.start() >= at ? t.start() - at : at - t.end();
    return Math.min(d, nearest(t, triggers));
  }

  static int nearest(TimeExpression t, List<TriggerMatch> triggers) {
    int d = Integer.MAX_VALUE;
    for (TriggerMatch m : triggers) {
      d = Math.min(d, Math.abs(t.start() - m.start()));
    }
    return d;
  }
}
