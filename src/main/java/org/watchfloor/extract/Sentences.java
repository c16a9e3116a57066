package org.watchfloor.extract;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a text into sentences with their offsets; paragraph breaks always end a sentence. */
final class Sentences {

  /** A sentence and where it sits in the text. */
  record Sentence(int start, int end, String text, int paragraph) {}

  private Sentences() {}

  static List<Sentence> of(String text) {
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
  static List<Sentence> joinedAcross(String text, List<Sentence> sentences, List<int[]> names) {
    List<Sentence> out = new ArrayList<>();
    for (Sentence s : sentences) {
      Sentence last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.paragraph() == s.paragraph()
          && names.stream().anyMatch(n -> n[0] < last.end() && n[1] > s.start())) {
        out.set(out.size() - 1, new Sentence(last.start(), s.end(), text.substring(last.start(), s.end()), s.paragraph()));
      } else {
        out.add(s);
      }
    }
    return out;
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
