package org.watchfloor.extract.time;

import static org.watchfloor.extract.time.Lexicon.NUMBER;
import static org.watchfloor.extract.time.Lexicon.WEEKDAY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.time.Candidate.Tense;
import org.watchfloor.extract.time.TimeExpression.Kind;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.EventDate;

/**
 * Expressions counted from the publication day: days, weeks, months and years before or after
 * it, weekdays, weekends, "N days ago", durations and vague references.
 */
final class RelativeRules {

  private static final String POD = "(?:morning|afternoon|evening|night)";

  private RelativeRules() {}

  static List<Rule> rules() {
    return List.of(
        Rule.of(
            "today",
            "(?i)\\b(?:today|tonight|this\\s+" + POD + "|earlier\\s+today)\\b",
            (m, ctx, s, e) -> day(s, e, ctx.anchor(), Tense.NEUTRAL)),
        Rule.of(
            "later-today",
            "(?i)\\blater\\s+(?:today|tonight)\\b",
            (m, ctx, s, e) -> day(s, e, ctx.anchor(), Tense.FUTURE)),
        Rule.of(
            "yesterday",
            "(?i)\\b(?:yesterday(?:\\s+" + POD + ")?|last\\s+night|the\\s+previous\\s+(?:day|night"
                + "|evening)|the\\s+day\\s+before(?!\\s+yesterday))\\b",
            (m, ctx, s, e) -> day(s, e, ctx.anchor().minusDays(1), Tense.PAST)),
        Rule.of(
            "day-before-yesterday",
            "(?i)\\bthe\\s+day\\s+before\\s+yesterday\\b",
            (m, ctx, s, e) -> day(s, e, ctx.anchor().minusDays(2), Tense.PAST)),
        Rule.of(
            "tomorrow",
            "(?i)\\b(?:tomorrow(?:\\s+" + POD + ")?|the\\s+day\\s+after\\s+tomorrow)\\b",
            (m, ctx, s, e) ->
                day(
                    s,
                    e,
                    ctx.anchor().plusDays(m.group().toLowerCase(java.util.Locale.ROOT)
                        .contains("after") ? 2 : 1),
                    Tense.FUTURE)),
        Rule.of(
            "ago",
            "(?i)\\b(?<n>" + NUMBER + "|some)\\s+(?<u>day|week|month|year)s?\\s+ago\\b",
            RelativeRules::ago),
        Rule.of(
            "this-last-next",
            "(?i)\\b(?:(?<mod>earlier|later|early|mid|late|(?:at\\s+)?the\\s+(?:start|beginning"
                + "|end|middle)\\s+of)[\\s-]+)?(?<rel>this|last|next|the\\s+previous|the\\s+coming"
                + "|the\\s+following|the\\s+past|in\\s+the)\\s+(?<u>week|month|year)\\b",
            RelativeRules::period),
        Rule.of(
            "weekend",
            "(?i)\\b(?:(?:over|during|on|at)\\s+the\\s+weekend|(?<rel>last|this|next|this\\s+past"
                + "|this\\s+coming)\\s+weekend)\\b",
            RelativeRules::weekend),
        Rule.of(
            "weekday-of-week",
            "\\b(?:(?i:on)\\s+)?(?<x>(?<w>" + WEEKDAY + ")(?:\\s+|\\s+of\\s+)(?<rel>(?i:last|next|this))\\s+(?i:week))\\b",
            RelativeRules::weekdayOfWeek),
        Rule.of(
            "weekday",
            "\\b(?:(?i:on|since|by|until|till|before|after|from)\\s+)?(?<x>(?:(?<rel>(?i:last"
                + "|next|this\\s+coming|this\\s+past|this|the\\s+coming|coming|past))\\s+)?(?:(?"
                + "<pm>(?i:early|late))\\s+)?(?<w>"
                + WEEKDAY
                + ")(?:(?:\\s+|-)(?<pod>(?i:"
                + POD
                + ")))?)\\b(?!,?\\s+(?:[0-9]|"
                + Lexicon.MONTH
                + "))",
            RelativeRules::weekday),
        Rule.of(
            "other-day",
            "(?i)\\b(?:just\\s+)?the\\s+other\\s+day\\b|\\bin\\s+recent\\s+days\\b",
            (m, ctx, s, e) ->
                new Candidate(
                    s,
                    e,
                    new EventDate(
                        ctx.anchor().minusDays(7), ctx.anchor().minusDays(1), DatePrecision.WEEK),
                    Kind.RELATIVE,
                    Tense.PAST)),
        // Vague pasts are tagged so a reader knows a time is referred to, but they date nothing.
        Rule.of(
            "recently",
            "(?i)\\b(?:recently|lately|not\\s+long\\s+ago|in\\s+recent\\s+(?:weeks|months|years"
                + "|decades)|(?:(?:some|many|several|a\\s+few)\\s+)?(?:weeks|months|years|decades)"
                + "\\s+ago)\\b",
            (m, ctx, s, e) -> new Candidate(s, e, EventDate.UNKNOWN, Kind.RELATIVE, Tense.PAST)),
        Rule.of(
            "duration",
            "(?i)\\b(?:(?:for|over|during|within|in|after)\\s+)?(?:(?:the\\s+)?(?:past|last|next"
                + "|coming|previous|following)\\s+)?(?:(?:more\\s+than|over|about|nearly|almost"
                + "|some|around)\\s+)?(?<n>"
                + NUMBER
                + ")[\\s-]+(?<u>(?:day|week|month|year|decade|hour|minute)s?)(?:[\\s-]+long)?"
                + "\\b",
            RelativeRules::duration));
  }

