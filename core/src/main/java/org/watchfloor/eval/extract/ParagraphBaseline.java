package org.watchfloor.eval.extract;

import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.watchfloor.parse.html.ExtractedPage;

/**
 * The naive alternative the extractor is measured against: the text of every {@code <p>}, the
 * {@code <title>} as is, {@code <html lang>}; no byline or date.
 */
final class ParagraphBaseline {
  private ParagraphBaseline() {}

  static ExtractedPage extract(String html) {
    Document doc = Jsoup.parse(html);
    String text =
        doc.getElementsByTag("p").stream()
            .map(Element::text)
            .filter(t -> !t.isBlank())
            .collect(Collectors.joining("\n\n"));
    Element root = doc.firstElementChild();
    String lang = root == null || root.attr("lang").isBlank() ? null : root.attr("lang");
    String title = doc.title().isBlank() ? null : doc.title();
    return new ExtractedPage(title, null, null, lang, null, null, false, text, null, List.of());
  }
}
