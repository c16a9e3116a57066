package org.watchfloor.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.budget.Deadline;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/**
 * A document that runs past its time budget in parsing, flagging or extraction is set aside with
 * its reason and the documents after it are ingested. The budget is timed on a clock the test
 * moves, and only while the slow document is in the stage under test: nothing here is slow.
 */
class DocumentBudgetTest {

  private static final Extractor EXTRACTOR = new Extractor(WatchProfile.load("dprk"));
  private static final long HOUR = Duration.ofHours(1).toNanos();

  @TempDir Path tmp;
  private Store store;
  private final AtomicLong now = new AtomicLong();
  private final AtomicBoolean slowDocument = new AtomicBoolean();

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("s"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"parse", "flag", "extract"})
  void aDocumentOverItsBudgetInAStageIsSetAsideAndTheBatchGoesOn(String stage) {
    // an hour passes at each look at the clock, while the slow document is in the stage
    Pipeline pipeline = new Pipeline(store, EXTRACTOR, new Pipeline.Listener() {}, Optional.empty())
        .documentBudget(Duration.ofSeconds(20), () -> slowDocument.get() && Deadline.current().stage().equals(stage)
            ? now.addAndGet(HOUR) : now.get());
    RawDocument slow = article("slow.txt", "Launch reported at the coast");
    List<RawDocument> batch = List.of(article("first.txt", "Missile fired into the sea"), slow,
        article("last.txt", "Second missile fired at dawn"));

    IngestSummary summary = pipeline.ingestDocuments(marking(batch, slow));

    assertThat(summary.problems())
        .containsExactly(new Problem("slow.txt", "over its time budget in " + stage + " (20 s)"));
    assertThat(summary.stored()).isEqualTo(2);
  }

  /** The documents of {@code batch}, with {@link #slowDocument} set while {@code slow} is the one handed out. */
  private Iterable<RawDocument> marking(List<RawDocument> batch, RawDocument slow) {
    return () -> new Iterator<>() {
      private final Iterator<RawDocument> in = batch.iterator();

      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public RawDocument next() {
        RawDocument d = in.next();
        slowDocument.set(d == slow);
        return d;
      }
    };
  }

  private static RawDocument article(String name, String title) {
    String text = "Title: " + title + "\nOutlet: Harbor Wire\nPublished: 2025-11-03\n\n"
        + "North Korea fired a ballistic missile off its east coast on Monday, the military in Seoul said. "
        + "The missile flew about 400 km before falling into the sea.\n";
    return new RawDocument(name, name, RawDocument.Format.TEXT, text.getBytes(UTF_8), Map.of());
  }
}
