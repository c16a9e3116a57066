package org.watchfloor.ingest;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a source hands on, for assertions. */
final class CollectingSink implements DocumentSink {

  final List<RawDocument> documents = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();
  /** {@code kind @ source} of each item passed over. */
  final List<String> passedOver = new ArrayList<>();

  @Override
  public void accept(RawDocument document) {
    documents.add(document);
  }

  @Override
  public void problem(Problem problem) {
    problems.add(problem);
  }

  @Override
  public void passedOver(String source, String kind) {
    passedOver.add(kind + " @ " + source);
  }

  List<String> messages() {
    return problems.stream().map(Problem::message).toList();
  }
}
