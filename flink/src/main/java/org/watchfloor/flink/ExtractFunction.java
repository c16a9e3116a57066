package org.watchfloor.flink;

import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.watchfloor.budget.Deadline;
import org.watchfloor.extract.Extraction;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.Problem;

/**
 * The extract stage: the relevance gate, then the event reader ({@link Extractor#extractRelevant}).
 * An article the gate turns away is dropped here, before anything is asked of the store, which is
 * where most of a firehose goes; one it lets through goes on with its mentions and reports. An
 * article whose extraction fails or outlasts its time budget becomes a {@link Staged.Failed};
 * failures from parsing pass through. Stateless (the extractor is loaded once per instance).
 */
public final class ExtractFunction extends RichFlatMapFunction<Staged, Staged> {

  private static final long serialVersionUID = 1L;

  private final JobSettings settings;
  private transient Extractor extractor;
  private transient Counter dropped;

  public ExtractFunction(JobSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    extractor = settings.extractor();
    dropped = getRuntimeContext().getMetricGroup().counter("articlesNotRelevant");
  }

  @Override
  public void flatMap(Staged in, Collector<Staged> out) {
    if (!(in instanceof Staged.Parsed parsed)) {
      out.collect(in);
      return;
    }
    Optional<Extraction> extraction;
    Deadline deadline = Deadline.after(Deadline.DEFAULT);
    try (Deadline.Scope scope = deadline.enter()) {
      deadline.stage("extract");
      extraction = extractor.extractRelevant(parsed.article());
      deadline.check();
    } catch (Deadline.Exceeded e) {
      out.collect(new Staged.Failed(new Problem(parsed.document().source(), e.getMessage())));
      return;
    } catch (RuntimeException e) {
      // one article the extractor cannot read must not stop the stream: it goes to the quarantine
      out.collect(new Staged.Failed(new Problem(parsed.document().source(), "cannot extract: " + e)));
      return;
    }
    // outside the guard: the operators after this one are chained, and their failures (the store
    // unreachable, say) must fail the task, to be restarted from the last checkpoint, not be
    // taken for this article's
    if (extraction.isPresent()) {
      out.collect(new Staged.Extracted(parsed.document(), parsed.article(), extraction.get()));
    } else {
      dropped.inc();
    }
  }
}
