package org.watchfloor.extract;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One lexicon of the watch profile (hedges, negations, planned-event cues …) compiled into a
 * single case-insensitive, word-bounded pattern, longest phrase first.
 */
final class Cues {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private final @Nullable Pattern pattern;

  /**
   * The ASCII characters a cue can begin with, in any case. {@link #find} tries the pattern only
   * there (and at every non-ASCII character), as {@code java.util.regex} would try its long
   * case-folding alternation at every position of the text: on news text that made cue finding
   * the largest cost of extraction.
   */
  private final boolean[] asciiStarts = new boolean[128];

  private final boolean blank;

  Cues(List<String> phrases) {
    if (phrases.isEmpty()) {
      pattern = null;
      blank = false;
      return;
    }
    List<String> firsts = phrases.stream().map(String::strip).filter(p -> !p.isEmpty())
        .map(p -> p.substring(0, 1)).distinct().toList();
    for (String f : firsts) {
      Pattern first = Pattern.compile(Pattern.quote(f), FLAGS);
      for (char c = 0; c < asciiStarts.length; c++) {
        asciiStarts[c] |= first.matcher(String.valueOf(c)).matches();
      }
    }
    // only blank phrases: the pattern matches the empty string, at the end of a text too
    blank = firsts.isEmpty();
    String alternation =
        phrases.stream()
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
            .reduce((a, b) -> a + "|" + b)
            .orElse("");
    pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])", FLAGS);
  }

  /** The compiled cues, or null when there are none. */
  @Nullable Pattern pattern() {
    return pattern;
  }

  /** The first cue in {@code text}, or {@code null}. */
  @Nullable Matcher find(String text) {
    if (pattern == null) {
      return null;
    }
    if (blank) {
      Matcher m = pattern.matcher(text);
      return m.find() ? m : null;
    }
    Matcher at = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (int p = 0; p < text.length(); p++) {
      char c = text.charAt(p);
      if ((c < asciiStarts.length && !asciiStarts[c]) || (p > 0 && isAsciiLetterOrDigit(text.charAt(p - 1)))) {
        continue; // no cue starts here, or one would follow a letter or digit
      }
      if (at.region(p, text.length()).lookingAt()) {
        // the first match: handed back as a find() from the start leaves it, to be searched on
        Matcher m = pattern.matcher(text);
        return m.find(p) ? m : null;
      }
    }
    return null;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Whether some cue of {@code text} spans the whole of {@code start} to {@code end}. */
  boolean covers(String text, int start, int end) {
    if (pattern == null) {
      return false;
    }
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (m.start() <= start && m.end() >= end) {
        return true;
      }
    }
    return false;
  }

  /** Whether a cue ends just before offset {@code at} of {@code text}, spaces between. */
  boolean endsAt(String text, int at) {
    if (pattern == null) {
      return false;
    }
    int end = at;
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    Matcher m = pattern.matcher(text).region(Math.max(0, end - 40), end).useTransparentBounds(true);
    while (m.find()) {
      if (m.end() == end) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a cue ends before offset {@code at} of {@code text} with at most {@code words} words
   * between ("from the new submarine": "from", two words, then the name).
   */
  boolean endsNear(String text, int at, int words) {
    if (pattern == null) {
      return false;
    }
    int from = at;
    for (int w = 0; w <= words && from > 0; w++) {
      while (from > 0 && Character.isWhitespace(text.charAt(from - 1))) {
        from--;
      }
      if (endsAt(text, from)) {
        return true;
      }
      while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
        from--;
      }
    }
    return false;
  }

  boolean in(String text) {
    return find(text) != null;
  }
}
