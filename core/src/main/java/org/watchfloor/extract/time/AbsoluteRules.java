package org.watchfloor.extract.time;

import static org.watchfloor.extract.time.Lexicon.DAY_NUM;
import static org.watchfloor.extract.time.Lexicon.MONTH;
import static org.watchfloor.extract.time.Lexicon.WEEKDAY;
import static org.watchfloor.extract.time.Lexicon.YEAR;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.time.Candidate.Tense;
import org.watchfloor.extract.time.TimeExpression.Kind;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.EventDate;

/** Calendar dates, months, years, their parts and ranges, Juche years and datelines. */
final class AbsoluteRules {

  /** A month name not running into a longer word ("Mar" but not "Marching"). */
  private static final String M = "(?<m>" + MONTH + ")(?![A-Za-z])";

  private static final String OPT_WEEKDAY = "(?:" + WEEKDAY + ",?\\s+)?";

  private static final String TO = "\\s*(?:-|–|—|(?i:to|and|through|until|till))\\s*";

  static final String YEAR_MOD =
      "(?i:early|mid|late|(?:the\\s+)?(?:beginning|start|end|middle)\\s+of"
          + "|(?:the\\s+)?(?:first|second)\\s+half\\s+of"
          + "|(?:the\\s+)?(?:first|second|third|fourth)\\s+quarter\\s+of)";

  private AbsoluteRules() {}

