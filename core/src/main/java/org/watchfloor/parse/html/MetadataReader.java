package org.watchfloor.parse.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a page's metadata in the order documented on {@link HtmlArticleExtractor}: JSON-LD,
 * then Dublin Core / Open Graph / Twitter / {@code name=author} / Parse.ly / Sailthru meta
 * tags, then {@code <link rel=canonical>}, {@code <time datetime>}, {@code <html lang>} and
 * {@code <title>}.
 */
final class MetadataReader {
  // searched, so no leading \\s*: it was tried at every blank of a run, quadratic in the run
  private static final Pattern PROPERTY =
      Pattern.compile(
          "(article|dc|dcterm|og|twitter)\\s*+:\\s*+(author|creator|description|published_time|title|site_name)\\s*+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME =
      Pattern.compile(
          "^\\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\\s*[-.:]\\s*)?"
              + "(author|creator|pub-date|description|title|site_name)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EXTRA_DATE_NAMES =
      Pattern.compile(
          "^(sailthru\\.date|dc\\.date|dcterms?\\.(date|issued|created)|date|pubdate|publishdate|publish-date"
              + "|article\\.published|og:published_time|article:published|datepublished|cxenseparse:recs:publishtime)$",
          Pattern.CASE_INSENSITIVE);

  /** What the page says about itself; the date is the raw text, parsed later. */
  record PageMetadata(
      @Nullable String title,
      @Nullable String byline,
      @Nullable String siteName,
      @Nullable String language,
      @Nullable String canonicalUrl,
      @Nullable String publishedRaw,
      @Nullable String excerpt) {}

  private MetadataReader() {}

  /** The elements metadata comes from, found in one walk of the page instead of one per query. */
  private static final class Sources {
    final List<Element> jsonLd = new ArrayList<>();
    final List<Element> metas = new ArrayList<>();
    @Nullable Element itempropDate;
    @Nullable Element pubdateTime;
    @Nullable Element anyTime;
    @Nullable Element contentLanguage;
    @Nullable Element canonical;

    Sources(Document doc) {
      for (Element e : doc.getAllElements()) {
        switch (e.normalName()) {
          case "script" -> {
            if (e.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
              jsonLd.add(e);
            }
          }
          case "meta" -> {
            metas.add(e);
            if (contentLanguage == null && e.attr("http-equiv").equalsIgnoreCase("content-language")
                && e.hasAttr("content")) {
              contentLanguage = e;
            }
          }
          case "link" -> {
            if (canonical == null && e.hasAttr("href") && e.attr("rel").strip().equalsIgnoreCase("canonical")) {
              canonical = e;
            }
          }
          case "time" -> {
            if (e.hasAttr("datetime")) {
              if (anyTime == null) {
                anyTime = e;
              }
              if (pubdateTime == null && e.hasAttr("pubdate")) {
                pubdateTime = e;
              }
            }
          }
          default -> {}
        }
        if (itempropDate == null && e.attr("itemprop").equals("datePublished")) {
          itempropDate = e;
        }
      }
    }
  }

  static PageMetadata read(Document doc, List<String> problems) {
    Sources sources = new Sources(doc);
    JsonLd.Article ld = JsonLd.read(sources.jsonLd, problems);
    boolean ldArticle = ld != null && !ld.webPageOnly();
    Map<String, String> values = new HashMap<>();
    String extraDate = null;
    for (Element meta : sources.metas) {
      String content = meta.attr("content").strip();
      if (content.isEmpty()) {
        continue;
      }
      String property = meta.attr("property");
      String name = meta.attr("name");
      boolean matched = false;
      if (!property.isEmpty()) {
        Matcher m = PROPERTY.matcher(property);
        if (m.find()) {
          matched = true;
          values.put(m.group().toLowerCase(Locale.ROOT).replaceAll("\\s", ""), content);
        }
      }
      if (!matched && !name.isEmpty() && NAME.matcher(name).matches()) {
        values.put(name.toLowerCase(Locale.ROOT).replaceAll("\\s", "").replace('.', ':'), content);
      }
      String key = !name.isEmpty() ? name : !property.isEmpty() ? property : meta.attr("itemprop");
      if (extraDate == null && EXTRA_DATE_NAMES.matcher(key.strip()).matches()) {
        extraDate = content;
      }
    }

    String title = ldArticle ? jsonLdTitle(ld, doc) : null;
    title = first(title, values.get("dc:title"), values.get("dcterm:title"), values.get("og:title"),
        values.get("weibo:article:title"), values.get("weibo:webpage:title"), values.get("title"),
        values.get("twitter:title"), values.get("parsely-title"));
    if (title == null) {
      title = TitleCleaner.fromDocument(doc);
    }
    String articleAuthor = values.get("article:author");
    if (articleAuthor != null && articleAuthor.matches("(?i)^https?://.*")) {
      articleAuthor = null;
    }
    String byline = first(ldArticle ? ld.byline() : null, values.get("dc:creator"), values.get("dcterm:creator"),
        values.get("author"), values.get("parsely-author"), articleAuthor);
    String excerpt = first(ld == null ? null : ld.description(), values.get("dc:description"),
        values.get("dcterm:description"), values.get("og:description"), values.get("weibo:article:description"),
        values.get("weibo:webpage:description"), values.get("description"), values.get("twitter:description"));
    String siteName = first(ldArticle ? ld.siteName() : null, values.get("og:site_name"));
    String published = first(ld == null ? null : ld.datePublished(), values.get("article:published_time"),
        values.get("parsely-pub-date"), extraDate, itempropDate(sources), timeElementDate(sources));
    String lang = first(doc.firstElementChild() == null ? null : doc.firstElementChild().attr("lang"),
        ld == null ? null : ld.language(),
        sources.contentLanguage == null ? null : sources.contentLanguage.attr("content"));
    return new PageMetadata(
        unescape(title), unescape(byline), unescape(siteName), lang, canonical(sources),
        published, unescape(excerpt));
  }

  private static String jsonLdTitle(JsonLd.Article ld, Document doc) {
    String name = ld.name();
    String headline = ld.headline();
    if (name != null && headline != null && !name.equals(headline)) {
      String docTitle = TitleCleaner.fromDocument(doc);
      boolean nameMatches = Dom.textSimilarity(name, docTitle) > 0.75;
      boolean headlineMatches = Dom.textSimilarity(headline, docTitle) > 0.75;
      return headlineMatches && !nameMatches ? headline : name;
    }
    return name != null ? name : headline;
  }

  private static @Nullable String itempropDate(Sources sources) {
    Element e = sources.itempropDate;
    if (e == null) {
      return null;
    }
    return first(e.attr("content"), e.attr("datetime"), e.text());
  }

  private static @Nullable String timeElementDate(Sources sources) {
    Element time = sources.pubdateTime != null ? sources.pubdateTime : sources.anyTime;
    return time == null ? null : time.attr("datetime");
  }

  private static @Nullable String canonical(Sources sources) {
    Element link = sources.canonical;
    if (link != null) {
      String abs = link.absUrl("href");
      return abs.isEmpty() ? link.attr("href") : abs;
    }
    for (Element meta : sources.metas) {
      if (meta.attr("property").strip().equalsIgnoreCase("og:url") && !meta.attr("content").isBlank()) {
        return meta.attr("content").strip();
      }
    }
    return null;
  }

  static @Nullable String first(@Nullable String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c.strip();
      }
    }
    return null;
  }

  private static @Nullable String unescape(@Nullable String s) {
    return s == null || s.indexOf('&') < 0 ? s : Parser.unescapeEntities(s, false);
  }
}
