package org.watchfloor.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.watchfloor.budget.Deadline;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.ingest.Urls;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;

/**
 * The parse stage: one line of JSON Lines in the public article contract becomes a document
 * (as {@code ingest} reads such a line, {@link FileSource#jsonLine}) and the document an article
 * ({@link ArticleParser}, without credentials in its URLs, as the embedded pipeline does). A line
 * that is not an article, or a document that cannot be parsed within its time budget, becomes a
 * {@link Staged.Failed} naming the input. Stateless.
 */
public final class ParseFunction extends RichFlatMapFunction<String, Staged> {

  private static final long serialVersionUID = 1L;

  /** The input the lines come from: named in problems, recorded with each article. */
  private final String input;
  private transient ArticleParser parser;

  public ParseFunction(String input) {
    this.input = input;
  }

  @Override
  public void open(OpenContext context) {
    parser = new ArticleParser();
  }

  @Override
  public void flatMap(String line, Collector<Staged> out) {
    if (line.isBlank()) {
      return;
    }
    FileSource.jsonLine(input, input, line, new DocumentSink() {
      @Override
      public void accept(RawDocument document) {
        out.collect(parse(parser, Urls.withoutUserInfo(document)));
      }

      @Override
      public void problem(Problem problem) {
        out.collect(new Staged.Failed(problem));
      }
    });
  }

  /**
   * The article of a document, or why there is none: as the embedded pipeline parses it, within
   * the default time budget. Also the parse of the documents a WARC archive holds ({@link
   * ParseDocumentFunction}).
   */
  static Staged parse(ArticleParser parser, RawDocument document) {
    try (Deadline.Scope scope = Deadline.after(Deadline.DEFAULT).enter()) {
      ParseResult parsed = parser.parse(document);
      return parsed.ok() ? new Staged.Parsed(document, parsed.article()) : new Staged.Failed(parsed.problem());
    } catch (Deadline.Exceeded e) {
      return new Staged.Failed(new Problem(document.source(), e.getMessage()));
    }
  }
}
