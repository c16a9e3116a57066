package org.watchfloor.flink;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.Problem;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;

/**
 * The resolve and store stages: each parallel instance is one writer of the team store, a
 * {@link Pipeline} of its own on its own connection, and hands it every extracted article
 * ({@link Pipeline#accept(org.watchfloor.ingest.RawDocument, org.watchfloor.model.Article,
 * org.watchfloor.extract.Extraction)}): the article, its mentions and reports and the events they
 * change are one unit of work, resolved against the events in the store, as by {@code ingest}.
 * Writers on one PostgreSQL database wait for each other where they meet (the store's advisory
 * locks), as several {@code ingest} processes do.
 *
 * <p>Exactly once in the store, from at-least-once delivery: at each checkpoint the writer commits
 * all it was handed before the barrier ({@link #flush}), and a unit handed again after a restart
 * from that checkpoint is one the store already holds, which the pipeline skips (the same bytes
 * and metadata, or the same URL with the same text), changing nothing. Units after the last
 * checkpoint are committed in groups ({@value Pipeline#COMMIT_EVERY} articles); a failure loses at
 * most the group in flight, which the replay stores again. Problems go to the store's quarantine.
 */
public final class StoreSink implements Sink<Staged> {

  private static final long serialVersionUID = 1L;

  private final JobSettings settings;

  public StoreSink(JobSettings settings) {
    this.settings = settings;
  }

  @Override
  public SinkWriter<Staged> createWriter(WriterInitContext context) {
    return new Writer(settings, context.metricGroup(), "store " + (context.getTaskInfo().getIndexOfThisSubtask() + 1)
        + "/" + context.getTaskInfo().getNumberOfParallelSubtasks());
  }

  /** One writer of the store: opened with the task, committed at each checkpoint and at the end. */
  static final class Writer implements SinkWriter<Staged> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSink.class);

    private final Store store;
    private final Pipeline pipeline;
    private final String name;

    /** @param name the writer in the log: {@code store 1/2} */
    Writer(JobSettings settings, MetricGroup metrics, String name) {
      this.name = name;
      Extractor extractor = settings.extractor();
      this.store = Store.open(StoreLocation.parse(settings.store(), environment()));
      this.pipeline = new Pipeline(store, extractor, new Pipeline.Listener() {});
      store.commitEvery(Pipeline.COMMIT_EVERY); // between checkpoints, units are committed in groups
      metrics.gauge("articlesStored", () -> progress().stored());
      metrics.gauge("articlesAlreadyStored", () -> progress().duplicates());
      metrics.gauge("reports", () -> progress().reports());
      metrics.gauge("problems", () -> progress().problemCount());
      metrics.gauge("racesLost", store::racesLost);
    }

    private static Map<String, String> environment() {
      return new HashMap<>(System.getenv());
    }

    private IngestSummary progress() {
      return pipeline.progress();
    }

    @Override
    public void write(Staged element, Context context) {
      switch (element) {
        case Staged.Extracted e -> pipeline.accept(e.document(), e.article(), e.extraction());
        case Staged.Failed f -> pipeline.problem(f.problem());
        case Staged.Parsed p -> pipeline.problem(new Problem(p.document().source(),
            "reached the store without extraction (the job's stages are wired wrong)"));
        case Staged.Arrived a -> pipeline.problem(new Problem(a.document().source(),
            "reached the store without parsing (the job's stages are wired wrong)"));
        case Staged.Found f -> pipeline.problem(new Problem(f.url(),
            "reached the store without being fetched (the job's stages are wired wrong)"));
        case Staged.PassedOver p -> pipeline.problem(new Problem(p.source(),
            "reached the store without being counted (the job's stages are wired wrong)"));
      }
    }

    /**
     * At a checkpoint, everything written so far is committed; at the end of the input, the search
     * index is brought up to date too.
     */
    @Override
    public void flush(boolean endOfInput) {
      if (endOfInput) {
        pipeline.finish();
      } else {
        pipeline.commit();
      }
    }

    /** Closed (at the end, or failing): says what it stored and how often it lost a race to another writer. */
    @Override
    public void close() {
      IngestSummary s = progress();
      LOG.info("{}: {} articles stored, {} already stored, {} reports, {} problems, {} races lost to other writers",
          name, s.stored(), s.duplicates(), s.reports(), s.problemCount(), store.racesLost());
      store.close();
    }
  }
}
