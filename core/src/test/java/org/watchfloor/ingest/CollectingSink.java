package org.watchfloor.ingest;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a source hands on, for assertions. */
final class CollectingSink implements DocumentSink {

  final List<RawDocument> documents = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();

  @Override
  public void accept(RawDocument document) {
    documents.add(document);
  }

  @Override
  public void problem(Problem problem) {
    problems.add(problem);
  }

  List<String> messages() {
    return problems.stream().map(Problem::message).toList();
  }
}
