package org.watchfloor.store;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Turns a designator token ({@code hwasong_18}, {@code kn25}, {@code hwasong_11d}: letters, then
 * digits, then at most a letter or a plural) into one term without the {@code _}; when indexing,
 * also emits its family ({@code hwasong}, {@code kn}) at the same position.
 */
final class DesignatorFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
  private final boolean withFamily;
  private @Nullable State pending;
  private @Nullable String family;

  DesignatorFilter(TokenStream input, boolean withFamily) {
    super(input);
    this.withFamily = withFamily;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (family != null) {
      restoreState(pending);
      term.setEmpty().append(family);
      position.setPositionIncrement(0);
      family = null;
      pending = null;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    int letters = familyLength();
    if (letters > 0) {
      int w = 0;
      char[] b = term.buffer();
      for (int i = 0; i < term.length(); i++) {
        if (b[i] != '_') {
          b[w++] = b[i];
        }
      }
      term.setLength(w);
      if (withFamily && letters >= 2) {
        family = new String(b, 0, letters);
        pending = captureState();
      }
    }
    return true;
  }

  /** Whether a term, as this filter leaves it, is a designator ({@code hwasong18}, {@code kn25}). */
  static boolean isDesignator(String term) {
    return familyLength(term.toCharArray(), term.length()) >= 2;
  }

  private int familyLength() {
    return familyLength(term.buffer(), term.length());
  }

  /** The length of the letters of a designator token, or 0 when the token is no designator. */
  private static int familyLength(char[] b, int n) {
    int i = 0;
    while (i < n && Character.isLetter(b[i])) {
      i++;
    }
    int letters = i;
    if (letters == 0) {
      return 0;
    }
    if (i < n && b[i] == '_') {
      i++;
    }
    int digits = i;
    while (i < n && Character.isDigit(b[i])) {
      i++;
    }
    if (i == digits || n - i > 2) {
      return 0;
    }
    for (int j = i; j < n; j++) {
      if (!Character.isLetter(b[j])) {
        return 0;
      }
    }
    return letters;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    family = null;
    pending = null;
  }
}