  private static Candidate day(int s, int e, LocalDate d, Tense tense) {
    return new Candidate(s, e, EventDate.day(d), Kind.RELATIVE, tense);
  }

  private static Candidate ago(Matcher m, Context ctx, int s, int e) {
    int n = Lexicon.number(m.group("n"));
    LocalDate a = ctx.anchor();
    if (n < 0) {
      // "a few days ago": within the last week and a half; vaguer counts of longer units date nothing.
      EventDate v =
          Lexicon.lower(m.group("u")).equals("day")
              ? new EventDate(a.minusDays(10), a.minusDays(2), DatePrecision.WEEK)
              : EventDate.UNKNOWN;
      return new Candidate(s, e, v, Kind.RELATIVE, Tense.PAST);
    }
    EventDate v =
        switch (Lexicon.lower(m.group("u"))) {
          case "day" -> EventDate.day(a.minusDays(n));
          case "week" -> EventDate.weekOf(a.minusWeeks(n));
          case "month" -> {
            YearMonth ym = YearMonth.from(a).minusMonths(n);
            yield EventDate.month(ym.getYear(), ym.getMonthValue());
          }
          default -> EventDate.year(a.getYear() - n);
        };
    return new Candidate(s, e, v, Kind.RELATIVE, Tense.PAST);
  }

  private static @Nullable Candidate period(Matcher m, Context ctx, int s, int e) {
    String rel = Lexicon.lower(m.group("rel")).replaceAll("\\s+", " ");
    if (rel.equals("the following") || (rel.equals("in the") && m.group("mod") == null)) {
      return null; // follows another event, not the publication day
    }
    int offset =
        switch (rel) {
          case "last", "the previous", "the past" -> -1;
          case "next", "the coming" -> 1;
          default -> 0; // "this", and "in the" of "earlier in the month"
        };
    String unit = Lexicon.lower(m.group("u"));
    LocalDate a = ctx.anchor();
    EventDate whole =
        switch (unit) {
          case "week" -> EventDate.weekOf(a.plusWeeks(offset));
          case "month" -> {
            YearMonth ym = YearMonth.from(a).plusMonths(offset);
            yield EventDate.month(ym.getYear(), ym.getMonthValue());
          }
          default -> EventDate.year(a.getYear() + offset);
        };
    Tense tense = offset < 0 ? Tense.PAST : offset > 0 ? Tense.FUTURE : Tense.NEUTRAL;
    String mod = m.group("mod") == null ? null : Lexicon.lower(m.group("mod"));
    EventDate value;
    if ("earlier".equals(mod) && offset == 0) {
      // "earlier this week": from the start of the period to the publication day.
      value = new EventDate(whole.earliest(), a, whole.precision());
      tense = Tense.PAST;
    } else if ("later".equals(mod) && offset == 0) {
      value = new EventDate(a, whole.latest(), whole.precision());
      tense = Tense.FUTURE;
    } else if (mod == null || mod.equals("earlier") || mod.equals("later")) {
      value = whole;
    } else {
      value = Periods.part(whole, mod);
    }
    return new Candidate(s, e, value, Kind.RELATIVE, tense);
  }

