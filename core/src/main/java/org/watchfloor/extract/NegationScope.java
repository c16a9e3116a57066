package org.watchfloor.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.profile.WatchProfile;

/**
 * Whether a negation denies one phrase of a sentence (a trigger, an outcome cue), not merely
 * whether the sentence holds one: "will never tolerate their provocations and will take resolute
 * countermeasures" threatens countermeasures, and "fired a missile, but did not say where" fired
 * it. A negation cue (lexicon {@code negations}) denies the phrase when it stands before it within
 * {@link #WINDOW_WORDS} words and no clause boundary lies between the two: a word that opens a
 * clause (lexicon {@code clause_boundaries}: "but", "while" …) or a semicolon, colon or dash. A
 * cue inside an idiom that denies nothing (lexicon {@code negation_idioms}: "there is no doubt
 * the North launched", "not only fired … but") is no negation.
 */
final class NegationScope {

  /**
   * How many words a negation may stand before what it denies: "denied that it had fired" and
   * "would not comment on whether the North had launched" reach their verb, a "not" in the
   * previous run of a long clause does not.
   */
  static final int WINDOW_WORDS = 8;

  /** Punctuation that ends a clause in any language the profiles are written for. */
  private static final Pattern PUNCTUATION = Pattern.compile("[;:]|\\s(?:--|\\u2014|\\u2013)\\s");

  private final Cues negations;
  private final Cues boundaries;
  private final Cues idioms;

  NegationScope(List<String> negations, List<String> boundaries, List<String> idioms) {
    this.negations = new Cues(negations);
    this.boundaries = new Cues(boundaries);
    this.idioms = new Cues(idioms);
  }

  /** The scope of {@code profile}'s lexicons {@code negations}, {@code clause_boundaries} and {@code negation_idioms}. */
  static NegationScope of(WatchProfile profile) {
    return new NegationScope(profile.lexicon("negations"), profile.lexicon("clause_boundaries"),
        profile.lexicon("negation_idioms"));
  }

  /** Whether a negation cue denies what begins at offset {@code at} of {@code sentence}. */
  boolean negates(String sentence, int at) {
    Pattern cues = negations.pattern();
    if (cues == null || at <= 0) {
      return false;
    }
    int from = Math.max(clauseStart(sentence, at), windowStart(sentence, at));
    if (from >= at) {
      return false;
    }
    // transparent bounds: a cue must still stand as a word of the sentence at the region's edges
    Matcher m = cues.matcher(sentence).region(from, at).useTransparentBounds(true);
    while (m.find()) {
      if (!insideIdiom(sentence, m.start(), m.end())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code start..end} lies inside an idiom of the sentence ("no" of "no doubt"). */
  private boolean insideIdiom(String sentence, int start, int end) {
    Pattern p = idioms.pattern();
    if (p == null) {
      return false;
    }
    Matcher idiom = p.matcher(sentence);
    while (idiom.find() && idiom.start() <= start) {
      if (idiom.end() >= end) {
        return true;
      }
    }
    return false;
  }

  /** The end of the last clause boundary that ends by {@code at}, else 0. */
  private int clauseStart(String sentence, int at) {
    int start = lastEnd(PUNCTUATION, sentence, at);
    Pattern words = boundaries.pattern();
    return words == null ? start : Math.max(start, lastEnd(words, sentence, at));
  }

  private static int lastEnd(Pattern p, String sentence, int at) {
    Matcher b = p.matcher(sentence).region(0, at).useTransparentBounds(true);
    int end = 0;
    while (b.find()) {
      end = b.end();
    }
    return end;
  }

  /** The offset {@link #WINDOW_WORDS} words back of {@code at}. */
  private static int windowStart(String sentence, int at) {
    int p = at;
    for (int words = 0; words <= WINDOW_WORDS && p > 0; words++) {
      while (p > 0 && Character.isWhitespace(sentence.charAt(p - 1))) {
        p--;
      }
      while (p > 0 && !Character.isWhitespace(sentence.charAt(p - 1))) {
        p--;
      }
    }
    return p;
  }
}
