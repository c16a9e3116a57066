package org.watchfloor.parse.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.watchfloor.parse.charset.Charsets;
import org.watchfloor.parse.charset.Decoded;

/**
 * Extracts the article text and its metadata from one HTML page; thread-safe, never fetches
 * anything the page refers to, and records bad input as problems instead of throwing.
 *
 * <p><b>Body text</b> is chosen by a Readability-style scoring written here on jsoup (see
 * {@link ArticleGrabber}): paragraphs score by length and commas, pass their score to their
 * ancestors, and the best ancestor is discounted by link density and class/id hints (nav, share,
 * comments, related, cookie, newsletter, sidebar), then cleaned of forms, asides, captions and
 * link-heavy lists; what the chosen container still holds of captions, credits, related and
 * promotional links, share/subscribe/comment boxes and date or byline lines is then trimmed
 * ({@link BoilerplateTrimmer}).
 *
 * <p>Measured on 91 real pages of many sites and languages with checked article text (half of a
 * public main-content benchmark, {@code watchfloor eval html}, word 4-gram scoring): F1 0.981
 * (precision 0.973, recall 0.989), against 0.958 without the trimming, 0.926 for
 * {@code net.dankito.readability4j} and 0.838 for the naive "every {@code <p>}" baseline; the
 * benchmark publishes 0.958 for trafilatura and 0.947 for Readability.js on its whole set. On
 * Mozilla Readability's 90 test pages ({@code watchfloor eval extract}), whose expected text is
 * Readability's own output, captions and related links included, body token F1 is 0.981 mean,
 * 1.000 median (0.995 before the trimming, which takes out what that output keeps), against
 * 0.766 / 0.916 for the "every {@code <p>}" baseline. {@code net.dankito.readability4j} 1.0.8 (a
 * 2018 Kotlin port of Readability.js), measured side by side ({@code eval extract --method
 * readability4j}), reaches body F1 0.939 mean, title exact 0.722, byline 0.822 and no published
 * time (it reads none), at about a quarter of this class's pages per CPU second (JMH,
 * {@code -Pjmh}); it is kept only as the yardstick.
 *
 * <p><b>Metadata fallback order</b> (first non-blank value wins):
 *
 * <ul>
 *   <li>title: JSON-LD article {@code headline}/{@code name} (whichever matches
 *       {@code <title>}), {@code dc:title}, {@code dcterm:title}, {@code og:title},
 *       {@code weibo:*:title}, {@code name=title}, {@code twitter:title}, {@code parsely-title},
 *       then {@code <title>} cleaned of a site part after a separator or before a colon (or the
 *       only {@code <h1>} when the title is very short or long); finally a " | Site" or
 *       " - Site" suffix equal to the site name is stripped;
 *   <li>byline: JSON-LD {@code author.name} (an author array joined with ", "),
 *       {@code dc:creator}, {@code dcterm:creator}, {@code name=author}, {@code parsely-author},
 *       {@code article:author} (unless a URL), then the visible byline (an element marked
 *       {@code rel=author}, {@code itemprop=author} or class/id byline/author/dateline);
 *   <li>site name: JSON-LD {@code publisher.name}, {@code og:site_name};
 *   <li>published time: JSON-LD {@code datePublished}, {@code article:published_time},
 *       {@code parsely-pub-date}, {@code sailthru.date} / {@code dc.date} / {@code date} and
 *       similar meta, {@code itemprop=datePublished}, {@code <time datetime>} (one marked
 *       {@code pubdate} first), then a dateline in the visible byline or the start of the text; after this class,
 *       the parse stage looks for a written date near the start of the text and, for a page
 *       read from a WARC record, finally takes the day it was captured
 *       ({@link org.watchfloor.parse.DateTexts#captureDate}, a date only);
 *   <li>language: {@code <html lang>}, JSON-LD {@code inLanguage},
 *       {@code http-equiv=content-language};
 *   <li>canonical URL: {@code <link rel=canonical>}, {@code og:url};
 *   <li>excerpt: JSON-LD {@code description}, Dublin Core, {@code og:description},
 *       {@code description}, {@code twitter:description}, then the first paragraph.
 * </ul>
 */
public final class HtmlArticleExtractor {
  /** Pages larger than this (in chars of HTML) are refused. */
  public static final int DEFAULT_MAX_HTML_CHARS = 20_000_000;

  /**
   * Pages with more elements than this are refused: the scoring is Readability's, whose cleaning
   * costs nesting depth times size (the depth is bounded too, see {@link TreeBounds}). The largest
   * of 90 real news pages measured had 4,288.
   */
  public static final int MAX_ELEMENTS = 30_000;

  private static final int DATELINE_WINDOW = 600;
  private static final int EXCERPT_MAX = 300;

  private final int maxHtmlChars;

  public HtmlArticleExtractor() {
    this(DEFAULT_MAX_HTML_CHARS);
  }

