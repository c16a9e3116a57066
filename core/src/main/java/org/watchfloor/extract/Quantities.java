package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.Quantity.Dimension;
import org.watchfloor.extract.Quantity.Qualifier;
import org.watchfloor.extract.Quantity.Unit;

/**
 * Reads the measures a sentence states ({@link Quantity}): numbers with thousands separators and
 * decimals ("6,648.4 km", "4,491 seconds"), ranges ("400 to 500 km", "between 60 and 70
 * minutes", "300-400 km"), lengths in kilometres, metres, miles, nautical miles and feet, times
 * in hours, minutes and seconds, joined times ("1 hour 14 minutes"), the hedge in front ("about",
 * "more than") and a restatement in brackets ("30 km (19 miles)"), which is one measure.
 *
 * <p>A number that is part of a name is never a measure: "Unha-3", "KN-25", "Hwasong-18",
 * "KN25". Neither is a speed ("3,000 km/h") or an amount of money. A measure followed by a
 * bearing ("200 km west of …", "200 km off the coast") is marked as an offset: it places a
 * point, it is not a distance flown.
 *
 * <p>Numbers are read by hand, a character at a time, rather than by one pattern: thousands
 * groups, decimals and the designator rule need to look both ways from a digit, and a hand
 * reader does so in time linear in the sentence.
 */
final class Quantities {

  private static final String BLANK = "[ \\u00A0\\u202F\\u2009]";

  private static final Pattern UNIT = Pattern.compile("(?i)" + BLANK + "?+[-\\u2010\\u2011]?+" + BLANK + "?+"
      + "(nautical" + BLANK + "++miles?|kilomet(?:er|re)s?|kms?|miles?|mi|nmi|nm|metres?|meters?|m|feet|foot|ft"
      + "|hours?|hrs?|minutes?|mins?|seconds?|secs?)(?![\\p{L}\\p{N}])");

  /** Right after a length: it is a speed. */
  private static final Pattern PER = Pattern.compile(
      "(?i)\\s{0,3}+(?:/\\s{0,3}+(?:h|hr|hour|s|sec)(?![\\p{L}])|per\\s++(?:hour|second|minute)|an\\s++hour|a\\s++second)");

  /** Between the two numbers of a range. */
  private static final Pattern TO = Pattern.compile(
      "(?i)" + BLANK + "{0,3}+(?:[-\\u2010\\u2011\\u2013\\u2014]|to(?![\\p{L}])|or(?![\\p{L}])|and(?![\\p{L}]))" + BLANK + "{0,3}+");

  /** Right after a length: a bearing from a place. */
  private static final Pattern BEARING = Pattern.compile(
      "(?i)\\s{0,3}+(?:(?:due\\s++)?(?:north|south|east|west)(?:[- ]?+(?:north|south|east|west)){0,2}+(?:ward)?+\\s++"
          + "(?:of|from|off)|off)(?![\\p{L}])");

  /** Right after a time: a smaller unit that adds to it ("1 hour 14 minutes", "4 minutes and 30 seconds"). */
  private static final Pattern JOIN = Pattern.compile("(?i)[ ,]{0,3}+(?:and\\s++)?+");

  /** The hedge that ends the words before a number (read from a short window, lower-cased). */
  private static final Pattern HEDGE = Pattern.compile(
      "(?:^|[^\\p{L}])(about|around|approximately|approx\\.|roughly|some|nearly|almost|close to|(?:an )?estimated|~"
          + "|more than|over|at least|above|in excess of|up to|as (?:much|far|high|long) as|less than|under|below|at most)"
          + "\\s*+$");

  /** "between" (a range joined by "and") or "from" ending the words before a number. */
  private static final Pattern BETWEEN = Pattern.compile("(?:^|[^\\p{L}])(between|from)\\s++$");

  private static final int WINDOW = 24;

  private Quantities() {}

