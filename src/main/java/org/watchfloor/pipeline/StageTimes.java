package org.watchfloor.pipeline;

/**
 * Seconds of one thread spent in each stage of an ingest: parsing the documents, extracting
 * reports, resolving them (near-duplicate lookup, origins, attaching to events and re-merging
 * them) and storing (article rows and commits). The parse time of documents that failed counts;
 * reading files does not.
 */
public record StageTimes(double parse, double extract, double resolve, double store) {

  public double total() {
    return parse + extract + resolve + store;
  }
}
