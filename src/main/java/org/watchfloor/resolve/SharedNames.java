package org.watchfloor.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether two evidence sentences tell one story in one source's words: they share a run of
 * {@value #RUN} words of which at least {@value #NAMES} are capitalised ("the Institute for
 * American Studies of the Foreign Ministry"), a named speaker or body that boilerplate ("released
 * the following press statement on Sunday") does not have. Versions of one state-media story
 * keep such a run even where the gazetteer knows none of its names.
 */
final class SharedNames {

  static final int RUN = 6;
  static final int NAMES = 4;

  private SharedNames() {}

  static boolean share(String a, String b) {
    List<String> wa = words(a);
    Set<String> runs = new HashSet<>();
    for (int i = 0; i + RUN <= wa.size(); i++) {
      List<String> run = wa.subList(i, i + RUN);
      if (named(run)) {
        runs.add(key(run));
      }
    }
    List<String> wb = words(b);
    for (int i = 0; i + RUN <= wb.size() && !runs.isEmpty(); i++) {
      if (runs.contains(key(wb.subList(i, i + RUN)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean named(List<String> run) {
    return run.stream().filter(w -> Character.isUpperCase(w.codePointAt(0))).count() >= NAMES;
  }

  private static String key(List<String> run) {
    return String.join(" ", run).toLowerCase(Locale.ROOT);
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
