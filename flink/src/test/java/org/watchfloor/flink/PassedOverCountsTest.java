package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.testutils.MetricListener;
import org.junit.jupiter.api.Test;

/**
 * The records that held no article, counted by kind: a metric each, an accumulator each (summed
 * into the job's result), and the instance's summary as {@code ingest} prints it.
 */
class PassedOverCountsTest {

  private final MetricListener metrics = new MetricListener();
  private final Map<String, LongCounter> accumulators = new HashMap<>();
  private final PassedOverCounts counts = new PassedOverCounts(metrics.getMetricGroup(),
      name -> accumulators.computeIfAbsent(name, n -> new LongCounter()));

  private long metric(String kind) {
    return metrics.getCounter("kind", kind, "recordsPassedOver").map(Counter::getCount).orElseThrow();
  }

  @Test
  void eachKindHasItsMetricItsAccumulatorAndALineInTheSummary() {
    for (String kind : List.of("WARC request", "WARC revisit", "WARC request", "WARC HTTP status not 200", "WARC request")) {
      counts.count(kind);
    }

    assertThat(metric("WARC request")).isEqualTo(3);
    assertThat(metric("WARC revisit")).isEqualTo(1);
    assertThat(metric("WARC HTTP status not 200")).isEqualTo(1);
    assertThat(counts.summary()).isEqualTo("1 WARC HTTP status not 200, 3 WARC request, 1 WARC revisit");

    Map<String, Object> results = new HashMap<>();
    accumulators.forEach((name, counter) -> results.put(name, counter.getLocalValue()));
    results.put("numRecords", 9); // another accumulator of the job
    assertThat(PassedOverCounts.of(results))
        .containsExactly(Map.entry("WARC HTTP status not 200", 1L), Map.entry("WARC request", 3L), Map.entry("WARC revisit", 1L));
  }

  @Test
  void nothingPassedOverIsAnEmptySummary() {
    assertThat(counts.summary()).isEmpty();
    assertThat(PassedOverCounts.of(Map.of())).isEmpty();
  }
}
