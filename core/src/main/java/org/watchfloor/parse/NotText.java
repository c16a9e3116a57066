package org.watchfloor.parse;

import org.jspecify.annotations.Nullable;
import org.watchfloor.parse.charset.Charsets;
import org.watchfloor.parse.charset.Decoded;

/**
 * Refuses decoded bytes that are not text: a file of random high bytes with no NUL and no control
 * byte passes the ingest stage's binary check, and decoded as windows-1252 (the last resort of
 * sniffing) it would become an "article" of mojibake. Judged on the first {@value #HEAD}
 * characters, by two shares of the visible ones:
 *
 * <ul>
 *   <li>replacement and control characters: above 1 in 20, the bytes did not decode;
 *   <li>characters outside ASCII, when the bytes were neither UTF-8 nor Korean and fell back to
 *       windows-1252: above 3 in 10. Text in the languages windows-1252 serves is mostly ASCII
 *       letters (French or German news has a few in a hundred outside ASCII).
 * </ul>
 */
final class NotText {

  static final int HEAD = 65_536;

  private NotText() {}

  /** Why {@code d} is not text, or null when it is. */
  static @Nullable String reason(Decoded d) {
    String t = d.text();
    int n = Math.min(t.length(), HEAD);
    int visible = 0;
    int broken = 0;
    int nonAscii = 0;
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        continue;
      }
      visible++;
      if (c == '\uFFFD' || Character.getType(c) == Character.CONTROL) {
        broken++;
      }
      if (c >= 0x80) {
        nonAscii++;
      }
    }
    if (visible == 0) {
      return null;
    }
    if (broken * 20L > visible) {
      return "not text: " + broken + " of its first " + visible
          + " visible characters are replacement or control characters";
    }
    if (d.charset().equals(Charsets.WINDOWS_1252) && nonAscii * 10L > visible * 3L) {
      return "not text: its bytes are neither UTF-8 nor Korean, and as windows-1252 " + percent(nonAscii, visible)
          + " of its first " + visible + " visible characters fall outside ASCII";
    }
    return null;
  }

  private static String percent(int part, int whole) {
    return Math.round(100.0 * part / whole) + " %";
  }
}
