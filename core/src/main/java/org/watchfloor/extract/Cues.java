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

  /**
   * The length of the longest phrase: a match holds at most this many characters other than the
   * whitespace that {@code \s+} takes for a space, which bounds how far back of an offset a
   * match that reaches it can start.
   */
  private final int longest;

  Cues(List<String> phrases) {
    longest = phrases.stream().map(String::strip).mapToInt(String::length).max().orElse(0);
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
    Matcher at = startsMatcher(pattern, text);
    int p = nextStart(at, text, 0, text.length());
    if (p < 0) {
      return null;
    }
    // the first match: handed back as a find() from the start leaves it, to be searched on
    Matcher m = pattern.matcher(text);
    return m.find(p) ? m : null;
  }

  /** A matcher to try the pattern at one offset with {@code region(p, length).lookingAt()}. */
  private static Matcher startsMatcher(Pattern pattern, String text) {
    return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /**
   * The first offset from {@code from} up to and including {@code to} where a cue matches, with
   * {@code at} left on that match; -1 where none does. A cue found at offset p is the match a
   * plain {@link Matcher#find()} reaching p gives.
   */
  private int nextStart(Matcher at, String text, int from, int to) {
    for (int p = from; p <= to && p < text.length(); p++) {
      if (mayStartAt(text, p) && at.region(p, text.length()).lookingAt()) {
        return p;
      }
    }
    return -1;
  }

  /** False where no cue starts at {@code p}, or one would follow a letter or digit. */
  private boolean mayStartAt(String text, int p) {
    char c = text.charAt(p);
    return !(c < asciiStarts.length && !asciiStarts[c]) && !(p > 0 && isAsciiLetterOrDigit(text.charAt(p - 1)));
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * Whether one of the cues that a {@link Matcher#find()} loop from the start of {@code text}
   * gives spans the whole of {@code start} to {@code end}.
   *
   * <p>The loop is not run from the start of the text, as callers ask once per trigger of a
   * sentence and a long sentence was then read once per trigger. It is run from an offset by
   * {@code start} (and {@code end}) where it is in the same state ({@link #settled}), up to the
   * last match that starts by {@code start}: a match that ends before that offset is too early.
   */
  boolean covers(String text, int start, int end) {
    if (pattern == null) {
      return false;
    }
    if (blank) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        if (m.start() <= start && m.end() >= end) {
          return true;
        }
      }
      return false;
    }
    Matcher at = startsMatcher(pattern, text);
    int p = settled(at, text, Math.clamp(Math.min(start, end), 0, text.length()));
    while ((p = nextStart(at, text, p, start)) >= 0) {
      if (at.end() >= end) {
        return true;
      }
      p = at.end();
    }
    return false;
  }

  /**
   * An offset at or before {@code offset} that every cue starting before it ends before, a cue
   * being the match the pattern gives at an offset where it is tried. A {@link Matcher#find()}
   * loop from the start of the text ends all its matches before such an offset, so one started
   * there gives the same matches from there on. Only the offsets within {@link #reachBack} of a
   * candidate can hold a cue that reaches it; where one does, its start is the next candidate.
   */
  private int settled(Matcher at, String text, int offset) {
    int w = offset;
    for (boolean moved = true; moved && w > 0; ) {
      moved = false;
      for (int p = reachBack(text, w); p < w; p++) {
        if (mayStartAt(text, p) && at.region(p, text.length()).lookingAt() && at.end() >= w) {
          w = p;
          moved = true;
          break;
        }
      }
    }
    return w;
  }

  /**
   * The first offset from which a cue could reach {@code offset}: a match ends in a phrase
   * character that is not whitespace, and holds at most {@link #longest} characters that are not
   * what {@code \s} matches, so it starts where fewer than that many lie before {@code offset}.
   */
  private int reachBack(String text, int offset) {
    int p = offset;
    int counted = 0;
    while (p > 0) {
      boolean space = isRegexSpace(text.charAt(p - 1));
      if (!space && counted == longest) {
        break;
      }
      counted += space ? 0 : 1;
      p--;
    }
    return p;
  }

  /** What {@code \s} matches without {@code UNICODE_CHARACTER_CLASS}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
