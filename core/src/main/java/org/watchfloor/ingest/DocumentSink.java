package org.watchfloor.ingest;

/** Receives what a source reads: documents to parse, and problems to report. */
public interface DocumentSink {

  void accept(RawDocument document);

  void problem(Problem problem);
}
