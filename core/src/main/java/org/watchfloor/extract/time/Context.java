package org.watchfloor.extract.time;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** The text being tagged and the day it was published. */
record Context(String text, LocalDate anchor) {

  private static final Pattern FUTURE_CUE =
      Pattern.compile(
          "(?i)\\b(?:will|shall|'ll|plans?\\s+to|planned\\s+(?:to|for)|planning\\s+to|is to|are to|to be held|to be"
              + " convened|scheduled|expected|expects|upcoming|due to|set to|intends?|aims? to"
              + "|slated|going to|would be held|forthcoming)\\b");

  private static final int LOOK_BACK = 120;

  /**
   * Whether the clause before {@code start} speaks of the future ("will", "expected in"). A
   * closing quotation ends the clause: a quoted "will" is not the reporter's tense.
   */
  boolean futureCue(int start) {
    int from = Math.max(0, start - LOOK_BACK);
    for (int i = start - 1; i >= from; i--) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '!' || ch == '?' || ch == ';' || ch == '"' || ch == '\u201d') {
        from = i + 1;
        break;
      }
      if (ch == '.'
          && i + 2 < start
          && Character.isWhitespace(text.charAt(i + 1))
          && Character.isUpperCase(text.charAt(i + 2))) {
        from = i + 1;
        break;
      }
    }
    return FUTURE_CUE.matcher(text).region(from, start).find();
  }
}
