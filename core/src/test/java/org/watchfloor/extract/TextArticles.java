package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;

/** Articles for extraction tests, written as a plain-text document with a header of our own. */
final class TextArticles {

  private TextArticles() {}

  /** The article the parser makes of {@code body} under the header; the parse must succeed. */
  static Article article(String outlet, String published, String title, String body) {
    String text = "outlet: " + outlet + "\npublished: " + published + "\ntitle: " + title + "\n\n" + body;
    ParseResult parsed = new ArticleParser().parse(new RawDocument("rules.txt", null, RawDocument.Format.TEXT,
        text.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(parsed.ok()).isTrue();
    return parsed.article();
  }
}
