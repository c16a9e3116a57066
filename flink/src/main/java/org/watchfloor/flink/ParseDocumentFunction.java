package org.watchfloor.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.watchfloor.ingest.Urls;
import org.watchfloor.parse.ArticleParser;

/**
 * The parse stage of documents a source has read already (the pages of WARC archives, {@link
 * WarcFormat}): each {@link Staged.Arrived} becomes an article, or a {@link Staged.Failed} naming
 * its source, as {@link ParseFunction} parses the documents of JSON Lines; what a source could not
 * read (a {@link Staged.Failed} already) passes on to the store's quarantine. Stateless.
 */
public final class ParseDocumentFunction extends RichFlatMapFunction<Staged, Staged> {

  private static final long serialVersionUID = 1L;

  private transient ArticleParser parser;

  @Override
  public void open(OpenContext context) {
    parser = new ArticleParser();
  }

  @Override
  public void flatMap(Staged in, Collector<Staged> out) {
    if (in instanceof Staged.Arrived arrived) {
      out.collect(ParseFunction.parse(parser, Urls.withoutUserInfo(arrived.document())));
    } else {
      out.collect(in);
    }
  }
}