  /** The measures of {@code sentence}, in order. */
  static List<Quantity> in(String sentence) {
    List<Quantity> out = new ArrayList<>();
    int i = 0;
    int n = sentence.length();
    while (i < n) {
      if (!isDigit(sentence.charAt(i))) {
        i++;
        continue;
      }
      Num first = Num.read(sentence, i);
      if (!startsMeasure(sentence, i)) {
        i = skipWord(sentence, first.end);
        continue;
      }
      Quantity q = measureAt(sentence, first);
      if (q == null) {
        i = first.end;
        continue;
      }
      out.add(q);
      i = q.follows();
    }
    return out;
  }

  /**
   * Whether the digit at {@code at} may start a measure: not inside a name ("Unha-3", "KN25"),
   * a word, a date ("2023-11-21") or an amount of money.
   */
  static boolean startsMeasure(String s, int at) {
    if (at == 0) {
      return true;
    }
    char before = s.charAt(at - 1);
    if (Character.isLetterOrDigit(before) || before == '$' || before == '\u20AC' || before == '\u00A3'
        || before == '\u00A5' || before == '#') {
      return false;
    }
    if (isHyphen(before) && at >= 2) {
      return !Character.isLetterOrDigit(s.charAt(at - 2));
    }
    return !((before == '.' || before == ',') && at >= 2 && isDigit(s.charAt(at - 2)));
  }

  private static @Nullable Quantity measureAt(String s, Num first) {
    Unit firstUnit = unitAt(s, first.end);
    int afterFirst = firstUnit == null ? first.end : unitEnd(s, first.end);
    Num second = null;
    Unit unit = firstUnit;
    int end = afterFirst;
    Matcher to = TO.matcher(s).region(afterFirst, s.length());
    if (to.lookingAt() && to.end() < s.length() && isDigit(s.charAt(to.end()))
        && (!to.group().toLowerCase(Locale.ROOT).contains("and") || window(s, first.start).stripTrailing().endsWith("between"))) {
      Num next = Num.read(s, to.end());
      Unit nextUnit = unitAt(s, next.end);
      if (nextUnit != null && next.value >= first.value && (firstUnit == null || firstUnit == nextUnit)) {
        second = next;
        unit = nextUnit;
        end = unitEnd(s, next.end);
      }
    }
    if (unit == null || (unit.dimension == Dimension.LENGTH && PER.matcher(s).region(end, s.length()).lookingAt())) {
      return null;
    }
    double low = first.value;
    double high = second == null ? low : second.value;
    if (second == null && unit.dimension == Dimension.TIME) {
      Matcher join = JOIN.matcher(s).region(end, s.length());
      if (join.lookingAt() && join.end() < s.length() && isDigit(s.charAt(join.end()))) {
        Num more = Num.read(s, join.end());
        Unit smaller = unitAt(s, more.end);
        if (smaller != null && smaller.dimension == Dimension.TIME && smaller.base < unit.base) {
          low = low * (unit.base / smaller.base) + more.value;
          high = low;
          unit = smaller;
          end = unitEnd(s, more.end);
        }
      }
    }
    int follows = restatementEnd(s, end, unit.dimension);
    boolean offset = unit.dimension == Dimension.LENGTH && BEARING.matcher(s).region(follows, s.length()).lookingAt();
    return new Quantity(low, high, unit, qualifier(s, first.start), first.start, end, follows, offset);
  }

  /** After "30 km (19 miles)", the offset after the bracket; else {@code end}. */
  private static int restatementEnd(String s, int end, Dimension dimension) {
    int p = skipBlanks(s, end);
    if (p >= s.length() || s.charAt(p) != '(') {
      return end;
    }
    int digit = p + 1;
    while (digit < s.length() && digit - p <= WINDOW && !isDigit(s.charAt(digit)) && s.charAt(digit) != ')') {
      digit++;
    }
    if (digit >= s.length() || !isDigit(s.charAt(digit)) || !startsMeasure(s, digit)) {
      return end;
    }
    Quantity inner = measureAt(s, Num.read(s, digit));
    if (inner == null || inner.dimension() != dimension) {
      return end;
    }
    int close = skipBlanks(s, inner.follows());
    return close < s.length() && s.charAt(close) == ')' ? close + 1 : end;
  }

