package org.watchfloor.parse.html;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Readies a parsed page for scoring: removes scripts, styles and other non-content elements,
 * turns runs of {@code <br><br>} into paragraphs and {@code <font>} into {@code <span>}.
 */
final class PagePreparer {
  private PagePreparer() {}

  /** Prepares {@code doc}; removals are paid from {@code budget}, and skipped once it is spent. */
  static void prepare(Document doc, WorkBudget budget) {
    List<Node> remove = new ArrayList<>();
    List<Element> brs = new ArrayList<>();
    List<Element> fonts = new ArrayList<>();
    doc.forEachNode(
        n -> {
          if (n instanceof Comment) {
            remove.add(n);
          } else if (n instanceof Element e) {
            switch (e.normalName()) {
              case "script", "noscript", "style", "template", "link", "meta" -> remove.add(e);
              case "font" -> fonts.add(e);
              case "br" -> brs.add(e);
              default -> {}
            }
          }
        });
    for (Node n : remove) {
      if (budget.spendToDetach(n)) {
        n.remove();
      }
    }
    replaceBrs(brs, budget);
    fonts.forEach(font -> font.tagName("span"));
  }

  private static void replaceBrs(List<Element> brs, WorkBudget budget) {
    for (Element br : brs) {
      if (br.parent() == null || !inBody(br)) {
        continue;
      }
      Node next = nextNonBlank(br.nextSibling());
      boolean replaced = false;
      while (next instanceof Element e && e.normalName().equals("br")) {
        // Each node removed or moved costs its parent's child count. Without a budget left,
        // the <br>s stay and the text stays whole.
        if (!budget.spendToDetach(e)) {
          return;
        }
        replaced = true;
        Node after = e.nextSibling();
        e.remove();
        next = nextNonBlank(after);
      }
      if (!replaced) {
        continue;
      }
      Element p = new Element("p");
      br.replaceWith(p);
      Node sibling = p.nextSibling();
      while (sibling != null) {
        if (sibling instanceof Element e && e.normalName().equals("br")) {
          Node afterBr = nextNonBlank(e.nextSibling());
          if (afterBr instanceof Element ae && ae.normalName().equals("br")) {
            break;
          }
        }
        if (!Dom.isPhrasing(sibling) || !budget.spendToDetach(sibling)) {
          break;
        }
        Node following = sibling.nextSibling();
        p.appendChild(sibling);
        sibling = following;
      }
      while (p.childNodeSize() > 0 && Dom.isWhitespace(p.childNode(p.childNodeSize() - 1))) {
        p.childNode(p.childNodeSize() - 1).remove();
      }
      Element parent = p.parent();
      if (parent != null && parent.normalName().equals("p")) {
        parent.tagName("div");
      }
    }
  }

  private static boolean inBody(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.normalName().equals("body")) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Node nextNonBlank(@Nullable Node node) {
    Node n = node;
    while (n != null && !(n instanceof Element) && (!(n instanceof TextNode t) || t.isBlank())) {
      n = n.nextSibling();
    }
    return n;
  }
}
