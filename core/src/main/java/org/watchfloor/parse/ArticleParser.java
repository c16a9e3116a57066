package org.watchfloor.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.watchfloor.budget.Deadline;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.ingest.Urls;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Published;
import org.watchfloor.parse.charset.Charsets;
import org.watchfloor.parse.charset.Decoded;
import org.watchfloor.parse.html.ExtractedPage;
import org.watchfloor.parse.html.HtmlArticleExtractor;

/**
 * The parse stage: turns a {@link RawDocument} into an {@link Article} with metadata, clean body
 * text and flags, or a {@link Problem} saying why it could not.
 *
 * <p>Metadata comes first from what the source states (a header block, JSON Lines keys), then
 * from the page (HTML meta tags), then from the text itself (a title line, a dateline, a date
 * line); whatever is still missing is flagged ({@code no_title}, {@code no_date},
 * {@code no_outlet}).
 */
public final class ArticleParser {

  private static final Set<String> KNOWN =
      Set.of("url", "outlet", "published", "title", "byline", "language", "author", "date", "source", "lang");

  private final HtmlArticleExtractor html = new HtmlArticleExtractor();

  /**
   * Parses {@code doc}; when the {@linkplain Deadline#current() deadline} of the thread passes
   * on the way, the result is the problem saying so.
   */
  public ParseResult parse(RawDocument doc) {
    try {
      return doc.format() == RawDocument.Format.HTML ? parseHtml(doc) : parseText(doc);
    } catch (Deadline.Exceeded e) {
      return ParseResult.failed(new Problem(doc.source(), e.getMessage()));
    } catch (RuntimeException e) {
      return ParseResult.failed(new Problem(doc.source(), "cannot parse: " + e));
    }
  }

  private ParseResult parseText(RawDocument doc) {
    List<String> problems = new ArrayList<>();
    Decoded decoded = Charsets.decode(doc.bytes(), null);
    String notText = NotText.reason(decoded);
    if (notText != null) {
      return ParseResult.failed(new Problem(doc.source(), notText));
    }
    String text = decode(decoded, problems);
    boolean titleGiven = doc.metadata().containsKey("title") && !doc.metadata().get("title").isBlank();
    TextLayout.Result layout = TextLayout.of(text, !titleGiven);
    Map<String, String> fields = new LinkedHashMap<>(layout.header());
    fields.putAll(lowerKeys(doc.metadata()));
    Meta meta = new Meta(fields);
    meta.fillTitle(layout.title());
    meta.fillOutlet(layout.outletInText());
    if (meta.published == null && layout.dateInText() != null) {
      meta.published = layout.dateInText();
    }
    if (meta.published == null) {
      meta.published = DateTexts.find(head(layout.body())).orElse(null);
    }
    captureDayAsLastResort(doc, meta, problems);
    return build(doc, meta, layout.body(), problems);
  }

  /** With no date found anywhere else, the day a crawler captured the page; it may be later than publication. */
  private static void captureDayAsLastResort(RawDocument doc, Meta meta, List<String> problems) {
    if (meta.published == null) {
      meta.published = DateTexts.captureDate(doc.metadata()).orElse(null);
      if (meta.published != null) {
        problems.add("published date is the WARC capture day");
      }
    }
  }

  private ParseResult parseHtml(RawDocument doc) {
    Meta meta = new Meta(lowerKeys(doc.metadata()));
    ExtractedPage page = html.extract(doc.bytes(), doc.metadata().get("content_type"), meta.url);
    if (page.text().isBlank() && !page.problems().isEmpty()) {
      return ParseResult.failed(new Problem(doc.source(), String.join("; ", page.problems())));
    }
    meta.fillTitle(page.title());
    meta.fillOutlet(page.siteName());
    if (meta.byline == null) {
      meta.byline = page.byline();
    }
    if (meta.language == null) {
      meta.language = page.language();
    }
    if (meta.url == null) {
      meta.url = page.canonicalUrl();
    }
    if (meta.published == null && page.publishedTime() != null) {
      meta.published = new Published(page.publishedTime(), page.publishedDateOnly());
    }
    if (meta.published == null) {
      meta.published = DateTexts.find(head(page.text())).orElse(null);
    }
    List<String> problems = new ArrayList<>(page.problems());
    captureDayAsLastResort(doc, meta, problems);
    return build(doc, meta, page.text(), problems);
  }