  private static Qualifier qualifier(String s, int start) {
    String before = window(s, start);
    Matcher between = BETWEEN.matcher(before);
    if (between.find()) {
      before = before.substring(0, between.start(1));
    }
    Matcher hedge = HEDGE.matcher(before);
    if (!hedge.find()) {
      return Qualifier.EXACT;
    }
    return switch (hedge.group(1)) {
      case "more than", "over", "at least", "above", "in excess of" -> Qualifier.AT_LEAST;
      case "up to", "less than", "under", "below", "at most" -> Qualifier.AT_MOST;
      default -> hedge.group(1).startsWith("as ") ? Qualifier.AT_MOST : Qualifier.ABOUT;
    };
  }

  /** The lower-cased words just before {@code start}, blanks folded to spaces. */
  private static String window(String s, int start) {
    return s.substring(Math.max(0, start - WINDOW), start).toLowerCase(Locale.ROOT).replaceAll(BLANK + "|\\s", " ");
  }

  private static @Nullable Unit unitAt(String s, int at) {
    Matcher m = UNIT.matcher(s).region(at, s.length());
    if (!m.lookingAt()) {
      return null;
    }
    String u = m.group(1).toLowerCase(Locale.ROOT);
    if (u.startsWith("nautical") || u.equals("nm") || u.equals("nmi")) {
      return Unit.NAUTICAL_MILE;
    } else if (u.startsWith("mi") && !u.startsWith("min")) {
      return Unit.MILE;
    } else if (u.startsWith("k")) {
      return Unit.KILOMETRE;
    } else if (u.startsWith("m") && !u.startsWith("min")) {
      return Unit.METRE;
    } else if (u.startsWith("f")) {
      return Unit.FOOT;
    } else if (u.startsWith("h")) {
      return Unit.HOUR;
    } else if (u.startsWith("min")) {
      return Unit.MINUTE;
    }
    return Unit.SECOND;
  }

  private static int unitEnd(String s, int at) {
    Matcher m = UNIT.matcher(s).region(at, s.length());
    return m.lookingAt() ? m.end() : at;
  }

  /** Past the rest of a word a digit run belongs to ("11D" of "Hwasong-11D"). */
  private static int skipWord(String s, int at) {
    int i = at;
    while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipBlanks(String s, int at) {
    int i = at;
    while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i)))) {
      i++;
    }
    return i;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  /** A number as written: digits, thousands groups of three ("6,648"), a decimal part. */
  private record Num(double value, int start, int end, boolean spaced) {

    static Num read(String s, int start) {
      Num spaced = read(s, start, true);
      return spaced.spaced && unitAt(s, spaced.end) == null ? read(s, start, false) : spaced;
    }

    /**
     * With {@code spaces}, a plain space also separates thousands ("1 000 km"); the caller keeps
     * that reading only when a unit follows, so that "fired 2 300 km" is not read as 2,300 when
     * it means two missiles.
     */
    private static Num read(String s, int start, boolean spaces) {
      int n = s.length();
      int i = start;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      StringBuilder digits = new StringBuilder(s.substring(start, i));
      boolean spaced = false;
      if (i - start <= 3) {
        while (i + 3 < n && (isGroupSeparator(s.charAt(i)) || spaces && s.charAt(i) == ' ')
            && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2))
            && isDigit(s.charAt(i + 3)) && (i + 4 == n || !isDigit(s.charAt(i + 4)))) {
          spaced |= s.charAt(i) == ' ';
          digits.append(s, i + 1, i + 4);
          i += 4;
        }
      }
      if (i + 1 < n && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
        int from = i;
        i++;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        digits.append(s, from, i);
      }
      return new Num(Double.parseDouble(digits.toString()), start, i, spaced);
    }

    private static boolean isGroupSeparator(char c) {
      return c == ',' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }
  }
}
