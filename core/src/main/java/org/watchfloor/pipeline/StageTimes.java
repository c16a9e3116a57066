package org.watchfloor.pipeline;

/**
 * Seconds of one thread spent in each stage of an ingest: parsing the documents, extracting
 * reports, resolving them (near-duplicate lookup, origins, attaching to events and re-merging
 * them) and storing (article rows and commits). The parse time of documents that failed counts;
 * reading files does not.
 */
public record StageTimes(double parse, double extract, double resolve, double store) {

  public static final StageTimes ZERO = new StageTimes(0, 0, 0, 0);

  public double total() {
    return parse + extract + resolve + store;
  }

  /** Each stage's seconds summed with {@code other}'s. */
  public StageTimes plus(StageTimes other) {
    return new StageTimes(parse + other.parse, extract + other.extract, resolve + other.resolve, store + other.store);
  }

  /** Each stage's seconds less {@code earlier}'s: the time spent between two readings. */
  public StageTimes minus(StageTimes earlier) {
    return new StageTimes(parse - earlier.parse, extract - earlier.extract, resolve - earlier.resolve,
        store - earlier.store);
  }
}
