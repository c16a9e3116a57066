package org.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/**
 * A batch with thousands of bad items keeps a count of its problems and a bounded sample of them,
 * not every one: each is reported as it is met and filed in the quarantine.
 */
class ProblemSampleTest {

  @TempDir Path tmp;

  @Test
  void thousandsOfBadItemsAreCountedAndOnlyTheFirstAreKept() {
    int bad = 3_000;
    AtomicLong reported = new AtomicLong();
    try (Store store = Store.open(tmp.resolve("s"))) {
      Pipeline pipeline = new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {
        @Override
        public void problem(Problem problem) {
          reported.incrementAndGet();
        }
      }, Optional.empty());
      Iterable<RawDocument> blanks = () -> new Iterator<>() {
        private int i;

        @Override
        public boolean hasNext() {
          return i < bad;
        }

        @Override
        public RawDocument next() {
          String name = "blank-" + i++ + ".txt";
          return new RawDocument(name, name, RawDocument.Format.TEXT, new byte[] {' '}, Map.of());
        }
      };

      IngestSummary summary = pipeline.ingestDocuments(blanks);

      assertThat(summary.problemCount()).isEqualTo(bad);
      assertThat(summary.problems()).hasSize(IngestSummary.PROBLEM_SAMPLE);
      assertThat(summary.problems().get(0).source()).isEqualTo("blank-0.txt");
      assertThat(reported).hasValue(bad);
      assertThat(store.count("quarantine")).isEqualTo(bad);
    }
  }
}
