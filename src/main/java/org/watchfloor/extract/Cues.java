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

  private final @Nullable Pattern pattern;

  Cues(List<String> phrases) {
    if (phrases.isEmpty()) {
      pattern = null;
      return;
    }
    String alternation =
        phrases.stream()
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
            .reduce((a, b) -> a + "|" + b)
            .orElse("");
    pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The first cue in {@code text}, or {@code null}. */
  @Nullable Matcher find(String text) {
    if (pattern == null) {
      return null;
    }
    Matcher m = pattern.matcher(text);
    return m.find() ? m : null;
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

  boolean in(String text) {
    return find(text) != null;
  }
}
