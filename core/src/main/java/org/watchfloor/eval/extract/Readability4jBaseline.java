package org.watchfloor.eval.extract;

import java.util.List;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jspecify.annotations.Nullable;
import org.watchfloor.parse.charset.Charsets;
import org.watchfloor.parse.html.ExtractedPage;

/**
 * The library alternative the extractor is measured against: {@code net.dankito.readability4j}
 * (a Kotlin port of Mozilla's Readability.js from 2018), plain or "extended". It reads title,
 * byline and excerpt but no language or published time, so those score as missing.
 */
final class Readability4jBaseline {
  private Readability4jBaseline() {}

  static ExtractedPage extract(byte[] source, String baseUrl, boolean extended) {
    String html = Charsets.decode(source, null).text();
    Readability4J readability =
        extended ? new Readability4JExtended(baseUrl, html) : new Readability4J(baseUrl, html);
    Article article = readability.parse();
    String text = article.getTextContent();
    return new ExtractedPage(blankToNull(article.getTitle()), blankToNull(article.getByline()), null, null, null,
        null, false, text == null ? "" : text.strip(), blankToNull(article.getExcerpt()), List.of());
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
