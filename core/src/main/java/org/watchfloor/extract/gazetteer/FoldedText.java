package org.watchfloor.extract.gazetteer;

import org.watchfloor.profile.SurfaceForms;

/**
 * A text reduced to its folded letters and digits ({@link SurfaceForms#fold}), with, for each
 * folded char, where it came from, and where the words and hard breaks were.
 *
 * <p>Soft separators (whitespace, hyphens and dashes, apostrophes, periods, underscores,
 * invisible format chars) are dropped, so "Hwasong 18", "Hwasong-18" and "hwasong18" fold alike;
 * they still mark word boundaries. Any other char (comma, parenthesis, quote, slash …) is a hard
 * break: no match may span it.
 */
final class FoldedText {

  final String folded;
  private final int[] originStart;
  private final int[] segment;
  private final boolean[] boundaryBefore;

  FoldedText(String text) {
    int length = text.length();
    StringBuilder out = new StringBuilder(length);
    int[] starts = new int[length];
    int[] segments = new int[length];
    boolean[] boundaries = new boolean[length + 1];
    boolean separated = true;
    int currentSegment = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      char f = SurfaceForms.fold(c);
      if (f != 0) {
        int k = out.length();
        boundaries[k] = separated;
        starts[k] = i;
        segments[k] = currentSegment;
        out.append(f);
        separated = false;
      } else {
        separated = true;
        if (!isSoftSeparator(c)) {
          currentSegment++;
        }
      }
    }
    boundaries[out.length()] = true;
    this.folded = out.toString();
    this.originStart = starts;
    this.segment = segments;
    this.boundaryBefore = boundaries;
  }

  static boolean isSoftSeparator(char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.DASH_PUNCTUATION, Character.FORMAT, Character.CONNECTOR_PUNCTUATION -> true;
      default -> c == '\'' || c == '\u2019' || c == '\u2018' || c == '.' || c == '\u00B7';
    };
  }

  int length() {
    return folded.length();
  }

  /** Whether a word boundary lies just before folded char {@code k} ({@code k == length()}: end). */
  boolean boundaryBefore(int k) {
    return boundaryBefore[k];
  }

  /** Whether folded chars {@code [from, to)} lie between the same two hard breaks. */
  boolean sameSegment(int from, int to) {
    return segment[from] == segment[to - 1];
  }

  /** The offset in the original text of folded char {@code k}. */
  int originStart(int k) {
    return originStart[k];
  }

  /** The offset in the original text just after folded char {@code k - 1}. */
  int originEnd(int k) {
    return originStart[k - 1] + 1;
  }
}
