package org.watchfloor.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.watchfloor.ingest.Urls;
import org.watchfloor.parse.ArticleParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parse stage of documents a source has read already (the pages of WARC archives, {@link
 * WarcFormat}): each {@link Staged.Arrived} becomes an article, or a {@link Staged.Failed} naming
 * its source, as {@link ParseFunction} parses the documents of JSON Lines; what a source could not
 * read (a {@link Staged.Failed} already) passes on to the store's quarantine. The records that
 * held no article ({@link Staged.PassedOver}) end here, counted by kind ({@link PassedOverCounts}:
 * a metric and an accumulator per kind, and a line in the log when the instance closes). Stateless
 * but for those counts, which are for watching, not checkpointed: after a restart they count what
 * is read again.
 */
public final class ParseDocumentFunction extends RichFlatMapFunction<Staged, Staged> {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(ParseDocumentFunction.class);

  private transient ArticleParser parser;
  private transient PassedOverCounts passedOver;

  @Override
  public void open(OpenContext context) {
    parser = new ArticleParser();
    passedOver = new PassedOverCounts(getRuntimeContext().getMetricGroup(), getRuntimeContext()::getLongCounter);
  }

  @Override
  public void close() {
    if (passedOver != null && !passedOver.summary().isEmpty()) {
      LOG.info("{}: passed over (no article in them): {}", getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks(),
          passedOver.summary());
    }
  }

  @Override
  public void flatMap(Staged in, Collector<Staged> out) {
    if (in instanceof Staged.Arrived arrived) {
      out.collect(ParseFunction.parse(parser, Urls.withoutUserInfo(arrived.document())));
    } else if (in instanceof Staged.PassedOver p) {
      passedOver.count(p.kind());
    } else {
      out.collect(in);
    }
  }
}
