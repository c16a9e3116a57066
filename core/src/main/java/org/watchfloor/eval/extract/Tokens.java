package org.watchfloor.eval.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Token bags for comparing texts: lower-cased (Locale.ROOT), split on non-letters/digits. */
final class Tokens {
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Tokens() {}

  static Map<String, Integer> bag(String text) {
    Map<String, Integer> bag = new HashMap<>();
    for (String t : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
      if (!t.isEmpty()) {
        bag.merge(t, 1, Integer::sum);
      }
    }
    return bag;
  }

  static int size(Map<String, Integer> bag) {
    int n = 0;
    for (int c : bag.values()) {
      n += c;
    }
    return n;
  }

  /** Multiset intersection size. */
  static int overlap(Map<String, Integer> a, Map<String, Integer> b) {
    int n = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      Integer other = b.get(e.getKey());
      if (other != null) {
        n += Math.min(e.getValue(), other);
      }
    }
    return n;
  }
}