  static List<Rule> rules() {
    return List.of(
        Rule.of(
            "dateline",
            "(?m)^[\\s\\p{Z}]*[A-Z][A-Za-z]+(?:[ /,][A-Z][A-Za-z]+)*,\\s+(?<x>"
                + M
                + "\\s+(?<d>"
                + DAY_NUM
                + "))\\s+\\((?:(?:KCNA|Reuters|AP|AFP|Yonhap|UPI|Kyodo)\\)"
                // (any other wire's credit, where the dash that ends a dateline follows it)
                + "|[A-Z][A-Za-z.&']*(?: [A-Z][A-Za-z.&']*){0,4}\\)\\s*(?:--|—))",
            AbsoluteRules::dateline),
        Rule.of(
            "day-month-year",
            "\\b" + OPT_WEEKDAY + "(?<d>" + DAY_NUM + ")\\s+(?:of\\s+)?" + M + "\\.?,?\\s+(?<y>"
                + YEAR + ")\\b",
            AbsoluteRules::fullDate),
        Rule.of(
            "month-day-year",
            "\\b" + OPT_WEEKDAY + M + "\\.?\\s+(?<d>" + DAY_NUM + ")\\b,?\\s+(?<y>" + YEAR
                + ")\\b",
            AbsoluteRules::fullDate),
        Rule.of(
            "month-day",
            "\\b" + OPT_WEEKDAY + M + "\\.?\\s+(?<d>" + DAY_NUM + ")\\b(?![:.,]?[0-9])",
            AbsoluteRules::yearlessDate),
        Rule.of(
            "day-month",
            "\\b" + OPT_WEEKDAY + "(?<d>" + DAY_NUM + ")\\s+(?:of\\s+)?" + M,
            AbsoluteRules::yearlessDate),
        Rule.of(
            "iso-date",
            "\\b(?<y>" + YEAR + ")-(?<mo>0[1-9]|1[0-2])-(?<d>0[1-9]|[12][0-9]|3[01])\\b",
            (m, ctx, s, e) ->
                absolute(
                    s,
                    e,
                    EventDate.day(
                        LocalDate.of(
                            Integer.parseInt(m.group("y")),
                            Integer.parseInt(m.group("mo")),
                            Integer.parseInt(m.group("d")))))),
        // US order (month first) unless the first number cannot be a month.
        Rule.of(
            "slash-date",
            "\\b(?<a>[0-3]?[0-9])/(?<b>[0-3]?[0-9])/(?<y>" + YEAR + ")\\b",
            AbsoluteRules::slashDate),
        Rule.of(
            "month-year",
            "\\b(?:(?<mod>(?i:early|mid|late|(?:the\\s+)?(?:beginning|start|end|middle)\\s+of))"
                + "[\\s-]*)?"
                + M
                + "\\.?,?\\s+(?<y>"
                + YEAR
                + ")\\b",
            (m, ctx, s, e) ->
                absolute(
                    s,
                    e,
                    Periods.part(
                        EventDate.month(
                            Integer.parseInt(m.group("y")), Lexicon.month(m.group("m"))),
                        m.group("mod")))),
        // "November Juche 111 (2022)", "April last year", "in March this year".
        Rule.of(
            "month-of-year-phrase",
            "\\b(?:(?<mod>(?i:early|mid|late))[\\s-]+)?"
                + M
                + "\\.?,?\\s+(?:Juche\\s+(?<j>[0-9]{1,3})(?:\\s*\\((?<y>"
                + YEAR
                + ")\\))?|(?<rel>(?i:this|last|next))\\s+(?i:year)\\b)",
            AbsoluteRules::monthOfYearPhrase),
        Rule.of(
            "month",
            "\\b(?:(?<pre>(?i:in|since|during|by|until|till|before|after|through|from|of))\\s+)?"
                + "(?<x>(?:(?<rel>(?i:last|next|this past|this coming))\\s+)?"
                + "(?:(?<mod>(?i:early|mid|late|(?:the\\s+)?(?:beginning|start|end|middle)\\s+of))"
                + "[\\s-]*)?"
                + M
                + ")(?!\\.?\\s*[0-9])",
            AbsoluteRules::yearlessMonth),
        Rule.of(
            "year-part",
            "\\b(?<mod>"
                + YEAR_MOD
                + ")[\\s-]*(?:(?<y>"
                + YEAR
                + ")\\b|(?<rel>(?i:this|last|next|the\\s+previous|the\\s+past|the\\s+coming"
                + "|the\\s+following))\\s+(?i:year)\\b)",
            AbsoluteRules::yearPart),
        Rule.of(
            "year",
            "(?<![0-9,.$£€#/-])(?<!(?i:resolution|no\\.|number|unit|article|route|flight|model"
                + "|type)\\s)\\b(?<y>"
                + YEAR
                + ")\\b(?![,.]?[0-9])(?!\\s*(?i:km|kilometers|kilometres|miles|meters|metres"
                + "|tons|tonnes|people|troops|soldiers|percent|%|mm)\\b)",
            (m, ctx, s, e) -> absolute(s, e, EventDate.year(Integer.parseInt(m.group("y"))))),
        Rule.of(
            "decade",
            "\\b(?:the\\s+)?(?<y>(?:1[89]|20)[0-9]0)'?s\\b",
            (m, ctx, s, e) -> {
              int y = Integer.parseInt(m.group("y"));
              return new Candidate(
                  s,
                  e,
                  new EventDate(
                      LocalDate.of(y, 1, 1), LocalDate.of(y + 9, 12, 31), DatePrecision.YEAR),
                  Kind.RANGE,
                  Tense.NEUTRAL);
            }),
        Rule.of(
            "year-range",
            "\\b(?:(?i:from|between)\\s+)?(?<y1>" + YEAR + ")" + TO + "(?<y2>" + YEAR
                + "|[0-9]{2})\\b(?![,.]?[0-9])",
            AbsoluteRules::yearRange),
        Rule.of(
            "day-range",
            "\\b(?:(?i:from|between)\\s+)?"
                + M
                + "\\.?\\s+(?<d1>"
                + DAY_NUM
                + ")"
                + TO
                + "(?:(?<m2>"
                + MONTH
                + ")(?![A-Za-z])\\.?\\s+)?(?<d2>"
                + DAY_NUM
                + ")\\b(?:,?\\s+(?<y>"
                + YEAR
                + ")\\b)?(?![:.]?[0-9])",
            AbsoluteRules::dayRange),
        Rule.of(
            "day-range-dmy",
            "\\b(?:(?i:from|between)\\s+)?(?<d1>"
                + DAY_NUM
                + ")"
                + TO
                + "(?<d2>"
                + DAY_NUM
                + ")\\s+"
                + M
                + "(?:,?\\s+(?<y>"
                + YEAR
                + ")\\b)?",
            AbsoluteRules::dayRange),
        Rule.of(
            "month-range",
            "\\b(?:(?i:from|between)\\s+)?(?<m1>"
                + MONTH
                + ")(?![A-Za-z])\\.?"
                + TO
                + M
                + "\\.?,?\\s+(?<y>"
                + YEAR
                + ")\\b",
            (m, ctx, s, e) -> {
              int y = Integer.parseInt(m.group("y"));
              EventDate a = EventDate.month(y, Lexicon.month(m.group("m1")));
              EventDate b = EventDate.month(y, Lexicon.month(m.group("m")));
              return range(s, e, a, b, DatePrecision.MONTH);
            }),
        // Holidays that name one day of the year: "a New Year's Day statement" is of 1 January.
        // ("Christmas" alone is left out: North Korea's "Christmas gift" was a threat, not a day.)
        Rule.of(
            "holiday",
            "(?i)\\b(?<h>new\\s+year(?:'|\u2019)?s\\s+(?:day|eve)|christmas\\s+(?:day|eve))\\b",
            AbsoluteRules::holiday),
        Rule.of(
            "juche",
            "\\bJuche\\s+(?<j>[0-9]{1,3})(?![0-9])(?:\\s*\\((?<y>" + YEAR + ")\\))?",
            (m, ctx, s, e) -> {
              int y =
                  m.group("y") != null
                      ? Integer.parseInt(m.group("y"))
                      : 1911 + Integer.parseInt(m.group("j"));
              return absolute(s, e, EventDate.year(y));
            }));
  }

