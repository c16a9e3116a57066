package org.watchfloor.ingest;

/** Receives what a source reads: documents to parse, and problems to report. */
public interface DocumentSink {

  void accept(RawDocument document);

  void problem(Problem problem);

  /**
   * An item of the input that holds no article and is rightly passed over (a WARC archive's
   * request and revisit records, its images): not a problem, but counted, so that a user can
   * see where an archive's records went.
   *
   * @param source the item, as a problem would name it
   * @param kind what kind of item it was, the unit of counting (e.g. {@code WARC revisit})
   */
  default void passedOver(String source, String kind) {}
}
