package org.watchfloor.extract;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Splits a text into sentences with their offsets; paragraph breaks always end a sentence. */
public final class Sentences {

  /** A sentence and where it sits in the text. */
  public record Sentence(int start, int end, String text, int paragraph) {}

  private Sentences() {}

  public static List<Sentence> of(String text) {
    List<Sentence> out = new ArrayList<>();
    int paragraph = 0;
    int lineStart = 0;
    while (lineStart < text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      if (lineEnd > lineStart) {
        split(text, lineStart, lineEnd, paragraph, out);
        paragraph++;
      }
      lineStart = lineEnd + 1;
    }
    return out;
  }

  /**
   * The sentences with each pair that a name runs across joined: "the U.S. Department of State
   * approved …" is one sentence although a splitter breaks it after "U.S.".
   *
   * @param names start and end offsets of the names found in the text, by start
   */
  public static List<Sentence> joinedAcross(String text, List<Sentence> sentences, List<int[]> names) {
    NameReach reach = NameReach.of(names);
    List<Sentence> out = new ArrayList<>();
    int first = 0;
    while (first < sentences.size()) {
      int last = first;
      while (last + 1 < sentences.size() && joined(sentences.get(last), sentences.get(last + 1), reach)) {
        last++;
      }
      // a run of joined sentences is cut from the text once, not again for each one it takes in
      Sentence a = sentences.get(first);
      Sentence b = sentences.get(last);
      out.add(first == last ? a : new Sentence(a.start(), b.end(), text.substring(a.start(), b.end()), b.paragraph()));
      first = last + 1;
    }
    return out;
  }

  /** Whether a name starting before {@code a} ends runs into {@code b}, in the same paragraph. */
  private static boolean joined(Sentence a, Sentence b, NameReach reach) {
    return a.paragraph() == b.paragraph() && reach.furthestEnd(a.end()) > b.start();
  }

  /**
   * The names by start, each with the furthest end of it and those before it: the furthest any
   * name starting before an offset reaches is one search, not a pass over all names per sentence.
   */
  private record NameReach(int[] starts, int[] furthestEnds) {

    static NameReach of(List<int[]> names) {
      int[][] byStart = names.toArray(int[][]::new);
      Arrays.sort(byStart, Comparator.comparingInt((int[] n) -> n[0]));
      int[] starts = new int[byStart.length];
      int[] ends = new int[byStart.length];
      for (int i = 0; i < byStart.length; i++) {
        starts[i] = byStart[i][0];
        ends[i] = i == 0 ? byStart[i][1] : Math.max(ends[i - 1], byStart[i][1]);
      }
      return new NameReach(starts, ends);
    }

    /** The furthest end of a name starting before {@code offset}; {@link Integer#MIN_VALUE} if none. */
    int furthestEnd(int offset) {
      int low = 0;
      int high = starts.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (starts[mid] < offset) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low == 0 ? Integer.MIN_VALUE : furthestEnds[low - 1];
    }
  }

  private static void split(String text, int from, int to, int paragraph, List<Sentence> out) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    String line = text.substring(from, to);
    it.setText(line);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      // "the U.S.-ROK drills": a break with no space after it ends an abbreviation, not a sentence
      while (end < line.length() && !Character.isWhitespace(line.charAt(end - 1)) && it.next() != BreakIterator.DONE) {
        end = it.current();
      }
      int s = start;
      int e = end;
      while (s < e && Character.isWhitespace(line.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(line.charAt(e - 1))) {
        e--;
      }
      if (e > s) {
        out.add(new Sentence(from + s, from + e, line.substring(s, e), paragraph));
      }
    }
  }
}