  private static Candidate absolute(int s, int e, EventDate value) {
    return new Candidate(s, e, value, Kind.ABSOLUTE, Tense.NEUTRAL);
  }

  private static Candidate range(int s, int e, EventDate a, EventDate b, DatePrecision p) {
    LocalDate from = a.earliest().isBefore(b.earliest()) ? a.earliest() : b.earliest();
    LocalDate to = a.latest().isAfter(b.latest()) ? a.latest() : b.latest();
    return new Candidate(s, e, new EventDate(from, to, p), Kind.RANGE, Tense.NEUTRAL);
  }

  private static Candidate dateline(Matcher m, Context ctx, int s, int e) {
    LocalDate d =
        Periods.yearlessDay(
            Lexicon.month(m.group("m")), Lexicon.dayNumber(m.group("d")), ctx.anchor(), false);
    return new Candidate(s, e, EventDate.day(d), Kind.PUBLICATION_REF, Tense.PAST);
  }

  private static Candidate fullDate(Matcher m, Context ctx, int s, int e) {
    return absolute(
        s,
        e,
        EventDate.day(
            LocalDate.of(
                Integer.parseInt(m.group("y")),
                Lexicon.month(m.group("m")),
                Lexicon.dayNumber(m.group("d")))));
  }

  private static Candidate yearlessDate(Matcher m, Context ctx, int s, int e) {
    LocalDate d =
        Periods.yearlessDay(
            Lexicon.month(m.group("m")),
            Lexicon.dayNumber(m.group("d")),
            ctx.anchor(),
            ctx.futureCue(s));
    return absolute(s, e, EventDate.day(d));
  }

  private static Candidate holiday(Matcher m, Context ctx, int s, int e) {
    String h = m.group("h").toLowerCase(java.util.Locale.ROOT);
    boolean newYear = h.startsWith("new");
    boolean eve = h.endsWith("eve");
    int month = newYear && !eve ? 1 : 12;
    int day = newYear ? (eve ? 31 : 1) : (eve ? 24 : 25);
    return absolute(s, e, EventDate.day(Periods.yearlessDay(month, day, ctx.anchor(), ctx.futureCue(s))));
  }

  private static @Nullable Candidate slashDate(Matcher m, Context ctx, int s, int e) {
    int a = Integer.parseInt(m.group("a"));
    int b = Integer.parseInt(m.group("b"));
    int y = Integer.parseInt(m.group("y"));
    if (a >= 1 && a <= 12) {
      return absolute(s, e, EventDate.day(LocalDate.of(y, a, b)));
    }
    return absolute(s, e, EventDate.day(LocalDate.of(y, b, a)));
  }

