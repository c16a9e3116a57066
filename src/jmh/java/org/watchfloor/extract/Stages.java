package org.watchfloor.extract;

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
}
