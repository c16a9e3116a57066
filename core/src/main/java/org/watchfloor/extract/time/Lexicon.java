package org.watchfloor.extract.time;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The English words of dates and times, as regular-expression fragments and their parsers.
 *
 * <p>Month and weekday names are matched capitalised only ("May 5", not "may"): news text
 * capitalises them, and the lower-case forms are common verbs and words.
 */
final class Lexicon {

  static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?"
          + "|Nov\\.?|Dec\\.?)";

  static final String WEEKDAY =
      "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

  /** A day of the month, with an optional ordinal suffix. */
  static final String DAY_NUM = "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";

  static final String YEAR = "(?:1[89][0-9]{2}|20[0-9]{2})";

  static final String NUMBER =
      "(?:[0-9]{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
          + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
          + "|fifty|sixty|seventy|several|a few|a couple of|dozens of)";

  static final String ZONE =
      "(?:KST|JST|GMT|UTC|EST|EDT|ET|PST|PDT|PT|CET|CEST|BST|Pyongyang time|Seoul time"
          + "|Tokyo time)";

  private static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70));

  private Lexicon() {}

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** 1–12 for a month name or abbreviation matched by {@link #MONTH}. */
  static int month(String name) {
    String m = lower(name);
    return switch (m.substring(0, 3)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      case "dec" -> 12;
      default -> throw new IllegalArgumentException("not a month: " + name);
    };
  }

  static DayOfWeek weekday(String name) {
    return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** The day number of "5", "05", "5th". */
  static int dayNumber(String s) {
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return Integer.parseInt(s.substring(0, i));
  }

  /** A count in words or digits; -1 for vague counts ("several", "a few"). */
  static int number(String s) {
    String n = lower(s).trim();
    if (!n.isEmpty() && Character.isDigit(n.charAt(0))) {
      return Integer.parseInt(n);
    }
    Integer v = NUMBERS.get(n);
    return v == null ? -1 : v;
  }

  /** The zone an abbreviation names, or null when it is ambiguous or unknown. */
  static @Nullable ZoneId zone(String abbreviation) {
    return switch (lower(abbreviation)) {
      case "kst", "seoul time" -> ZoneId.of("Asia/Seoul");
      case "pyongyang time" -> ZoneId.of("Asia/Pyongyang");
      case "jst", "tokyo time" -> ZoneId.of("Asia/Tokyo");
      case "gmt", "utc" -> ZoneOffset.UTC;
      case "est", "edt", "et" -> ZoneId.of("America/New_York");
      case "pst", "pdt", "pt" -> ZoneId.of("America/Los_Angeles");
      case "cet", "cest" -> ZoneId.of("Europe/Paris");
      case "bst" -> ZoneId.of("Europe/London");
      default -> null;
    };
  }
}
