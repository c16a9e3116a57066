package org.watchfloor.parse.html;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a {@code <title>} into the article's headline: drops a site name after a separator
 * ("Headline | Site", "Headline - Site", "Headline » Section"), or before a colon, and falls back
 * to the only {@code <h1>} when the title is very short or very long (Readability's rules).
 */
final class TitleCleaner {
  private static final String SEPARATORS = "|\\-–—\\\\/>»";
  private static final Pattern SEPARATOR = Pattern.compile(" [" + SEPARATORS + "] ");
  private static final Pattern HIERARCHICAL = Pattern.compile(" [\\\\/>»] ");
  private static final Pattern LEADING_PART = Pattern.compile("^[^" + SEPARATORS + "]*[" + SEPARATORS + "]");
  private static final Pattern ALL_SEPARATORS = Pattern.compile("[" + SEPARATORS + "]+");

  private TitleCleaner() {}

  static String fromDocument(Document doc) {
    Element titleEl = doc.selectFirst("title");
    String orig = titleEl == null ? "" : titleEl.text().strip();
    String cur = orig;
    boolean hierarchical = false;
    if (SEPARATOR.matcher(cur).find()) {
      hierarchical = HIERARCHICAL.matcher(cur).find();
      Matcher m = SEPARATOR.matcher(orig);
      int last = -1;
      while (m.find()) {
        last = m.start();
      }
      cur = orig.substring(0, last);
      if (wordCount(cur) < 3) {
        cur = LEADING_PART.matcher(orig).replaceFirst("");
      }
    } else if (cur.contains(": ")) {
      boolean match = false;
      for (Element h : doc.select("h1, h2")) {
        if (h.text().strip().equals(cur.strip())) {
          match = true;
          break;
        }
      }
      if (!match) {
        cur = orig.substring(orig.lastIndexOf(':') + 1);
        if (wordCount(cur) < 3) {
          cur = orig.substring(orig.indexOf(':') + 1);
        } else if (wordCount(orig.substring(0, orig.indexOf(':'))) > 5) {
          cur = orig;
        }
      }
    } else if (cur.length() > 150 || cur.length() < 15) {
      var h1s = doc.getElementsByTag("h1");
      if (h1s.size() == 1) {
        cur = h1s.get(0).text();
      }
    }
    cur = cur.strip().replaceAll("\\s{2,}", " ");
    int words = wordCount(cur);
    if (words <= 4 && (!hierarchical || words != wordCount(ALL_SEPARATORS.matcher(orig).replaceAll("")) - 1)) {
      cur = orig;
    }
    return cur;
  }

  /** Strips " | Site", " - Site", " — Site" (or the same as a prefix) when it names the site. */
  static String stripSiteName(String title, @Nullable String siteName) {
    if (siteName == null || siteName.isBlank()) {
      return title;
    }
    String site = siteName.strip().toLowerCase(Locale.ROOT);
    Matcher m = SEPARATOR.matcher(title);
    int first = -1;
    int last = -1;
    while (m.find()) {
      if (first < 0) {
        first = m.start();
      }
      last = m.start();
    }
    if (last > 0 && title.substring(last + 3).strip().toLowerCase(Locale.ROOT).equals(site)) {
      return title.substring(0, last).strip();
    }
    if (first > 0 && title.substring(0, first).strip().toLowerCase(Locale.ROOT).equals(site)) {
      return title.substring(first + 3).strip();
    }
    return title;
  }

  private static int wordCount(String s) {
    return s.split("\\s+", -1).length;
  }
}
