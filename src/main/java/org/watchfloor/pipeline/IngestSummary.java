package org.watchfloor.pipeline;

import java.util.List;
import org.watchfloor.ingest.Problem;

/**
 * What one ingest run did: articles stored, duplicates skipped, problems met, events touched, and
 * where the time went.
 */
public record IngestSummary(
    int stored, int duplicates, int reports, int eventsTouched, List<Problem> problems, StageTimes stages) {

  public IngestSummary {
    problems = List.copyOf(problems);
  }
}
