package org.watchfloor.parse.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Tree walking, text measures and the class/id hints shared by the extraction steps. */
final class Dom {
  static final Hints UNLIKELY_CANDIDATES =
      Hints.of(
          "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
          "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
          "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
          "pagination", "pager", "popup", "yom-remote", "cookie", "consent", "newsletter", "subscribe",
          "signup", "paywall", "promo-box");
  static final Hints MAYBE_CANDIDATE =
      Hints.of("and", "article", "body", "column", "content", "main", "mathjax", "shadow");
  static final Hints POSITIVE =
      Hints.of(
          "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
          "text", "blog", "story");
  static final Hints NEGATIVE =
      Hints.of(
              "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
              "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
              "skyscraper", "sponsor", "shopping", "tags", "widget", "cookie", "newsletter")
          .withWholeWords("hid");
  static final Hints BYLINE = Hints.of("byline", "author", "dateline", "writtenby", "p-author");
  static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)", Pattern.CASE_INSENSITIVE);
  static final Pattern HASH_URL = Pattern.compile("^#.+");
  static final Pattern DISPLAY_NONE = Pattern.compile("display\\s*:\\s*none", Pattern.CASE_INSENSITIVE);
  static final Pattern VISIBILITY_HIDDEN = Pattern.compile("visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

  static final Set<String> UNLIKELY_ROLES =
      Set.of("menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog");
  static final Set<String> DIV_TO_P = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");
  static final Set<String> TAGS_TO_SCORE = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
  static final Set<String> PHRASING =
      Set.of(
          "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed",
          "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output",
          "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup",
          "textarea", "time", "var", "wbr");

  private Dom() {}

  /** Commas in the text, counting the Arabic, CJK and other comma forms Readability counts. */
  static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case ',', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C' -> n++;
        default -> {}
      }
    }
    return n;
  }

  static String innerText(Element e) {
    return e.text();
  }

  /**
   * The normalised text of a small element, gathered through child lists. jsoup's
   * {@code text()} walks by sibling index, which jsoup rebuilds after removals; on flat pages
   * where many siblings were just removed that made each call cost the whole sibling list.
   */
  static String shortText(Element e) {
    StringBuilder sb = new StringBuilder();
    gather(e, sb);
    return sb.toString().strip().replaceAll("\\s+", " ");
  }

  private static void gather(Element e, StringBuilder sb) {
    for (Node child : e.childNodes()) {
      if (sb.length() > 200) {
        return;
      }
      if (child instanceof TextNode t) {
        sb.append(t.getWholeText());
      } else if (child instanceof Element c) {
        sb.append(' ');
        gather(c, sb);
      }
    }
  }

  static String matchString(Element e) {
    return e.className() + " " + e.id();
  }

  /** The next element in document order; skips the children of {@code node} when asked. */
  static @Nullable Element next(Element node, boolean skipChildren) {
    if (!skipChildren) {
      Element first = node.firstElementChild();
      if (first != null) {
        return first;
      }
    }
    Element cur = node;
    while (cur != null) {
      Element sibling = cur.nextElementSibling();
      if (sibling != null) {
        return sibling;
      }
      cur = cur.parent();
    }
    return null;
  }

  static @Nullable Element removeAndNext(Element node) {
    Element next = next(node, true);
    node.remove();
    return next;
  }

  static boolean isProbablyVisible(Element e) {
    String style = e.attr("style");
    if (!style.isEmpty() && (DISPLAY_NONE.matcher(style).find() || VISIBILITY_HIDDEN.matcher(style).find())) {
      return false;
    }
    if (e.hasAttr("hidden")) {
      return false;
    }
    return !"true".equals(e.attr("aria-hidden")) || e.className().contains("fallback-image");
  }

  static double linkDensity(Element e) {
    int textLength = innerText(e).length();
    if (textLength == 0) {
      return 0;
    }
    double linkLength = 0;
    for (Element a : e.getElementsByTag("a")) {
      String href = a.attr("href");
      double coefficient = !href.isEmpty() && HASH_URL.matcher(href).matches() ? 0.3 : 1;
      linkLength += innerText(a).length() * coefficient;
    }
    return linkLength / textLength;
  }

  static int classWeight(Element e) {
    int weight = 0;
    String cls = e.className();
    if (!cls.isEmpty()) {
      if (NEGATIVE.matches(cls)) {
        weight -= 25;
      }
      if (POSITIVE.matches(cls)) {
        weight += 25;
      }
    }
    String id = e.id();
    if (!id.isEmpty()) {
      if (NEGATIVE.matches(id)) {
        weight -= 25;
      }
      if (POSITIVE.matches(id)) {
        weight += 25;
      }
    }
    return weight;
  }

  static boolean isPhrasing(Node node) {
    if (node instanceof TextNode) {
      return true;
    }
    if (!(node instanceof Element e)) {
      return true;
    }
    String tag = e.normalName();
    if (PHRASING.contains(tag)) {
      return true;
    }
    if (tag.equals("a") || tag.equals("del") || tag.equals("ins")) {
      for (Node child : e.childNodes()) {
        if (!isPhrasing(child)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  static boolean isWhitespace(Node node) {
    if (node instanceof TextNode t) {
      return t.isBlank();
    }
    return node instanceof Element e && e.normalName().equals("br");
  }

  static boolean isElementWithoutContent(Element e) {
    if (hasText(e)) {
      return false;
    }
    int children = e.childrenSize();
    return children == 0 || children == e.getElementsByTag("br").size() + e.getElementsByTag("hr").size();
  }

  /**
   * True when any descendant text node holds more than whitespace; stops at the first. Walks the
   * child lists in place: {@code textNodes()} and {@code children()} copy them on every call.
   */
  static boolean hasText(Element e) {
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      Node child = e.childNode(i);
      if (child instanceof TextNode t ? !t.isBlank() : child instanceof Element c && hasText(c)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasSingleTagInside(Element e, String tag) {
    if (e.childrenSize() != 1 || !e.child(0).normalName().equals(tag)) {
      return false;
    }
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t && !t.isBlank()) {
        return false;
      }
    }
    return true;
  }

  static boolean hasChildBlockElement(Element e) {
    for (Element child : e.children()) {
      if (DIV_TO_P.contains(child.normalName()) || hasChildBlockElement(child)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasAncestorTag(Element node, String tag, int maxDepth) {
    int depth = 0;
    Element cur = node.parent();
    while (cur != null) {
      if (maxDepth > 0 && depth > maxDepth) {
        return false;
      }
      if (cur.normalName().equals(tag)) {
        return true;
      }
      cur = cur.parent();
      depth++;
    }
    return false;
  }

  /** Share of the words of {@code b} that also occur in {@code a}, as Readability measures it. */
  static double textSimilarity(String a, String b) {
    List<String> tokensA = tokens(a);
    List<String> tokensB = tokens(b);
    if (tokensA.isEmpty() || tokensB.isEmpty()) {
      return 0;
    }
    Set<String> setA = Set.copyOf(tokensA);
    String all = String.join(" ", tokensB);
    String uniq = String.join(" ", tokensB.stream().filter(t -> !setA.contains(t)).toList());
    return 1 - (double) uniq.length() / all.length();
  }

  private static List<String> tokens(String s) {
    return java.util.Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+"))
        .filter(t -> !t.isEmpty())
        .toList();
  }
}
