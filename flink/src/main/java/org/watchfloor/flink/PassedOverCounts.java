package org.watchfloor.flink;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.watchfloor.pipeline.IngestSummary;

/**
 * The records of the input that held no article (a WARC archive's requests, revisits, images,
 * other statuses: {@link Staged.PassedOver}), counted by kind as {@code ingest} counts them, three
 * ways: a metric per kind while the job runs ({@code recordsPassedOver} in a group {@code
 * kind=WARC revisit}, …), an accumulator per kind that the job's result sums over all instances
 * ({@link #of}), and this instance's own counts for its log ({@link #summary}).
 */
final class PassedOverCounts {

  /** The prefix of the accumulators' names; the kind follows. */
  static final String ACCUMULATOR = "passedOver: ";

  private record Kind(Counter metric, LongCounter total) {}

  private final MetricGroup metrics;
  private final Function<String, LongCounter> accumulators;
  private final Map<String, Kind> kinds = new HashMap<>();
  private final SortedMap<String, Long> counts = new TreeMap<>();

  /**
   * @param metrics the operator's metric group
   * @param accumulators the job's long counter of a name ({@code RuntimeContext::getLongCounter})
   */
  PassedOverCounts(MetricGroup metrics, Function<String, LongCounter> accumulators) {
    this.metrics = metrics;
    this.accumulators = accumulators;
  }

  void count(String kind) {
    Kind k = kinds.computeIfAbsent(kind, name ->
        new Kind(metrics.addGroup("kind", name).counter("recordsPassedOver"), accumulators.apply(ACCUMULATOR + name)));
    k.metric().inc();
    k.total().add(1L);
    counts.merge(kind, 1L, Long::sum);
  }

  /** What this instance passed over, as {@code ingest} prints it ({@code 3 WARC request, 1 WARC revisit}); empty when nothing. */
  String summary() {
    return IngestSummary.passedOverText(counts);
  }

  /** The job's counts by kind, from its accumulators' results (a job's {@code getAllAccumulatorResults()}). */
  static SortedMap<String, Long> of(Map<String, Object> accumulatorResults) {
    SortedMap<String, Long> out = new TreeMap<>();
    accumulatorResults.forEach((name, value) -> {
      if (name.startsWith(ACCUMULATOR) && value instanceof Long n) {
        out.put(name.substring(ACCUMULATOR.length()), n);
      }
    });
    return out;
  }
}