  private static Candidate weekend(Matcher m, Context ctx, int s, int e) {
    LocalDate a = ctx.anchor();
    String rel = m.group("rel") == null ? "" : Lexicon.lower(m.group("rel")).replaceAll("\\s+", " ");
    LocalDate lastSaturday = Periods.weekday(DayOfWeek.SATURDAY, a, -1, true);
    if (a.getDayOfWeek() == DayOfWeek.SUNDAY) {
      lastSaturday = a.minusDays(1);
    }
    LocalDate saturday;
    Tense tense;
    switch (rel) {
      case "next", "this coming" -> {
        saturday = Periods.weekday(DayOfWeek.SATURDAY, a, 1, false);
        tense = Tense.FUTURE;
      }
      case "this" -> {
        saturday = Periods.weekday(DayOfWeek.SATURDAY, a, 0, true);
        tense = Tense.NEUTRAL;
      }
      case "last" -> {
        saturday =
            a.getDayOfWeek().getValue() >= 6 ? lastSaturday.minusWeeks(1) : lastSaturday;
        tense = Tense.PAST;
      }
      default -> {
        saturday = lastSaturday;
        tense = Tense.PAST;
      }
    }
    if (rel.isEmpty() && ctx.futureCue(s)) {
      saturday = Periods.weekday(DayOfWeek.SATURDAY, a, 1, true);
      tense = Tense.FUTURE;
    }
    return new Candidate(
        s,
        e,
        new EventDate(saturday, saturday.plusDays(1), DatePrecision.WEEK),
        Kind.RELATIVE,
        tense);
  }

  /**
   * A weekday. Unqualified, it is the latest such day on or before the publication day (news
   * reports the past: "on Friday" published on a Saturday is yesterday, published on a Friday
   * is that day); in a clause about the future, the next such day on or after it.
   */
  /** "Wednesday last week": that weekday in the week before (or after, or of) the anchor's. */
  private static Candidate weekdayOfWeek(Matcher m, Context ctx, int s, int e) {
    DayOfWeek dow = Lexicon.weekday(m.group("w"));
    String rel = Lexicon.lower(m.group("rel"));
    int weeks = rel.equals("last") ? -1 : rel.equals("next") ? 1 : 0;
    LocalDate monday = ctx.anchor().with(DayOfWeek.MONDAY).plusWeeks(weeks);
    Tense tense = weeks < 0 ? Tense.PAST : weeks > 0 ? Tense.FUTURE : Tense.NEUTRAL;
    return new Candidate(s, e, EventDate.day(monday.plusDays(dow.getValue() - 1)), Kind.RELATIVE, tense);
  }

  private static Candidate weekday(Matcher m, Context ctx, int s, int e) {
    DayOfWeek dow = Lexicon.weekday(m.group("w"));
    LocalDate a = ctx.anchor();
    String rel = m.group("rel") == null ? "" : Lexicon.lower(m.group("rel")).replaceAll("\\s+", " ");
    LocalDate d;
    Tense tense;
    switch (rel) {
      case "last", "this past", "past" -> {
        d = Periods.weekday(dow, a, -1, false);
        tense = Tense.PAST;
      }
      case "next", "this coming", "the coming", "coming" -> {
        d = Periods.weekday(dow, a, 1, false);
        tense = Tense.FUTURE;
      }
      case "this" -> {
        d = Periods.weekday(dow, a, 0, true);
        tense = Tense.NEUTRAL;
      }
      default -> {
        boolean future = ctx.futureCue(s);
        d = Periods.weekday(dow, a, future ? 1 : -1, true);
        tense = future ? Tense.FUTURE : Tense.NEUTRAL;
      }
    }
    return new Candidate(s, e, EventDate.day(d), Kind.RELATIVE, tense);
  }

  private static @Nullable Candidate duration(Matcher m, Context ctx, int s, int e) {
    int n = Lexicon.number(m.group("n"));
    if (n == 0) {
      return null;
    }
    String words = m.group();
    if (n == 1 && words.indexOf('-') < 0 && words.length() == e - s
        && Character.isLetter(words.charAt(0)) && Lexicon.number(words.split("\\s+")[0]) == 1) {
      return null; // bare "one day" / "a year": narrative ("One day in June"), not a length
    }
    return new Candidate(s, e, EventDate.UNKNOWN, Kind.DURATION, Tense.NEUTRAL);
  }
}
