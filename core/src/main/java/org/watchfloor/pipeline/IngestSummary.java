package org.watchfloor.pipeline;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * @param passedOver how many items of the input held no article and were passed over, by kind
 *     (a WARC archive's {@code WARC request}, {@code WARC revisit}, ... records), in the order of
 *     the kinds' names
 */
public record IngestSummary(
    int stored, int duplicates, int reports, int eventsTouched, long problemCount, List<Problem> problems,
    StageTimes stages, SortedMap<String, Long> passedOver) {

  /** How many problems a summary keeps. */
  public static final int PROBLEM_SAMPLE = 100;

  public IngestSummary {
    problems = List.copyOf(problems);
    passedOver = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(passedOver));
    if (problems.size() > PROBLEM_SAMPLE || problems.size() > problemCount
        || problems.size() < Math.min(problemCount, PROBLEM_SAMPLE)) {
      throw new IllegalArgumentException(
          "a sample of " + problems.size() + " problems does not fit a count of " + problemCount);
    }
  }

  /** A summary with every problem, when there are few enough to keep. */
  public IngestSummary(int stored, int duplicates, int reports, int eventsTouched, List<Problem> problems,
      StageTimes stages) {
    this(stored, duplicates, reports, eventsTouched, problems.size(), problems, stages, new TreeMap<>());
  }

  /** How many items were passed over, of all kinds. */
  public long passedOverCount() {
    return passedOver.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The items passed over, as {@code 3 WARC request, 1 WARC revisit}; empty when none were. */
  public String passedOverText() {
    return passedOverText(passedOver);
  }

  /** Counts by kind as {@code 3 WARC request, 1 WARC revisit}, in the map's order; empty when there are none. */
  public static String passedOverText(Map<String, Long> byKind) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Long> e : byKind.entrySet()) {
      b.append(b.isEmpty() ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
    }
    return b.toString();
  }
}
