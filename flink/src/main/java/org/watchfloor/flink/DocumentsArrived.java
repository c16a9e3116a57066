package org.watchfloor.flink;

import org.apache.flink.util.Collector;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;

/**
 * A core reader's sink that hands on to a Flink collector what it reads: each document as a
 * {@link Staged.Arrived} for the parse stage, each problem as a {@link Staged.Failed} for the
 * quarantine (the documents of a page fetched, of a Kafka record).
 */
final class DocumentsArrived implements DocumentSink {

  private final Collector<Staged> out;

  private DocumentsArrived(Collector<Staged> out) {
    this.out = out;
  }

  static DocumentSink to(Collector<Staged> out) {
    return new DocumentsArrived(out);
  }

  @Override
  public void accept(RawDocument document) {
    out.collect(new Staged.Arrived(document));
  }

  @Override
  public void problem(Problem problem) {
    out.collect(new Staged.Failed(problem));
  }
}
