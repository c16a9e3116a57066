package org.watchfloor.parse.html;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Removes what is left of clutter inside the chosen article: forms, embeds, asides, share boxes,
 * buttons, headers with negative hints, and lists, tables and divs that look like link farms,
 * image galleries or ads rather than text ("clean conditionally" in Readability's terms).
 */
final class ArticleCleaner {
  private static final Pattern AD_WORDS =
      Pattern.compile(
          "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern LOADING_WORDS =
      Pattern.compile(
          "^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Set<String> TEXTISH = Set.of("span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  // Parsed once: a selector given as a string is parsed again on every call, per element here.
  private static final Evaluator HEADERS = QueryParser.parse("h1, h2");
  private static final Evaluator MEDIA = QueryParser.parse("img, embed, object, iframe");
  private static final Evaluator CAPTION = QueryParser.parse("caption");
  private static final Evaluator TABLE_STRUCTURE = QueryParser.parse("col, colgroup, tfoot, thead, th");
  // One walk of the article per group rather than one per tag.
  private static final Evaluator EMBEDS_AND_FURNITURE = QueryParser.parse("object, embed, footer, link, aside, nav");
  private static final Evaluator CONTROLS_AND_CAPTIONS =
      QueryParser.parse("iframe, input, textarea, select, button, figcaption");

  private final boolean weightClasses;
  private final boolean cleanConditionally;
  private final WorkBudget budget;
  private final Set<Element> dataTables = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * A cleaner spending {@code budget}: each removal and each subtree measured is paid for, and
   * once the budget is spent the remaining elements are kept.
   */
  ArticleCleaner(boolean weightClasses, boolean cleanConditionally, WorkBudget budget) {
    this.weightClasses = weightClasses;
    this.cleanConditionally = cleanConditionally;
    this.budget = budget;
  }

  void clean(Element article) {
    markDataTables(article);
    conditionally(article, "form");
    conditionally(article, "fieldset");
    removeAll(article.select(EMBEDS_AND_FURNITURE), e -> true);
    for (Element child : article.children()) {
      removeMatching(
          child,
          e -> {
            String match = Dom.matchString(e);
            return match.toLowerCase(Locale.ROOT).contains("share")
                && Dom.SHARE.matcher(match).find()
                && e.text().length() < ArticleGrabber.CHAR_THRESHOLD;
          });
    }
    removeAll(article.select(CONTROLS_AND_CAPTIONS), e -> true);
    removeAll(article.select(HEADERS), e -> weight(e) < 0);
    conditionally(article, "table");
    conditionally(article, "ul");
    conditionally(article, "div");
    removeAll(
        article.getElementsByTag("p"),
        p -> !Dom.hasText(p) && p.selectFirst(MEDIA) == null);
  }

  private int weight(Element e) {
    return weightClasses ? Dom.classWeight(e) : 0;
  }

  private void removeAll(Elements elements, Predicate<Element> filter) {
    for (int i = elements.size() - 1; i >= 0 && !budget.exhausted(); i--) {
      Element e = elements.get(i);
      if (e.parent() != null && filter.test(e) && budget.spendToDetach(e)) {
        e.remove();
      }
    }
  }

  private void removeMatching(Element root, Predicate<Element> filter) {
    Element end = Dom.next(root, true);
    Element next = Dom.next(root, false);
    while (next != null && next != end) {
      next = filter.test(next) && budget.spendToDetach(next) ? Dom.removeAndNext(next) : Dom.next(next, false);
    }
  }

  private void markDataTables(Element article) {
    for (Element table : article.getElementsByTag("table")) {
      if (!budget.spend(1)) {
        return;
      }
      if ("presentation".equals(table.attr("role")) || "0".equals(table.attr("datatable"))) {
        continue;
      }
      if (!table.attr("summary").isEmpty()) {
        dataTables.add(table);
        continue;
      }
      Element caption = table.selectFirst(CAPTION);
      if ((caption != null && caption.childNodeSize() > 0) || table.selectFirst(TABLE_STRUCTURE) != null) {
        dataTables.add(table);
        continue;
      }
      if (table.getElementsByTag("table").size() > 1) {
        continue;
      }
      int rows = 0;
      int columns = 0;
      for (Element tr : table.getElementsByTag("tr")) {
        rows += Math.max(1, intAttr(tr, "rowspan"));
        int inRow = 0;
        for (Element td : tr.getElementsByTag("td")) {
          inRow += Math.max(1, intAttr(td, "colspan"));
        }
        columns = Math.max(columns, inRow);
      }
      if (rows == 1 || columns == 1) {
        continue;
      }
      if (rows >= 10 || columns > 4 || rows * columns > 10) {
        dataTables.add(table);
      }
    }
  }

  private static int intAttr(Element e, String name) {
    try {
      return Integer.parseInt(e.attr(name).trim());
    } catch (NumberFormatException ex) {
      return 1;
    }
  }

  private boolean inDataTable(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.normalName().equals("table") && dataTables.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private void conditionally(Element article, String tag) {
    if (!cleanConditionally) {
      return;
    }
    removeAll(article.getElementsByTag(tag), node -> shouldRemove(node, tag));
  }

  private boolean shouldRemove(Element node, String tag) {
    if (budget.exhausted()) {
      return false;
    }
    if (tag.equals("table") && dataTables.contains(node)) {
      return false;
    }
    if (inDataTable(node) || Dom.hasAncestorTag(node, "code", 3)) {
      return false;
    }
    for (Element t : node.getElementsByTag("table")) {
      if (t != node && dataTables.contains(t)) {
        return false;
      }
    }
    int weight = weight(node);
    if (weight < 0) {
      return true;
    }
    // Lengths come from one walk of the subtree rather than one text() per descendant.
    TextStats stats = TextStats.of(node);
    // The subtree is walked again below and by getElementsByTag above: three walks in all.
    if (!budget.spend(3L * stats.size())) {
      return false;
    }
    int contentLength = stats.length(node);
    if (stats.commas(node) >= 10) {
      return false;
    }
    boolean isList = tag.equals("ul") || tag.equals("ol");
    int p = 0;
    int img = 0;
    int li = -100;
    int input = 0;
    int embeds = 0;
    int listLength = 0;
    int headingLength = 0;
    int textishLength = 0;
    for (Element e : node.getAllElements()) {
      if (e == node) {
        continue;
      }
      String name = e.normalName();
      switch (name) {
        case "p" -> p++;
        case "img" -> img++;
        case "li" -> li++;
        case "input" -> input++;
        case "object", "embed", "iframe" -> embeds++;
        default -> {}
      }
      if (name.equals("ul") || name.equals("ol")) {
        listLength += stats.length(e);
      }
      if (HEADINGS.contains(name)) {
        headingLength += stats.length(e);
      }
      if (TEXTISH.contains(name)) {
        textishLength += stats.length(e);
      }
    }
    if (!isList && contentLength > 0) {
      isList = (double) listLength / contentLength > 0.9;
    }
    if (contentLength < 40) {
      String innerText = Dom.shortText(node);
      if (AD_WORDS.matcher(innerText).matches() || LOADING_WORDS.matcher(innerText).matches()) {
        return true;
      }
    }
    double headingDensity = contentLength == 0 ? 0 : (double) headingLength / contentLength;
    double textDensity = contentLength == 0 ? 0 : (double) textishLength / contentLength;
    double linkDensity = stats.linkDensity(node);
    boolean isFigureChild = Dom.hasAncestorTag(node, "figure", 3);

    boolean remove =
        (!isFigureChild && img > 1 && (double) p / img < 0.5)
            || (!isList && li > p)
            || (input > p / 3)
            || (!isList && !isFigureChild && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2) && linkDensity > 0)
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || ((embeds == 1 && contentLength < 75) || embeds > 1)
            || (img == 0 && textDensity == 0);
    if (isList && remove) {
      for (Element child : node.children()) {
        if (child.childrenSize() > 1) {
          return true;
        }
      }
      if (img == li + 100) {
        return false;
      }
    }
    return remove;
  }
}