  private static @Nullable Candidate yearlessMonth(Matcher m, Context ctx, int s, int e) {
    if (m.group("pre") == null && m.group("rel") == null && m.group("mod") == null) {
      return null; // a bare capitalised "May" or "March" is too often not a month
    }
    int direction = 0;
    Tense tense = Tense.NEUTRAL;
    if (m.group("rel") != null) {
      String r = Lexicon.lower(m.group("rel"));
      direction = r.equals("last") || r.equals("this past") ? -1 : 1;
      tense = direction < 0 ? Tense.PAST : Tense.FUTURE;
    }
    YearMonth ym =
        Periods.yearlessMonth(
            Lexicon.month(m.group("m")), ctx.anchor(), ctx.futureCue(s), direction);
    EventDate value =
        Periods.part(EventDate.month(ym.getYear(), ym.getMonthValue()), m.group("mod"));
    return new Candidate(s, e, value, Kind.ABSOLUTE, tense);
  }

  private static Candidate monthOfYearPhrase(Matcher m, Context ctx, int s, int e) {
    int year;
    Kind kind = Kind.ABSOLUTE;
    Tense tense = Tense.NEUTRAL;
    if (m.group("y") != null) {
      year = Integer.parseInt(m.group("y"));
    } else if (m.group("j") != null) {
      year = 1911 + Integer.parseInt(m.group("j"));
    } else {
      String rel = Lexicon.lower(m.group("rel"));
      kind = Kind.RELATIVE;
      int offset = rel.equals("last") ? -1 : rel.equals("next") ? 1 : 0;
      year = ctx.anchor().getYear() + offset;
      tense = offset < 0 ? Tense.PAST : offset > 0 ? Tense.FUTURE : Tense.NEUTRAL;
    }
    EventDate value = Periods.part(EventDate.month(year, Lexicon.month(m.group("m"))), m.group("mod"));
    return new Candidate(s, e, value, kind, tense);
  }

  private static Candidate yearPart(Matcher m, Context ctx, int s, int e) {
    Kind kind = Kind.ABSOLUTE;
    Tense tense = Tense.NEUTRAL;
    int year;
    if (m.group("y") != null) {
      year = Integer.parseInt(m.group("y"));
    } else {
      String rel = Lexicon.lower(m.group("rel")).replaceAll("\\s+", " ");
      kind = Kind.RELATIVE;
      year = ctx.anchor().getYear();
      if (rel.equals("last") || rel.equals("the previous") || rel.equals("the past")) {
        year--;
        tense = Tense.PAST;
      } else if (rel.equals("next") || rel.equals("the coming") || rel.equals("the following")) {
        year++;
        tense = Tense.FUTURE;
      }
    }
    EventDate value = Periods.part(EventDate.year(year), m.group("mod"));
    return new Candidate(s, e, value, kind, tense);
  }

  private static @Nullable Candidate yearRange(Matcher m, Context ctx, int s, int e) {
    int y1 = Integer.parseInt(m.group("y1"));
    String b = m.group("y2");
    int y2 = b.length() == 2 ? y1 / 100 * 100 + Integer.parseInt(b) : Integer.parseInt(b);
    if (y2 <= y1 || y2 - y1 > 100) {
      return null;
    }
    return range(s, e, EventDate.year(y1), EventDate.year(y2), DatePrecision.YEAR);
  }

  private static @Nullable Candidate dayRange(Matcher m, Context ctx, int s, int e) {
    int month1 = Lexicon.month(m.group("m"));
    int month2 = month1;
    if (m.pattern().pattern().contains("(?<m2>") && m.group("m2") != null) {
      month2 = Lexicon.month(m.group("m2"));
    }
    int d1 = Lexicon.dayNumber(m.group("d1"));
    int d2 = Lexicon.dayNumber(m.group("d2"));
    LocalDate first;
    if (m.group("y") != null) {
      first = LocalDate.of(Integer.parseInt(m.group("y")), month1, d1);
    } else {
      first = Periods.yearlessDay(month1, d1, ctx.anchor(), ctx.futureCue(s));
    }
    LocalDate last = LocalDate.of(first.getYear(), month2, d2);
    if (last.isBefore(first)) {
      if (month2 < month1) {
        last = last.plusYears(1);
      } else {
        return null;
      }
    }
    return new Candidate(
        s, e, new EventDate(first, last, DatePrecision.DAY), Kind.RANGE, Tense.NEUTRAL);
  }
}
