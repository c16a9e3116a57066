package org.watchfloor.parse.html;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Text length and link-text length of every element under a root, computed in one pass.
 *
 * <p>Scoring needs the link density of every candidate; asking jsoup for each candidate's text
 * re-walks the same subtrees once per ancestor, which was the largest cost after parsing. Lengths
 * count whitespace runs as one character, as the normalised text does.
 */
final class TextStats {
  private final Map<Element, double[]> stats = new IdentityHashMap<>();

  private TextStats() {}

  static TextStats of(Element root) {
    TextStats s = new TextStats();
    s.visit(root);
    return s;
  }

  /** How many elements were measured: the work this took. */
  int size() {
    return stats.size();
  }

  /** Normalised text length of {@code e}, or -1 when {@code e} was not under the root. */
  int length(Element e) {
    double[] s = stats.get(e);
    return s == null ? -1 : (int) s[0];
  }

  /** Commas in the text of {@code e} (see {@link Dom#commas}), or -1 when unknown. */
  int commas(Element e) {
    double[] s = stats.get(e);
    return s == null ? -1 : (int) s[2];
  }

  /** Link density as {@link Dom#linkDensity}, from the precomputed lengths. */
  double linkDensity(Element e) {
    double[] s = stats.get(e);
    if (s == null) {
      return Dom.linkDensity(e);
    }
    return s[0] == 0 ? 0 : s[1] / s[0];
  }

  private double[] visit(Element e) {
    double text = 0;
    double links = 0;
    double commas = 0;
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        String whole = t.getWholeText();
        text += normalisedLength(whole);
        commas += Dom.commas(whole);
      } else if (child instanceof Element c) {
        double[] cs = visit(c);
        text += cs[0];
        links += cs[1];
        commas += cs[2];
      }
    }
    if (e.normalName().equals("a")) {
      String href = e.attr("href");
      double coefficient = href.length() > 1 && href.charAt(0) == '#' ? 0.3 : 1;
      links = text * coefficient;
    }
    double[] s = {text, links, commas};
    stats.put(e, s);
    return s;
  }

  private static int normalisedLength(String s) {
    int n = 0;
    boolean inSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space) {
        if (!inSpace) {
          n++;
        }
        inSpace = true;
      } else {
        n++;
        inSpace = false;
      }
    }
    return n;
  }
}
