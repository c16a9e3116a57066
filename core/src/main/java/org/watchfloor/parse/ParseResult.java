package org.watchfloor.parse;

import org.watchfloor.ingest.Problem;
import org.watchfloor.model.Article;
import org.jspecify.annotations.Nullable;

/** Either a parsed article or the problem that stopped it; never both. */
public record ParseResult(@Nullable Article article, @Nullable Problem problem) {

  public ParseResult {
    if ((article == null) == (problem == null)) {
      throw new IllegalArgumentException("exactly one of article and problem");
    }
  }

  static ParseResult ok(Article article) {
    return new ParseResult(article, null);
  }

  static ParseResult failed(Problem problem) {
    return new ParseResult(null, problem);
  }

  public boolean ok() {
    return article != null;
  }
}
