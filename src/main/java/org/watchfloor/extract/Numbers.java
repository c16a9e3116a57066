package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.model.Claim;

/**
 * Finds the numbers an event report carries: missiles fired, range, apogee, flight time. The
 * field a distance belongs to is read from the words just before it ("flew about 1,000 km" is a
 * range, "reached an altitude of 6,000 km" an apogee).
 */
final class Numbers {

  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("one", 1), Map.entry("a", 1), Map.entry("an", 1), Map.entry("single", 1),
          Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
          Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
          Map.entry("ten", 10), Map.entry("several", -1), Map.entry("multiple", -1));

  private static final Pattern DISTANCE =
      Pattern.compile("(?i)(?<![\\d.,])(\\d{1,3}(?:[, \\u00A0\\u202F]\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(?:-|\\s)?(km|kilomet(?:er|re)s?|miles?)\\b");

  private static final Pattern DURATION =
      // from the first digit of a number only, read possessively: from each digit of a long run, the
      // rest of the run was read again
      Pattern.compile("(?i)(?<!\\d)(\\d++(?:\\.\\d++)?+)\\s*+(minutes?|mins?|seconds?|secs?|hours?)\\b");

  private static final Pattern COUNT =
      Pattern.compile(
          "(?i)\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|a|an|single)\\s+"
              + "(?:(?:short|long|medium|intermediate|close)[- ]range\\s+|new(?:[- ]type)?\\s+|suspected\\s+|"
              + "strategic\\s+|tactical\\s+|hypersonic\\s+|ballistic\\s+|cruise\\s+|air[- ]defen[cs]e\\s+|"
              + "intercontinental\\s+){0,3}(?:ballistic\\s+|cruise\\s+)?(missiles?|rockets?|projectiles?|ICBMs?|SRBMs?|IRBMs?)\\b");

  private Numbers() {}

  /** Claims found in {@code sentence}, with offsets shifted by {@code offset}. */
  static List<Claim> claims(String sentence, int offset) {
    List<Claim> out = new ArrayList<>();
    String lower = sentence.toLowerCase(Locale.ROOT);
    Matcher d = DISTANCE.matcher(sentence);
    while (d.find()) {
      double value = Double.parseDouble(d.group(1).replaceAll("[, \\u00A0\\u202F]", ""));
      if (d.group(2).toLowerCase(Locale.ROOT).startsWith("mile")) {
        value = value * 1.609344;
      }
      String before = lower.substring(Math.max(0, d.start() - 60), d.start());
      String field =
          before.matches(".*(altitude|apogee|height|high|peak|ceiling).*") ? "apogee_km"
              : before.matches(".*(flew|flight|range|travell?ed|distance|covered|across|away|landed|flying).*")
                  ? "range_km" : null;
      if (field != null) {
        out.add(new Claim(field, Long.toString(Math.round(value)), offset + d.start(), offset + d.end()));
      }
    }
    Matcher t = DURATION.matcher(sentence);
    while (t.find()) {
      String before = lower.substring(Math.max(0, t.start() - 40), t.start());
      if (before.matches(".*(flew|flight|flying|airborne|for about|for some|for).*")) {
        double v = Double.parseDouble(t.group(1));
        String unit = t.group(2).toLowerCase(Locale.ROOT);
        long seconds = Math.round(unit.startsWith("min") ? v * 60 : unit.startsWith("h") ? v * 3600 : v);
        out.add(new Claim("flight_time_s", Long.toString(seconds), offset + t.start(), offset + t.end()));
      }
    }
    Matcher c = COUNT.matcher(sentence);
    while (c.find()) {
      String n = c.group(1).toLowerCase(Locale.ROOT);
      Integer value = n.chars().allMatch(Character::isDigit) ? Integer.valueOf(n) : WORDS.get(n);
      if (value != null && value > 0 && value < 100) {
        out.add(new Claim("count", value.toString(), offset + c.start(), offset + c.end()));
        break;
      }
    }
    return out;
  }
}
