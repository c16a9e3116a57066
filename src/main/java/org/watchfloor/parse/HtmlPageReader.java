package org.watchfloor.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Reads title, metadata and body text from an HTML page with jsoup: meta tags and Open Graph
 * for the metadata; the text of {@code <article>} (or the body without navigation, headers,
 * footers, asides, scripts and forms) for the body, one paragraph a block.
 */
final class HtmlPageReader {

  record Page(
      @Nullable String title,
      @Nullable String byline,
      @Nullable String siteName,
      @Nullable String language,
      @Nullable String canonicalUrl,
      @Nullable String published,
      String text) {}

  private static final String CLUTTER =
      "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, figure, figcaption,"
          + " [class~=(?i)(share|social|related|comment|cookie|newsletter|promo|advert|\\bad\\b|banner|menu|breadcrumb|caption)],"
          + " [id~=(?i)(share|social|related|comment|cookie|newsletter|promo|advert|banner|menu|breadcrumb)]";

  private HtmlPageReader() {}

  static Page read(byte[] bytes, @Nullable String baseUrl) throws IOException {
    Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, baseUrl == null ? "" : baseUrl);
    String title = firstNonBlank(meta(doc, "og:title"), doc.title());
    String site = meta(doc, "og:site_name");
    String byline = firstNonBlank(meta(doc, "author"), meta(doc, "article:author"));
    String published =
        firstNonBlank(meta(doc, "article:published_time"), meta(doc, "date"), timeDatetime(doc));
    String lang = doc.selectFirst("html") == null ? null : blankToNull(doc.selectFirst("html").attr("lang"));
    Element canonical = doc.selectFirst("link[rel=canonical]");
    String url = firstNonBlank(canonical == null ? null : canonical.absUrl("href"), meta(doc, "og:url"));
    Element root = doc.selectFirst("article");
    if (root == null) {
      root = doc.body();
    }
    root.select(CLUTTER).remove();
    StringBuilder text = new StringBuilder();
    Elements blocks = root.select("h2, h3, h4, p, li, blockquote, pre");
    if (blocks.isEmpty()) {
      text.append(root.text());
    }
    for (Element block : blocks) {
      if (!block.select("p, li, blockquote").isEmpty() && !block.tagName().equals("p")) {
        continue; // its inner blocks are taken on their own
      }
      String t = block.text().strip();
      if (!t.isEmpty()) {
        if (text.length() > 0) {
          text.append("\n\n");
        }
        text.append(t);
      }
    }
    return new Page(title, byline, site, lang, url, published, text.toString());
  }

  private static String timeDatetime(Document doc) {
    Element time = doc.selectFirst("time[datetime]");
    return time == null ? null : time.attr("datetime");
  }

  private static String meta(Document doc, String name) {
    Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
    return e == null ? null : blankToNull(e.attr("content"));
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
