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
 *
 * <p>A run of names alone does not make two of one source's own dispatches one story: a ministry's
 * long name opens every statement of its offices ("the Foreign Ministry of the Democratic People's
 * Republic of Korea"), so two statements of one day share it. Versions of one dispatch also keep
 * most of their words ({@link #retold}); two statements share little beyond the name and the
 * template.
 */
final class SharedNames {

  static final int RUN = 6;
  static final int NAMES = 4;

  /**
   * The share of distinct words two versions of one dispatch keep at least: versions of one
   * state-media story keep 0.8 and more of their lead's words, a reworded one about two thirds,
   * while two statements of one ministry on one day, sharing its name and the dispatch template,
   * keep under 0.4.
   */
  static final double RETOLD = 0.55;

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

  /** Whether two leads of one source tell one story: they share a run of names and most words. */
  static boolean retold(String a, String b) {
    return share(a, b) && overlap(a, b) >= RETOLD;
  }

  /** The Jaccard similarity of the two texts' sets of (lower-cased) words. */
  static double overlap(String a, String b) {
    Set<String> wa = new HashSet<>(MinHash.words(a));
    Set<String> wb = new HashSet<>(MinHash.words(b));
    if (wa.isEmpty() && wb.isEmpty()) {
      return 0;
    }
    long common = wa.stream().filter(wb::contains).count();
    return (double) common / (wa.size() + wb.size() - common);
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
