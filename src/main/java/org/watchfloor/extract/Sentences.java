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

  private static void split(String text, int from, int to, int paragraph, List<Sentence> out) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    String line = text.substring(from, to);
    it.setText(line);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
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
