package org.watchfloor.eval.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word 4-gram ("shingle") matching of an extracted text against the checked one, as the public
 * article-extraction benchmark scores it: tokens are runs of word characters (case kept), a text
 * of fewer than four tokens is one shorter shingle, true and false positives and false negatives
 * count shingles with their multiplicity, and the three are divided by their sum so that a long
 * page weighs no more than a short one.
 */
public final class Shingles {
  /** Shingle length in tokens. */
  public static final int N = 4;

  private Shingles() {}

  /**
   * The normalised counts of one page.
   *
   * @param tp share of shingles found in both texts
   * @param fp share only in the extracted text
   * @param fn share only in the checked text
   */
  public record Counts(double tp, double fp, double fn) {
    /** Whether precision is defined: something was extracted. */
    public boolean hasPrecision() {
      return tp + fp > 0;
    }

    /** Whether recall is defined: something was expected. */
    public boolean hasRecall() {
      return tp + fn > 0;
    }

    /** Precision of this page; 1 when the two texts agree exactly. */
    public double precision() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp + fp == 0 ? 0 : tp / (tp + fp);
    }

    /** Recall of this page; 1 when the two texts agree exactly. */
    public double recall() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp + fn == 0 ? 0 : tp / (tp + fn);
    }
  }

  /** Scores {@code extracted} against {@code expected}. */
  public static Counts match(String expected, String extracted) {
    Map<String, Integer> want = bag(expected);
    Map<String, Integer> got = bag(extracted);
    Set<String> keys = new HashSet<>(want.keySet());
    keys.addAll(got.keySet());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (String k : keys) {
      int w = want.getOrDefault(k, 0);
      int g = got.getOrDefault(k, 0);
      tp += Math.min(w, g);
      fp += Math.max(0, g - w);
      fn += Math.max(0, w - g);
    }
    double sum = tp + fp + fn;
    return sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum) : new Counts(0, 0, 0);
  }

  /** The shingles of {@code text} with their counts, each a space-joined run of tokens. */
  static Map<String, Integer> bag(String text) {
    List<String> tokens = tokens(text);
    Map<String, Integer> bag = new HashMap<>();
    int shingles = Math.max(1, tokens.size() - N + 1);
    for (int i = 0; i < shingles && i < tokens.size(); i++) {
      bag.merge(String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + N))), 1, Integer::sum);
    }
    return bag;
  }

  /**
   * Runs of word characters. A word character is what Python's {@code \w} takes on text: a
   * letter, any kind of number (decimal, letter-like as Roman numerals, other as superscripts)
   * or an underscore. Java's own Unicode {@code \w} would also take combining marks, which split
   * the benchmark's tokens in Indic scripts, so it is written out here.
   */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (isWordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        tokens.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      tokens.add(text.substring(start));
    }
    return tokens;
  }

  private static boolean isWordChar(int cp) {
    if (cp == '_' || Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
