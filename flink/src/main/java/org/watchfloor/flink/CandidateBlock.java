package org.watchfloor.flink;

import org.apache.flink.api.java.functions.KeySelector;
import org.watchfloor.extract.Extraction;
import org.watchfloor.model.Article;
import org.watchfloor.model.Report;
import org.watchfloor.store.Store;

/**
 * The key the store's writers are fed by: the candidate block an article's reports are resolved
 * in ({@link Store#candidateBlock}: event type × {@code 7}-day block of its date, the block the
 * report locks and reads its candidate events from), taken from its first report that is news
 * (not a passing mention), else its first report. Articles that may join, start or change the same
 * events are meant to meet in one writer, one after the other, rather than in two writers that
 * wait for each other's locks. Measured on a generated corpus at parallelism 2, the writers lost
 * about as many races keyed as unkeyed (docs/flink.md): they still meet on near-duplicate keys,
 * on the blocks of an article's other reports and on windows that cross a block's edge.
 *
 * <p>The key routes; it decides nothing. An article whose reports fall in several blocks (a
 * report of another type, a window reaching over a block's edge, a year-dated one) still locks
 * them all, and the store's locks still keep two writers that meet there apart: keyed or not, the
 * events are the same. An article without reports is keyed by its text (the store's other lock,
 * {@code text|HASH}), so its copies meet too; a problem by its source.
 */
final class CandidateBlock implements KeySelector<Staged, String> {

  private static final long serialVersionUID = 1L;

  @Override
  public String getKey(Staged staged) {
    return switch (staged) {
      case Staged.Extracted e -> of(e.article(), e.extraction());
      case Staged.Parsed p -> "text|" + p.article().contentHash();
      case Staged.Failed f -> "problem|" + f.problem().source();
      case Staged.Arrived a -> "problem|" + a.document().source();
      case Staged.Found f -> "problem|" + f.url();
      case Staged.PassedOver p -> "problem|" + p.source();
    };
  }

  /** The block of the article's first report that is news, else of its first; its text where it has none. */
  static String of(Article article, Extraction extraction) {
    Report main = extraction.reports().stream().filter(r -> !r.background()).findFirst()
        .orElse(extraction.reports().isEmpty() ? null : extraction.reports().get(0));
    return main == null ? "text|" + article.contentHash() : Store.candidateBlock(main.eventType(), main.date());
  }
}
