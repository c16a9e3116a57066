package org.watchfloor.parse.html;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * The work budget of one page: counts its elements and cuts its nesting to {@link #MAX_DEPTH}.
 *
 * <p>Readability's scoring and cleaning walk each element's ancestors and measure the subtree of
 * each candidate; both cost elements times nesting depth. Real pages nest at most a few dozen
 * deep (34 at most on 90 real news pages), but a crafted page of thousands of unclosed tags
 * nests thousands deep and, just under the element cap, took seconds. Cutting the depth bounds
 * every such walk by {@code elements × MAX_DEPTH} steps, so the extractor's work is bounded by
 * {@link #MAX_WORK} whatever the page. What lies deeper than the limit is kept as the plain text
 * of the element at the limit: a degraded result, reported as a problem, never a silent loss.
 */
final class TreeBounds {
  /** Nesting depth (from the document) beyond which markup is dropped and only text kept. */
  static final int MAX_DEPTH = 200;

  /** The bound on ancestor and subtree walks: {@link HtmlArticleExtractor#MAX_ELEMENTS} × {@link #MAX_DEPTH}. */
  static final long MAX_WORK = (long) HtmlArticleExtractor.MAX_ELEMENTS * MAX_DEPTH;

  /** What {@link #measure} found. */
  record Shape(int elements, int depth, List<Element> tooDeep) {
    /** Sum of the depths of all elements after {@link #cut}: what an ancestor walk of each costs. */
    long workBound() {
      return (long) elements * Math.min(depth, MAX_DEPTH);
    }
  }

  private TreeBounds() {}

  /** Counts the elements and the deepest nesting in one walk, noting the elements at the limit. */
  static Shape measure(Document doc) {
    int[] counts = {0, 0};
    List<Element> atLimit = new ArrayList<>();
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof Element e) {
            counts[0]++;
            counts[1] = Math.max(counts[1], depth);
            if (depth == MAX_DEPTH) {
              atLimit.add(e);
            }
          }
        },
        doc);
    return new Shape(counts[0], counts[1], atLimit);
  }

  /**
   * Replaces the content of each element at the depth limit with its text. The elements at the
   * limit hold disjoint subtrees, so this costs one walk of the page.
   *
   * @return a problem to record, or null when nothing was cut
   */
  static @Nullable String cut(Shape shape) {
    if (shape.tooDeep().isEmpty()) {
      return null;
    }
    for (Element e : shape.tooDeep()) {
      String text = e.text();
      e.empty();
      e.appendText(text);
    }
    return "page nested " + shape.depth() + " deep, more than the limit of " + MAX_DEPTH
        + "; what lies deeper is kept as plain text";
  }
}