  private ParseResult build(RawDocument doc, Meta meta, String body, List<String> problems) {
    if (body.isBlank()) {
      return ParseResult.failed(new Problem(doc.source(), "no article text found"));
    }
    if (meta.url != null && !Urls.isWebAddress(meta.url)) {
      // a javascript:, data: or file: address, or none at all: kept, it would be shown as a link
      // and exported; the article itself is news all the same, so the address alone is dropped
      problems.add("url dropped: '" + clip(meta.url) + "' is not an http(s) address");
      meta.url = null;
    }
    if (meta.url != null) {
      // also for documents parsed again from bytes stored before credentials were taken out
      meta.url = Urls.withoutUserInfo(meta.url);
    }
    if (meta.outlet == null && meta.url != null) {
      meta.outlet = hostOf(meta.url);
    }
    if (meta.language == null) {
      meta.language = Languages.guess(body);
    }
    Deadline deadline = Deadline.current();
    deadline.check();
    deadline.stage("flag");
    ArticleFlagger.Flags found = ArticleFlagger.of(meta.title, body);
    Set<ArticleFlag> flags = EnumSet.noneOf(ArticleFlag.class);
    flags.addAll(found.flags());
    if (meta.title == null) {
      flags.add(ArticleFlag.NO_TITLE);
    }
    if (meta.published == null) {
      flags.add(ArticleFlag.NO_DATE);
    }
    if (meta.outlet == null) {
      flags.add(ArticleFlag.NO_OUTLET);
    }
    Map<String, String> extra = new TreeMap<>();
    meta.fields.forEach((k, v) -> {
      if (!KNOWN.contains(k)) {
        extra.put(k, Urls.withoutUserInfo(v));
      }
    });
    if (found.syndicatedFrom() != null) {
      extra.put("syndicated_from", found.syndicatedFrom());
    }
    if (!found.wireCredits().isEmpty()) {
      extra.put("wire_credits", String.join(",", found.wireCredits()));
    }
    String id = articleId(doc);
    Article article =
        new Article(
            id, meta.url, doc.sourcePath(), meta.outlet, meta.title, meta.byline, meta.published,
            meta.language, body, Hashing.textHash(body), flags, null, extra, problems);
    return ParseResult.ok(article);
  }

  /** Stable id from what arrived: the same bytes with the same metadata are the same article. */
  static String articleId(RawDocument doc) {
    StringBuilder key = new StringBuilder(doc.format().name()).append('\n');
    new TreeMap<>(doc.metadata()).forEach((k, v) -> key.append(k).append('=').append(v).append('\n'));
    String metaHash = Hashing.sha256(key.toString());
    return "a" + Hashing.sha256(metaHash + Hashing.sha256(doc.bytes())).substring(0, 15);
  }

  /** The text of decoded bytes (BOM, then UTF-8 if valid, else sniffed); a guess is recorded. */
  private static String decode(Decoded d, List<String> problems) {
    problems.addAll(d.problems());
    if (d.how().equals("sniffed") && !d.charset().name().equals("UTF-8") && d.problems().isEmpty()) {
      problems.add("no charset declared and the bytes are not UTF-8; guessed " + d.charset().name());
    }
    return d.text();
  }

  private static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  private static String head(String body) {
    return body.substring(0, Math.min(body.length(), 400));
  }

  private static @Nullable String hostOf(String url) {
    try {
      String host = URI.create(url.strip()).getHost();
      if (host == null) {
        return null;
      }
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Map<String, String> lowerKeys(Map<String, String> in) {
    Map<String, String> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  /** Metadata as gathered from the successive places, first found wins. */
  private static final class Meta {
    final Map<String, String> fields;
    @Nullable String url;
    @Nullable String outlet;
    @Nullable String title;
    @Nullable String byline;
    @Nullable String language;
    @Nullable Published published;

    Meta(Map<String, String> fields) {
      this.fields = fields;
      url = blank(fields.get("url"));
      outlet = blank(first(fields.get("outlet"), fields.get("source")));
      title = blank(fields.get("title"));
      byline = blank(first(fields.get("byline"), fields.get("author")));
      language = blank(first(fields.get("language"), fields.get("lang")));
      String date = first(fields.get("published"), fields.get("date"));
      published = date == null ? null : DateTexts.parseHeader(date).orElse(null);
    }

    void fillTitle(@Nullable String t) {
      if (title == null) {
        title = blank(t);
      }
    }

    void fillOutlet(@Nullable String o) {
      if (outlet == null) {
        outlet = blank(o);
      }
    }

    private static String first(String a, String b) {
      return a != null && !a.isBlank() ? a : b;
    }

    private static String blank(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }
}
