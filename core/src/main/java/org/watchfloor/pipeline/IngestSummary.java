package org.watchfloor.pipeline;

import java.util.List;
import org.watchfloor.ingest.Problem;

/**
 * What one ingest run did: articles stored, duplicates skipped, problems met, events touched, and
 * where the time went.
 *
 * <p>Problems are kept bounded, as a count and a sample: a batch of fuzzed files can hold tens of
 * thousands of bad items, each already reported as it was met (and filed in the quarantine), and
 * keeping every one in memory to the end of the run grew the heap by gigabytes.
 *
 * @param problemCount how many problems were met
 * @param problems the first {@link #PROBLEM_SAMPLE} of them, in the order they were met (all of
 *     them when there were no more)
 */
public record IngestSummary(
    int stored, int duplicates, int reports, int eventsTouched, long problemCount, List<Problem> problems,
    StageTimes stages) {

  /** How many problems a summary keeps. */
  public static final int PROBLEM_SAMPLE = 100;

  public IngestSummary {
    problems = List.copyOf(problems);
    if (problems.size() > PROBLEM_SAMPLE || problems.size() > problemCount
        || problems.size() < Math.min(problemCount, PROBLEM_SAMPLE)) {
      throw new IllegalArgumentException(
          "a sample of " + problems.size() + " problems does not fit a count of " + problemCount);
    }
  }

  /** A summary with every problem, when there are few enough to keep. */
  public IngestSummary(int stored, int duplicates, int reports, int eventsTouched, List<Problem> problems,
      StageTimes stages) {
    this(stored, duplicates, reports, eventsTouched, problems.size(), problems, stages);
  }
}