  /** An extractor refusing pages longer than {@code maxHtmlChars}. */
  public HtmlArticleExtractor(int maxHtmlChars) {
    if (maxHtmlChars <= 0) {
      throw new IllegalArgumentException("maxHtmlChars must be positive: " + maxHtmlChars);
    }
    this.maxHtmlChars = maxHtmlChars;
  }

  /** Extracts from raw bytes, decoding them with {@link Charsets#decode}. */
  public ExtractedPage extract(byte[] bytes, @Nullable String contentType, @Nullable String baseUrl) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > (long) maxHtmlChars * 4) {
      return ExtractedPage.refused(tooLarge(bytes.length + " bytes"));
    }
    Decoded decoded = Charsets.decode(bytes, contentType);
    ExtractedPage page = extract(decoded.text(), baseUrl);
    if (decoded.problems().isEmpty()) {
      return page;
    }
    List<String> problems = new ArrayList<>(decoded.problems());
    problems.addAll(page.problems());
    return new ExtractedPage(page.title(), page.byline(), page.siteName(), page.language(), page.canonicalUrl(),
        page.publishedTime(), page.publishedDateOnly(), page.text(), page.excerpt(), problems);
  }

  /** Extracts from decoded HTML; {@code baseUrl} only resolves relative links, nothing is fetched. */
  public ExtractedPage extract(String html, @Nullable String baseUrl) {
    return extract(html, baseUrl, WorkBudget.standard());
  }

  /** Extracts spending at most {@code budget} on work that grows faster than the page. */
  ExtractedPage extract(String html, @Nullable String baseUrl, WorkBudget budget) {
    Objects.requireNonNull(html, "html");
    if (html.length() > maxHtmlChars) {
      return ExtractedPage.refused(tooLarge(html.length() + " chars"));
    }
    Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    TreeBounds.Shape shape = TreeBounds.measure(doc);
    if (shape.elements() > MAX_ELEMENTS) {
      return ExtractedPage.refused(
          "page refused: " + shape.elements() + " elements is more than the limit of " + MAX_ELEMENTS);
    }
    List<String> problems = new ArrayList<>();
    String cut = TreeBounds.cut(shape);
    if (cut != null) {
      problems.add(cut);
    }
    MetadataReader.PageMetadata meta = MetadataReader.read(doc, problems);
    PagePreparer.prepare(doc, budget);
    ArticleGrabber grabber = new ArticleGrabber(meta.title(), meta.byline(), budget);
    Element article =
        grabber.grab(
            doc,
            () -> {
              Document copy = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
              TreeBounds.cut(TreeBounds.measure(copy));
              PagePreparer.prepare(copy, budget);
              return copy;
            });
    if (budget.exhausted()) {
      problems.add(budget.problem());
    }
    String byline = meta.byline() != null ? meta.byline() : grabber.byline();
    String pageUrl = baseUrl != null && !baseUrl.isBlank() ? baseUrl : meta.canonicalUrl();
    BoilerplateTrimmer trimmer = new BoilerplateTrimmer(budget, Sites.of(pageUrl));
    if (article != null) {
      trimmer.trim(article, byline);
    }
    String text = article == null ? "" : TextRenderer.render(article);
    if (text.isEmpty()) {
      problems.add("no article text found");
    }

    ParsedDate published = DateParser.parse(meta.publishedRaw());
    if (meta.publishedRaw() != null && published == null) {
      problems.add("unreadable published date: " + meta.publishedRaw());
    }
    if (published == null && grabber.dateline() != null) {
      published = DateParser.find(grabber.dateline());
    }
    if (published == null && byline != null) {
      published = DateParser.find(byline);
    }
    if (published == null && trimmer.dateLine() != null) {
      // The date line was trimmed from the text the next fallback reads.
      published = DateParser.find(trimmer.dateLine());
    }
    if (published == null && !text.isEmpty()) {
      published = DateParser.find(text.substring(0, Math.min(text.length(), DATELINE_WINDOW)));
    }
    if (published != null && published.dateOnly()) {
      problems.add("published date has no time of day; midnight UTC assumed");
    }
    if (published != null && published.zoneAssumed()) {
      problems.add("published time has no zone; UTC assumed");
    }

    String title = meta.title() == null ? null : TitleCleaner.stripSiteName(meta.title(), meta.siteName());
    String excerpt = meta.excerpt() != null ? meta.excerpt() : firstParagraph(text);
    return new ExtractedPage(
        blankToNull(title), byline, meta.siteName(), blankToNull(meta.language()), meta.canonicalUrl(),
        published == null ? null : published.time(), published != null && published.dateOnly(), text,
        excerpt, problems);
  }

  private String tooLarge(String size) {
    return "page refused: " + size + " is more than the limit of " + maxHtmlChars + " chars";
  }

  private static @Nullable String firstParagraph(String text) {
    if (text.isEmpty()) {
      return null;
    }
    int end = text.indexOf("\n\n");
    String first = end < 0 ? text : text.substring(0, end);
    return first.length() > EXCERPT_MAX ? first.substring(0, EXCERPT_MAX) : first;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
