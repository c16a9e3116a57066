package org.watchfloor.extract.time;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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
 *
 * <p>The anchors themselves are found without trying their pattern at every position of the
 * text, which cost as much as the rules: each anchor pattern is listed with the words one of
 * which starts each of its matches ({@link Starts}), {@link String#indexOf} (a vectorised JDK
 * intrinsic) finds those, and the pattern is tried only there, so the matches are exactly those
 * of {@link Matcher#find()}.
 */
final class Regions {

  /** Widest reach of a match from its anchor; the longest real expressions are under 60. */
  static final int MARGIN = 120;

  /** Month names are matched as written, capitalised, whole or abbreviated. */
  private static final String MONTH = "\\b(?:January|February|March|April|May|June|July|August|September"
      + "|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])";
  /** A year the rules read: 1800–2099. */
  private static final String YEAR = "(?:1[89]|20)[0-9]{2}";

  private static final Anchor MONTHS = new Anchor(MONTH,
      Starts.exact("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"));
  private static final Anchor YEARS = new Anchor(YEAR, Starts.exact("18", "19", "20"));
  private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday"};

  /**
   * The anchors of each rule, by rule name (case-insensitive substrings: "day" also finds
   * "today"). A superset is safe, a missing anchor loses matches; {@code RegionsTest} checks each
   * rule against a scan of the whole text.
   */
  private static final Map<String, Anchor> ANCHORS = Map.ofEntries(
      Map.entry("dateline", MONTHS),
      Map.entry("day-month-year", MONTHS),
      Map.entry("month-day-year", MONTHS),
      Map.entry("month-day", MONTHS),
      Map.entry("day-month", MONTHS),
      Map.entry("month-year", MONTHS),
      Map.entry("month-of-year-phrase", MONTHS),
      Map.entry("month", MONTHS),
      Map.entry("day-range", MONTHS),
      Map.entry("day-range-dmy", MONTHS),
      Map.entry("month-range", MONTHS),
      Map.entry("iso-date", YEARS),
      Map.entry("slash-date", YEARS),
      Map.entry("year", YEARS),
      Map.entry("decade", YEARS),
      Map.entry("year-range", YEARS),
      Map.entry("juche", new Anchor("Juche", Starts.exact("Juche"))),
      Map.entry("holiday", Anchor.words("year", "christmas")),
      Map.entry("clock", new Anchor("[0-9]:[0-5][0-9]",
          Starts.exact(Arrays.stream(DIGITS).map(d -> d + ":").toArray(String[]::new)))),
      Map.entry("hour-ampm", new Anchor("(?i)[0-9]\\s*[ap]\\.?m", Starts.exact(DIGITS))),
      Map.entry("military", new Anchor("[0-9]{4}", Starts.exact(DIGITS))),
      Map.entry("year-part", new Anchor(YEAR + "|(?i:year)", Starts.folded("18", "19", "20", "year"))),
      Map.entry("today", Anchor.words("today", "tonight", "morning", "afternoon", "evening", "night")),
      Map.entry("later-today", Anchor.words("today", "tonight")),
      Map.entry("yesterday", Anchor.words("yesterday", "night", "day", "evening")),
      Map.entry("day-before-yesterday", Anchor.words("yesterday")),
      Map.entry("tomorrow", Anchor.words("tomorrow")),
      Map.entry("ago", Anchor.words("ago")),
      Map.entry("this-last-next", Anchor.words("week", "month", "year")),
      Map.entry("weekend", Anchor.words("weekend")),
      Map.entry("weekday", Anchor.words(WEEKDAYS)),
      Map.entry("weekday-of-week", Anchor.words(WEEKDAYS)),
      Map.entry("other-day", Anchor.words("day")),
      Map.entry("recently", Anchor.words("recent", "lately", "ago")),
      Map.entry("duration", Anchor.words("day", "week", "month", "year", "decade", "hour", "minute")),
      Map.entry("noon", Anchor.words("noon", "midday", "midnight")));

  /** Equal regexes share one pattern, so rules that share anchors find their regions once per text. */
  private static final Map<String, Pattern> PATTERNS = patterns();

  /** Where the matches of each pattern start; a pattern without it is tried everywhere. */
  private static final Map<Pattern, Starts> STARTS = starts();

  private record Anchor(String regex, Starts starts) {
    /** Any of {@code words} in any ASCII case. */
    static Anchor words(String... words) {
      return new Anchor("(?i)" + String.join("|", words), Starts.folded(words));
    }
  }

  private Regions() {}

  private static Map<String, Pattern> patterns() {
    Map<String, Pattern> shared = new HashMap<>();
    Map<String, Pattern> byRule = new HashMap<>();
    ANCHORS.forEach((rule, a) -> byRule.put(rule, shared.computeIfAbsent(a.regex(), Pattern::compile)));
    return Map.copyOf(byRule);
  }

  private static Map<Pattern, Starts> starts() {
    Map<Pattern, Starts> out = new IdentityHashMap<>();
    ANCHORS.forEach((rule, a) -> out.put(PATTERNS.get(rule), a.starts()));
    return out;
  }

  /**
   * The anchor pattern of a rule; rules that share anchors share the pattern, so their regions
   * are found once per text.
   *
   * @throws IllegalArgumentException for a rule without anchors
   */
  static Pattern anchorOf(String rule) {
    Pattern p = PATTERNS.get(rule);
    if (p == null) {
      throw new IllegalArgumentException("time rule without anchors: " + rule);
    }
    return p;
  }

  /** Start and end offsets, alternating, of the regions of {@code text} around {@code anchor}. */
  static int[] of(String text, Pattern anchor) {
    return new Scan(text).regions(anchor);
  }

  /** One text's regions, each anchor's found once, and the text's lower-case copy made once. */
  static final class Scan {
    private final String text;
    private @Nullable String folded;
    private final Map<Pattern, int[]> found = new IdentityHashMap<>();
    private final Map<Starts, int[]> candidates = new HashMap<>();

    Scan(String text) {
      this.text = text;
    }

    /** Start and end offsets, alternating, of the regions around {@code anchor}. */
    int[] regions(Pattern anchor) {
      int[] r = found.get(anchor);
      if (r == null) {
        r = merge(matches(anchor));
        found.put(anchor, r);
      }
      return r;
    }

    /** Start and end offsets, alternating, of the matches {@link Matcher#find()} gives in turn. */
    private int[] matches(Pattern anchor) {
      IntList out = new IntList();
      Starts starts = STARTS.get(anchor);
      if (starts == null) {
        Matcher m = anchor.matcher(text);
        while (m.find()) {
          out.add(m.start(), m.end());
        }
        return out.toArray();
      }
      int[] candidates = candidates(starts);
      Matcher m = anchor.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      int from = 0;
      for (int p : candidates) {
        if (p < from) {
          continue;
        }
        m.region(p, text.length());
        if (m.lookingAt()) {
          out.add(m.start(), m.end());
          from = Math.max(m.end(), p + 1);
        }
      }
      return out.toArray();
    }

    /** Every offset where one of the words of {@code starts} starts, ascending, each once. */
    int[] candidates(Starts starts) {
      int[] c = candidates.get(starts);
      if (c == null) {
        c = starts.in(text, starts.folded() ? folded() : text);
        candidates.put(starts, c);
      }
      return c;
    }

    /** The text with A–Z lowered and every other character kept, so offsets do not move. */
    private String folded() {
      if (folded == null) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
          if (c[i] >= 'A' && c[i] <= 'Z') {
            c[i] = (char) (c[i] + ('a' - 'A'));
          }
        }
        folded = new String(c);
      }
      return folded;
    }

    /** The matches widened by the margin and merged where they overlap or touch. */
    private int[] merge(int[] matches) {
      IntList out = new IntList();
      int start = -1;
      int end = -1;
      for (int i = 0; i < matches.length; i += 2) {
        int s = Math.max(0, matches[i] - MARGIN);
        int e = Math.min(text.length(), matches[i + 1] + MARGIN);
        if (start >= 0 && s <= end) {
          end = Math.max(end, e);
        } else {
          if (start >= 0) {
            out.add(start, end);
          }
          start = s;
          end = e;
        }
      }
      if (start >= 0) {
        out.add(start, end);
      }
      return out.toArray();
    }
  }
}
