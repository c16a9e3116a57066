package org.watchfloor.extract;

import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * Opens to the benchmarks the pieces of the extract stage that it keeps package-private, so that
 * each can be timed alone; it lives in the benchmark sources and is in no build of the product.
 */
public final class Stages {
  private Stages() {}

  /** Splits a text into sentences as {@link Extractor#extract} does; returns how many. */
  public static int sentences(String text) {
    return Sentences.of(text).size();
  }

  /** Splits a text into sentences and joins those that {@code names} run across; returns how many. */
  public static int joinedSentences(String text, List<int[]> names) {
    return Sentences.joinedAcross(text, Sentences.of(text), names).size();
  }

  /** The numeric claims (ranges, apogees, counts) of a sentence; returns how many. */
  public static int numbers(String sentence) {
    return Numbers.claims(sentence, 0).size();
  }

  /**
   * A lexicon's cues ({@link Cues}) as a function of a text and spans in it that says how many of
   * the spans a cue covers, as the extractor asks of each trigger.
   */
  public static ToIntBiFunction<String, List<int[]>> coverage(List<String> phrases) {
    Cues cues = new Cues(phrases);
    return (text, spans) -> {
      int n = 0;
      for (int[] span : spans) {
        n += cues.covers(text, span[0], span[1]) ? 1 : 0;
      }
      return n;
    };
  }
}
