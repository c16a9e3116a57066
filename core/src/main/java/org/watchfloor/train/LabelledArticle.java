package org.watchfloor.train;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;

/**
 * An article as the pipeline parses it, with the happenings an annotator found in it.
 *
 * @param raw the document as it arrived, for ingesting it through the whole pipeline in an evaluation
 * @param relevant whether the article is about the watch; an article can be relevant and still
 *     mention no event of its own (an analysis of the programme), never the reverse
 */
public record LabelledArticle(
    Article article, List<LabelledEvent> events, boolean relevant, @Nullable RawDocument raw) {

  public LabelledArticle {
    Objects.requireNonNull(article, "article");
    events = List.copyOf(events);
  }

  /** An article without the document it was parsed from (it cannot be ingested again). */
  public LabelledArticle(Article article, List<LabelledEvent> events, boolean relevant) {
    this(article, events, relevant, null);
  }

  /** The outlet, for grouping folds; "unknown" when the source gave none. */
  public String outlet() {
    return article.outlet() == null ? "unknown" : article.outlet();
  }

  /** The publication month, {@code YYYY-MM}, for grouping folds; "unknown" when undated. */
  public String month() {
    return article.published() == null ? "unknown" : article.published().localDay().toString().substring(0, 7);
  }
}
