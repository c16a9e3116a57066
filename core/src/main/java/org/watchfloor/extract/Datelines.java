package org.watchfloor.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.profile.EntityKind;

/**
 * The dateline that opens a wire story ("SEOUL, South Korea (AP) —", "Pyongyang, May 2 (KCNA)
 * --"): it names where the report was filed, not where the happening took place, so a place named
 * there is no location of the event. Written by hand: a dateline is a typographic convention of
 * news copy, which no parsing library here knows.
 */
final class Datelines {

  /**
   * At the start of a paragraph: one to four capitalised words of a place ("SEOUL", "Seoul/
   * Washington"), optionally a region (", South Korea"), a day (", May 2") and an agency in
   * brackets ("(Reuters)"), then a dash. The place must be in capitals, or carry an agency or a
   * day, so that a sentence opening on a name and a dash ("Pyongyang — which denies it —") is
   * not read as one.
   */
  private static final Pattern DATELINE = Pattern.compile(
      // (every repetition bounded, and a word taken whole, never given back: at any start a match
      // reads a short stretch once, so a search of a long run of letters or blanks stays linear;
      // InputPatternsLinearTest)
      "(?<place>\\p{Lu}[\\p{L}.'’]{0,30}+(?:[ /]\\p{Lu}[\\p{L}.'’]{0,30}+){0,3})"
          + "(?:,[ \\t]{0,3}\\p{Lu}[\\p{L}.]{0,30}+(?: \\p{Lu}[\\p{L}.]{0,30}+){0,2})?"
          + "(?<day>,?[ \\t]{0,3}\\p{Lu}\\p{Ll}{2,8}+\\.? {1,3}\\d{1,2})?"
          + "[ \\t]{0,3}(?<agency>\\([^)\\n]{1,40}\\))?"
          + "[ \\t]{0,3}(?:--|—|–|-)\\s");

  private Datelines() {}

  /** Where the dateline that opens {@code paragraphText} ends, or 0 where it opens with none. */
  static int end(String paragraphText) {
    int start = 0;
    while (start < paragraphText.length() && start < 8 && Character.isWhitespace(paragraphText.charAt(start))) {
      start++;
    }
    Matcher m = DATELINE.matcher(paragraphText).region(start, paragraphText.length());
    if (!m.lookingAt()) {
      return 0;
    }
    String place = m.group("place");
    boolean capitals = place.equals(place.toUpperCase(java.util.Locale.ROOT)) && place.chars().anyMatch(Character::isLetter);
    return capitals || m.group("agency") != null || m.group("day") != null ? m.end() : 0;
  }

  /**
   * Whether {@code e}, named in the sentence {@code s} of {@code text}, is a place of a dateline
   * that opens the sentence: only a sentence that opens a paragraph can hold one.
   */
  static boolean placeOf(String text, Sentences.Sentence s, EntityMatch e) {
    EntityKind kind = e.entity().kind();
    if (kind != EntityKind.PLACE && kind != EntityKind.FACILITY) {
      return false;
    }
    int before = s.start() - 1;
    while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
      before--;
    }
    if (before >= 0 && text.charAt(before) != '\n') {
      return false;
    }
    int end = end(s.text());
    return end > 0 && e.end() <= s.start() + end;
  }
}
