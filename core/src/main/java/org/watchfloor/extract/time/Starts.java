package org.watchfloor.extract.time;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Words one of which begins every match of a pattern: the pattern need only be tried where one
 * of them occurs, instead of at every position of the text, with the same matches as
 * {@link java.util.regex.Matcher#find()}. Searched in the text as written or, when
 * {@code folded}, in its ASCII lower-case copy (what {@code (?i)} without {@code UNICODE_CASE}
 * matches, and a superset of what a case-sensitive pattern matches); with {@code wordStart},
 * only where no ASCII letter, digit or underscore comes before, which is right for a pattern
 * that opens with {@code \b} before a word character.
 *
 * <p>Written by hand because {@code java.util.regex} tries a pattern at every position, and a
 * pattern that opens with optional alternations ("in", "since", "last", "mid-" …) cannot be
 * skipped ahead by its own Boyer–Moore search; a superset of the starts is safe, a missing
 * start loses matches, which {@code RuleStartsTest} checks rule by rule against a whole-text scan.
 */
record Starts(boolean folded, boolean wordStart, List<String> words) {

  private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  private static final String[] WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  /** A month name's first three letters, which every form in {@link Lexicon#MONTH} has. */
  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
    "nov", "dec"};
  private static final String[] YEARS = {"18", "19", "20"};
  private static final String[] RANGE = {"from", "between"};
  /** The words that open {@link AbsoluteRules#YEAR_MOD} and the rules' other part-of modifiers. */
  private static final String[] MODS = {"early", "mid", "late", "the", "beginning", "start", "end", "middle",
    "first", "second", "third", "fourth"};
  /** The words that open {@link Lexicon#NUMBER}. */
  private static final String[] NUMBERS = {"a", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "several", "dozens"};

  /**
   * The starts of the rules that read much of a text; the others, with rare anchors, are tried
   * everywhere in their regions.
   */
  private static final Map<String, Starts> RULES = Map.ofEntries(
      Map.entry("day-month-year", words(WEEKDAYS, DIGITS)),
      Map.entry("month-day-year", words(WEEKDAYS, MONTHS)),
      Map.entry("month-day", words(WEEKDAYS, MONTHS)),
      Map.entry("day-month", words(WEEKDAYS, DIGITS)),
      Map.entry("month-year", words(MODS, MONTHS)),
      Map.entry("month-of-year-phrase", words(MODS, MONTHS)),
      Map.entry("month", words(MODS, MONTHS, new String[] {"in", "since", "during", "by", "until", "till",
        "before", "after", "through", "from", "of", "last", "next", "this"})),
      Map.entry("day-range", words(RANGE, MONTHS)),
      Map.entry("day-range-dmy", words(RANGE, DIGITS)),
      Map.entry("month-range", words(RANGE, MONTHS)),
      Map.entry("year-part", words(MODS)),
      Map.entry("year", words(YEARS)),
      Map.entry("decade", words(MODS, YEARS)),
      Map.entry("year-range", words(RANGE, YEARS)),
      Map.entry("iso-date", words(YEARS)),
      Map.entry("slash-date", words(DIGITS)),
      Map.entry("yesterday", words(new String[] {"yesterday", "last", "the"})),
      Map.entry("this-last-next", words(new String[] {"earlier", "later", "early", "mid", "late", "at", "the",
        "this", "last", "next", "in"})),
      Map.entry("other-day", words(new String[] {"just", "the", "in"})),
      Map.entry("weekday", words(WEEKDAYS, new String[] {"on", "since", "by", "until", "till", "before", "after",
        "from", "last", "next", "this", "the", "coming", "past", "early", "late"})),
      Map.entry("duration", words(NUMBERS, DIGITS, new String[] {"for", "over", "during", "within", "in", "after",
        "the", "past", "last", "next", "coming", "previous", "following", "more", "about", "nearly", "almost",
        "some", "around"})));

  Starts {
    words = List.copyOf(words);
  }

  static Starts exact(String... words) {
    return new Starts(false, false, List.of(words));
  }

  static Starts folded(String... words) {
    return new Starts(true, false, List.of(words));
  }

  /** Words in lower case, matched in any ASCII case at the start of a word. */
  private static Starts words(String[]... groups) {
    return new Starts(true, true, Stream.of(groups).flatMap(Arrays::stream).distinct().toList());
  }

  /** The starts of a rule's matches, or null where the rule is tried at every position. */
  static @Nullable Starts ofRule(String rule) {
    return RULES.get(rule);
  }

  /**
   * Every offset of {@code text} where one of the words occurs in {@code hay} (the text or its
   * folded copy), ascending, each once.
   */
  int[] in(String text, String hay) {
    IntList at = new IntList();
    for (String w : words) {
      for (int i = hay.indexOf(w); i >= 0; i = hay.indexOf(w, i + 1)) {
        if (!wordStart || i == 0 || !isAsciiWordChar(text.charAt(i - 1))) {
          at.add(i);
        }
      }
    }
    int[] sorted = at.toArray();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (n == 0 || sorted[n - 1] != sorted[i]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  private static boolean isAsciiWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
