package org.watchfloor.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.watchfloor.model.Article;

/**
 * Drops an extracted article that its candidate block ({@link CandidateBlock}) was handed before
 * within {@code window}: the same article id, or the same URL with the same text, which is what
 * the store would find a duplicate of what it holds and skip ({@code ArticleRows.duplicateOf}), so
 * a repeat in the stream (a producer's retry, a feed read again, one page in two crawls) never
 * costs its writer a transaction, a content lock and two lookups. Everything else passes.
 *
 * <p>What it remembers is the only per-key state the job keeps in Flink: a set of identities per
 * block, in Flink's state backend, checkpointed with the source's position, each entry expiring
 * {@code window} after it was written. It is not what the store is the state of: the events stay
 * in the store alone (see docs/flink.md). Restored from a checkpoint, the set holds what was read
 * before it, so the articles read again after a restart are not in it: those reach the store,
 * which skips the ones it committed. The set is a shortcut for repeats, never the record; an entry
 * lost to its TTL only sends a repeat on to the store.
 *
 * <p>One case it does not see: if the first copy failed to store (it went to the quarantine with
 * its reason), a repeat within the window is dropped here, counted in {@code articlesRepeated}.
 */
final class RepeatFilter extends KeyedProcessFunction<String, Staged, Staged> {

  private static final long serialVersionUID = 1L;

  private final Duration window;
  private transient MapState<String, Boolean> seen;
  private transient Counter repeated;

  RepeatFilter(Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a repeat window must be positive: " + window);
    }
    this.window = window;
  }

  @Override
  public void open(OpenContext context) {
    MapStateDescriptor<String, Boolean> descriptor = new MapStateDescriptor<>("seen", Types.STRING, Types.BOOLEAN);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(window)
        .updateTtlOnCreateAndWrite()
        .neverReturnExpired()
        .build());
    seen = getRuntimeContext().getMapState(descriptor);
    repeated = getRuntimeContext().getMetricGroup().counter("articlesRepeated");
  }

  @Override
  public void processElement(Staged in, Context context, Collector<Staged> out) throws Exception {
    if (in instanceof Staged.Extracted e) {
      List<String> identities = identities(e.article());
      for (String identity : identities) {
        if (seen.contains(identity)) {
          repeated.inc();
          return;
        }
      }
      for (String identity : identities) {
        seen.put(identity, Boolean.TRUE);
      }
    }
    out.collect(in);
  }

  /** The identities under which the store finds an article it holds: its id; its URL with its text. */
  static List<String> identities(Article article) {
    List<String> out = new ArrayList<>(2);
    out.add("id|" + article.id());
    if (article.url() != null) {
      out.add("url|" + article.contentHash() + "|" + article.url());
    }
    return out;
  }
}
