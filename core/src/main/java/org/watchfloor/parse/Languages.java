package org.watchfloor.parse;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Says whether a text is English when no header or page says its language. A dozen function
 * words settle it for news text; a statistical detector (OpenNLP's) can replace this when the
 * watch extends past English sources.
 */
final class Languages {

  private static final Set<String> ENGLISH =
      Set.of("the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "said", "by");

  private Languages() {}

  static @Nullable String guess(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+", 2000);
    int hits = 0;
    int total = 0;
    for (String w : words) {
      if (!w.isEmpty()) {
        total++;
        if (ENGLISH.contains(w)) {
          hits++;
        }
      }
    }
    return total >= 20 && hits * 100 >= total * 12 ? "en" : null;
  }
}
