package org.watchfloor.parse.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Finds the element holding the article by Readability's paragraph scoring: every paragraph-like
 * element scores by its length and commas, passes the score to five ancestors (halved, then
 * divided by three per level), the score is discounted by link density and class/id hints, and
 * the best candidate is joined by siblings that score close to it. When the result is shorter
 * than {@link #CHAR_THRESHOLD}, the page is tried again with fewer removals, as Readability does.
 *
 * <p>Not thread-safe: one instance per page.
 */
final class ArticleGrabber {
  static final int CHAR_THRESHOLD = 500;
  private static final int TOP_CANDIDATES = 5;
  private static final int MIN_TOP_CANDIDATES = 3;
  private static final int MAX_SCORED_ELEMENTS = 20_000;

  private final Map<Element, double[]> scores = new IdentityHashMap<>();
  private final @Nullable String title;
  private static final Hints AUTHOR_HINTS = Hints.of("byline", "author", "writtenby", "p-author");

  private @Nullable String byline;
  private @Nullable String dateline;
  private final WorkBudget budget;
  private boolean stripUnlikelys = true;
  private boolean weightClasses = true;
  private boolean cleanConditionally = true;

  ArticleGrabber(@Nullable String title, @Nullable String knownByline, WorkBudget budget) {
    this.title = title;
    this.byline = knownByline;
    this.budget = budget;
  }

  /** A visible byline found while walking the page, when the metadata had none. */
  @Nullable String byline() {
    return byline;
  }

  /**
   * Returns the article element. The first attempt works on {@code doc} itself (and changes it);
   * later attempts, with fewer removals, on fresh copies from {@code freshCopy}, so the common
   * case pays for no copy.
   */
  @Nullable Element grab(Document doc, Supplier<Document> freshCopy) {
    record Attempt(Element content, int length) {}
    List<Attempt> attempts = new ArrayList<>();
    Document work = doc;
    while (true) {
      if (!attempts.isEmpty() || work != doc) {
        work = freshCopy.get();
      }
      Element body = work.body();
      scores.clear();
      Element content = grabOnce(work, body);
      int length = content == null ? 0 : Dom.innerText(content).length();
      if (content != null && length >= CHAR_THRESHOLD) {
        return content;
      }
      attempts.add(new Attempt(content == null ? new Element("div") : content, length));
      if (stripUnlikelys) {
        stripUnlikelys = false;
      } else if (weightClasses) {
        weightClasses = false;
      } else if (cleanConditionally) {
        cleanConditionally = false;
      } else {
        Attempt best = attempts.stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
        if (best == null || best.length() == 0) {
          return null;
        }
        return best.content();
      }
    }
  }

  private @Nullable Element grabOnce(Document doc, @Nullable Element body) {
    if (body == null) {
      return null;
    }
    List<Element> toScore = collect(doc);
    // Nothing changes the tree between scoring and choosing the top candidate: measure it once.
    TextStats stats = TextStats.of(body);
    List<Element> candidates = scoreParagraphs(toScore, stats);
    Element top = selectTop(candidates, body, stats);
    Element article = gatherSiblings(top);
    new ArticleCleaner(weightClasses, cleanConditionally, budget).clean(article);
    return article;
  }

  private List<Element> collect(Document doc) {
    List<Element> toScore = new ArrayList<>();
    boolean removeTitleHeader = true;
    Element node = doc.firstElementChild();
    while (node != null) {
      String tag = node.normalName();
      String match = Dom.matchString(node);
      if (!Dom.isProbablyVisible(node)) {
        node = removeAndNext(node);
        continue;
      }
      if ("true".equals(node.attr("aria-modal")) && "dialog".equals(node.attr("role"))) {
        node = removeAndNext(node);
        continue;
      }
      if (checkByline(node, match)) {
        node = removeAndNext(node);
        continue;
      }
      if (removeTitleHeader && headerDuplicatesTitle(node)) {
        removeTitleHeader = false;
        node = removeAndNext(node);
        continue;
      }
      if (stripUnlikelys && !tag.equals("body") && !tag.equals("html")) {
        if (Dom.UNLIKELY_CANDIDATES.matches(match)
            && !Dom.MAYBE_CANDIDATE.matches(match)
            && !Dom.hasAncestorTag(node, "table", 0)
            && !Dom.hasAncestorTag(node, "code", 0)
            && !tag.equals("a")) {
          node = removeAndNext(node);
          continue;
        }
        if (Dom.UNLIKELY_ROLES.contains(node.attr("role"))) {
          node = removeAndNext(node);
          continue;
        }
      }
      if ((tag.equals("div") || tag.equals("section") || tag.equals("header") || isHeading(tag))
          && Dom.isElementWithoutContent(node)) {
        node = removeAndNext(node);
        continue;
      }
      if (Dom.TAGS_TO_SCORE.contains(tag) && toScore.size() < MAX_SCORED_ELEMENTS) {
        toScore.add(node);
      }
      if (tag.equals("div")) {
        wrapPhrasing(node);
        if (Dom.hasSingleTagInside(node, "p") && Dom.linkDensity(node) < 0.25 && budget.spendToDetach(node)) {
          Element child = node.child(0);
          // The div's class and id name what the paragraph is ("caption", "credit"): the
          // boilerplate trimmer reads them after the div is gone.
          if (child.className().isEmpty() && !node.className().isEmpty()) {
            child.attr("class", node.className());
          }
          if (child.id().isEmpty() && !node.id().isEmpty()) {
            child.id(node.id());
          }
          node.replaceWith(child);
          node = child;
          toScore.add(node);
        } else if (!Dom.hasChildBlockElement(node)) {
          node.tagName("p");
          toScore.add(node);
        }
      }
      node = Dom.next(node, false);
    }
    return toScore;
  }

  /** Removes {@code node} if the budget allows; the next element to visit either way. */
  private @Nullable Element removeAndNext(Element node) {
    return budget.spendToDetach(node) ? Dom.removeAndNext(node) : Dom.next(node, false);
  }

  private static boolean isHeading(String tag) {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
  }

  /** Puts runs of phrasing content directly inside a div into paragraphs. */
  private void wrapPhrasing(Element div) {
    Node child = div.firstChild();
    while (child != null && !budget.exhausted()) {
      Node nextSibling = child.nextSibling();
      if (Dom.isPhrasing(child)) {
        List<Node> run = new ArrayList<>();
        while (child != null && Dom.isPhrasing(child)) {
          nextSibling = child.nextSibling();
          run.add(child);
          child = nextSibling;
        }
        // Each node moved or removed out of the div costs the div's child count.
        if (!budget.spend((long) run.size() * div.childNodeSize())) {
          return;
        }
        int from = 0;
        int to = run.size();
        while (from < to && Dom.isWhitespace(run.get(from))) {
          from++;
        }
        while (to > from && Dom.isWhitespace(run.get(to - 1))) {
          to--;
        }
        if (from < to) {
          Element p = new Element("p");
          run.get(from).before(p);
          for (int i = from; i < to; i++) {
            p.appendChild(run.get(i));
          }
        }
        for (int i = 0; i < from; i++) {
          run.get(i).remove();
        }
        for (int i = to; i < run.size(); i++) {
          run.get(i).remove();
        }
      }
      child = nextSibling;
    }
  }

  private boolean checkByline(Element node, String match) {
    if (byline != null) {
      return false;
    }
    boolean looksLikeByline =
        "author".equals(node.attr("rel")) || node.attr("itemprop").contains("author") || Dom.BYLINE.matches(match);
    if (!looksLikeByline) {
      return false;
    }
    String text = node.wholeText().strip();
    if (text.isEmpty() || text.length() >= 100) {
      return false;
    }
    if (!AUTHOR_HINTS.matches(match) && !"author".equals(node.attr("rel"))
        && !node.attr("itemprop").contains("author") && DateParser.find(text) != null) {
      // Marked only as a dateline and holding a date: a place and time, not who wrote it.
      if (dateline == null) {
        dateline = text;
      }
      return true;
    }
    Element name = node.selectFirst("[itemprop~=name]");
    byline = (name != null ? name.wholeText() : text).strip();
    return true;
  }

  /** A visible dateline removed from the body, for the published time. */
  @Nullable String dateline() {
    return dateline;
  }

  private boolean headerDuplicatesTitle(Element node) {
    String tag = node.normalName();
    if (title == null || (!tag.equals("h1") && !tag.equals("h2"))) {
      return false;
    }
    return Dom.textSimilarity(title, Dom.innerText(node)) > 0.75;
  }

  private List<Element> scoreParagraphs(List<Element> toScore, TextStats stats) {
    List<Element> candidates = new ArrayList<>();
    for (Element e : toScore) {
      Element parent = e.parent();
      if (parent == null || parent instanceof Document) {
        continue;
      }
      int length = stats.length(e);
      int commas = stats.commas(e);
      if (length < 0) {
        String text = Dom.innerText(e);
        length = text.length();
        commas = Dom.commas(text);
      }
      if (length < 25) {
        continue;
      }
      double score = 1 + (commas + 1) + Math.min(length / 100, 3);
      Element ancestor = parent;
      for (int level = 0; level < 5 && ancestor != null && !(ancestor instanceof Document); level++) {
        Element grand = ancestor.parent();
        if (grand == null || grand instanceof Document) {
          break;
        }
        double[] s = scores.get(ancestor);
        if (s == null) {
          s = initialize(ancestor);
          candidates.add(ancestor);
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        s[0] += score / divider;
        ancestor = grand;
      }
    }
    return candidates;
  }

  private double[] initialize(Element e) {
    double score =
        switch (e.normalName()) {
          case "div" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    double[] s = {score + (weightClasses ? Dom.classWeight(e) : 0)};
    scores.put(e, s);
    return s;
  }

  private double score(Element e) {
    double[] s = scores.get(e);
    return s == null ? 0 : s[0];
  }

  private Element selectTop(List<Element> candidates, Element body, TextStats stats) {
    List<Element> top = new ArrayList<>();
    for (Element c : candidates) {
      double[] s = scores.get(c);
      s[0] = s[0] * (1 - stats.linkDensity(c));
      int i = 0;
      while (i < top.size() && score(top.get(i)) >= s[0]) {
        i++;
      }
      if (i < TOP_CANDIDATES) {
        top.add(i, c);
        if (top.size() > TOP_CANDIDATES) {
          top.remove(top.size() - 1);
        }
      }
    }
    Element best = top.isEmpty() ? null : top.get(0);
    if (best == null || best.normalName().equals("body")) {
      // Readability moves the body's children into a new div; renaming the body does the same
      // without re-parenting every child one at a time (quadratic in jsoup on flat pages).
      body.tagName("div");
      scores.remove(body);
      initialize(body);
      return body;
    }
    List<List<Element>> alternatives = new ArrayList<>();
    for (int i = 1; i < top.size(); i++) {
      if (score(top.get(i)) / score(best) >= 0.75) {
        alternatives.add(top.get(i).parents());
      }
    }
    if (alternatives.size() >= MIN_TOP_CANDIDATES) {
      Element parent = best.parent();
      while (parent != null && !parent.normalName().equals("body")) {
        int lists = 0;
        for (List<Element> ancestors : alternatives) {
          if (lists >= MIN_TOP_CANDIDATES) {
            break;
          }
          if (containsIdentity(ancestors, parent)) {
            lists++;
          }
        }
        if (lists >= MIN_TOP_CANDIDATES) {
          best = parent;
          break;
        }
        parent = parent.parent();
      }
    }
    if (!scores.containsKey(best)) {
      initialize(best);
    }
    Element parent = best.parent();
    double lastScore = score(best);
    double threshold = lastScore / 3;
    while (parent != null && !parent.normalName().equals("body") && !(parent instanceof Document)) {
      if (!scores.containsKey(parent)) {
        parent = parent.parent();
        continue;
      }
      double parentScore = score(parent);
      if (parentScore < threshold) {
        break;
      }
      if (parentScore > lastScore) {
        best = parent;
        break;
      }
      lastScore = parentScore;
      parent = parent.parent();
    }
    parent = best.parent();
    while (parent != null
        && !parent.normalName().equals("body")
        && !(parent instanceof Document)
        && parent.childrenSize() == 1) {
      best = parent;
      parent = best.parent();
    }
    if (!scores.containsKey(best)) {
      initialize(best);
    }
    return best;
  }

  private static boolean containsIdentity(List<Element> list, Element e) {
    for (Element x : list) {
      if (x == e) {
        return true;
      }
    }
    return false;
  }

  private Element gatherSiblings(Element top) {
    Element article = new Element("div");
    Element parent = top.parent();
    if (parent == null) {
      article.appendChild(top);
      return article;
    }
    double topScore = score(top);
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    for (Element sibling : new ArrayList<>(parent.children())) {
      boolean append = false;
      if (sibling == top) {
        append = true;
      } else {
        double bonus = !topClass.isEmpty() && sibling.className().equals(topClass) ? topScore * 0.2 : 0;
        if (scores.containsKey(sibling) && score(sibling) + bonus >= threshold) {
          append = true;
        } else if (sibling.normalName().equals("p")) {
          double linkDensity = Dom.linkDensity(sibling);
          String text = Dom.innerText(sibling);
          int length = text.length();
          if (length > 80 && linkDensity < 0.25) {
            append = true;
          } else if (length < 80 && length > 0 && linkDensity == 0 && text.matches("(?s).*\\.( .*|$)")) {
            append = true;
          }
        }
      }
      if (append && (sibling == top || budget.spendToDetach(sibling))) {
        article.appendChild(sibling);
      }
    }
    return article;
  }
}
