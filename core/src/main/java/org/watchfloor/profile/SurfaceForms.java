package org.watchfloor.profile;

import java.text.Normalizer;

/**
 * The folding that makes surface forms compare equal regardless of case, diacritics, spacing and
 * hyphenation: "Hwasong-18", "Hwasŏng 18" and "hwasong18" all have the key {@code hwasong18}.
 *
 * <p>Shared by the loader (to find aliases that collide) and the matchers (which fold text char
 * by char so that offsets map back to the original), so both always agree.
 */
public final class SurfaceForms {

  private SurfaceForms() {}

  /**
   * The folded form of one char: lower-cased without regard to the default locale and stripped
   * of diacritics ({@code ŏ → o}), or {@code 0} when {@code c} is not a letter or digit.
   */
  public static char fold(char c) {
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        return (char) (c + ('a' - 'A'));
      }
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : 0;
    }
    if (!Character.isLetterOrDigit(c)) {
      return 0;
    }
    // Character.toLowerCase is locale-independent (Turkish İ folds to i, not to i + dot).
    char lower = Character.toLowerCase(c);
    if (lower < 0xC0 || lower > 0x24F) {
      return lower;
    }
    // Latin letters with diacritics (McCune-Reischauer ŏ, ŭ): keep the base letter.
    String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
    char base = decomposed.charAt(0);
    return Character.isLetterOrDigit(base) ? base : lower;
  }

  /** The key of a whole phrase: its letters and digits, folded, everything else dropped. */
  public static String key(CharSequence phrase) {
    StringBuilder key = new StringBuilder(phrase.length());
    for (int i = 0; i < phrase.length(); i++) {
      char f = fold(phrase.charAt(i));
      if (f != 0) {
        key.append(f);
      }
    }
    return key.toString();
  }
}
