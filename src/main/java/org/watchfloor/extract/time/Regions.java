package org.watchfloor.extract.time;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a text where one rule can match: around each of the rule's "anchors", a character
 * or word that every match of the rule contains (a digit, a month name, "yesterday", "ago" …),
 * widened by {@link #MARGIN} characters on each side and merged where they overlap. Running a
 * rule only there gives exactly the matches a scan of the whole text gives, as long as no match
 * reaches further than the margin from its anchor: each match then lies inside one region, and no
 * match of the whole-text scan straddles a region's start, so a scan from there is in the same
 * state. Matchers use transparent, non-anchoring bounds, so look-arounds, {@code \b} and
 * {@code ^} see the text beyond the region as before.
 *
 * <p>Written by hand because it is a property of these rules, not a general regex technique a
 * library offers: most rules have rare anchors (a weekday name, "ago", "noon"), so the 36 rules
 * together read a fraction of a long article instead of all of it 35 times.
 */
final class Regions {

  /** Widest reach of a match from its anchor; the longest real expressions are under 60. */
  static final int MARGIN = 120;

  /** Month names are matched as written, capitalised, whole or abbreviated. */
  private static final String MONTH = "\\b(?:January|February|March|April|May|June|July|August|September"
      + "|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])";
  /** A year the rules read: 1800–2099. */
  private static final String YEAR = "(?:1[89]|20)[0-9]{2}";

  /**
   * The anchors of each rule, by rule name (case-insensitive substrings: "day" also finds
   * "today"). A superset is safe, a missing anchor loses matches; {@code RegionsTest} checks each
   * rule against a scan of the whole text.
   */
  private static final Map<String, Pattern> ANCHORS = anchors(Map.ofEntries(
      Map.entry("dateline", MONTH),
      Map.entry("day-month-year", MONTH),
      Map.entry("month-day-year", MONTH),
      Map.entry("month-day", MONTH),
      Map.entry("day-month", MONTH),
      Map.entry("month-year", MONTH),
      Map.entry("month-of-year-phrase", MONTH),
      Map.entry("month", MONTH),
      Map.entry("day-range", MONTH),
      Map.entry("day-range-dmy", MONTH),
      Map.entry("month-range", MONTH),
      Map.entry("iso-date", YEAR),
      Map.entry("slash-date", YEAR),
      Map.entry("year", YEAR),
      Map.entry("decade", YEAR),
      Map.entry("year-range", YEAR),
      Map.entry("juche", "Juche"),
      Map.entry("clock", "[0-9]:[0-5][0-9]"),
      Map.entry("hour-ampm", "(?i)[0-9]\\s*[ap]\\.?m"),
      Map.entry("military", "[0-9]{4}"),
      Map.entry("year-part", YEAR + "|(?i:year)"),
      Map.entry("today", "(?i)today|tonight|morning|afternoon|evening|night"),
      Map.entry("later-today", "(?i)today|tonight"),
      Map.entry("yesterday", "(?i)yesterday|night|day|evening"),
      Map.entry("day-before-yesterday", "(?i)yesterday"),
      Map.entry("tomorrow", "(?i)tomorrow"),
      Map.entry("ago", "(?i)ago"),
      Map.entry("this-last-next", "(?i)week|month|year"),
      Map.entry("weekend", "(?i)weekend"),
      Map.entry("weekday", "(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday"),
      Map.entry("weekday-of-week", "(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday"),
      Map.entry("other-day", "(?i)day"),
      Map.entry("recently", "(?i)recent|lately|ago"),
      Map.entry("duration", "(?i)day|week|month|year|decade|hour|minute"),
      Map.entry("noon", "(?i)noon|midday|midnight")));

  private Regions() {}

  private static Map<String, Pattern> anchors(Map<String, String> regexes) {
    Map<String, Pattern> compiled = new HashMap<>();
    Map<String, Pattern> shared = new HashMap<>();
    regexes.forEach((rule, regex) -> compiled.put(rule, shared.computeIfAbsent(regex, Pattern::compile)));
    return Map.copyOf(compiled);
  }

  /**
   * The anchor pattern of a rule; rules that share anchors share the pattern, so their regions
   * are found once per text.
   *
   * @throws IllegalArgumentException for a rule without anchors
   */
  static Pattern anchorOf(String rule) {
    Pattern p = ANCHORS.get(rule);
    if (p == null) {
      throw new IllegalArgumentException("time rule without anchors: " + rule);
    }
    return p;
  }

  /** Start and end offsets, alternating, of the regions of {@code text} around {@code anchor}. */
  static int[] of(String text, Pattern anchor) {
    List<int[]> out = new ArrayList<>();
    Matcher m = anchor.matcher(text);
    int start = -1;
    int end = -1;
    while (m.find()) {
      int s = Math.max(0, m.start() - MARGIN);
      int e = Math.min(text.length(), m.end() + MARGIN);
      if (start >= 0 && s <= end) {
        end = Math.max(end, e);
      } else {
        if (start >= 0) {
          out.add(new int[] {start, end});
        }
        start = s;
        end = e;
      }
    }
    if (start >= 0) {
      out.add(new int[] {start, end});
    }
    int[] flat = new int[out.size() * 2];
    for (int i = 0; i < out.size(); i++) {
      flat[2 * i] = out.get(i)[0];
      flat[2 * i + 1] = out.get(i)[1];
    }
    return flat;
  }
}
