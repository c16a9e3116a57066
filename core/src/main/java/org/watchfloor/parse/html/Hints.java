package org.watchfloor.parse.html;

import java.util.List;
import java.util.Locale;

/**
 * A case-insensitive "contains any of these words" test on class and id strings.
 *
 * <p>Done by hand instead of with one alternation regex because {@code Matcher.find} tries every
 * branch at every position of every class string on the page, which was the largest single cost
 * of extraction when measured.
 */
final class Hints {
  private final List<String> fragments;
  private final List<String> wholeWords;

  private Hints(List<String> fragments, List<String> wholeWords) {
    this.fragments = fragments;
    this.wholeWords = wholeWords;
  }

  /** Matches when the lower-cased text contains one of {@code fragments}. */
  static Hints of(String... fragments) {
    return new Hints(List.of(fragments), List.of());
  }

  /** Also matches when one of {@code words} is a whole space-separated word of the text. */
  Hints withWholeWords(String... words) {
    return new Hints(fragments, List.of(words));
  }

  boolean matches(String text) {
    if (text.isBlank()) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String f : fragments) {
      if (lower.contains(f)) {
        return true;
      }
    }
    if (!wholeWords.isEmpty()) {
      for (String word : lower.split(" ")) {
        if (wholeWords.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }
}
