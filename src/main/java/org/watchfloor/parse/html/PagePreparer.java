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

  static void prepare(Document doc) {
    doc.select("script, noscript, style, template, link, meta").remove();
    removeComments(doc);
    Element body = doc.body();
    if (body != null) {
      replaceBrs(body);
    }
    for (Element font : doc.getElementsByTag("font")) {
      font.tagName("span");
    }
  }

  private static void removeComments(Element root) {
    List<Node> comments = new ArrayList<>();
    root.forEachNode(n -> {
      if (n instanceof Comment) {
        comments.add(n);
      }
    });
    comments.forEach(Node::remove);
  }

  private static void replaceBrs(Element body) {
    for (Element br : body.getElementsByTag("br")) {
      if (br.parent() == null) {
        continue;
      }
      Node next = nextNonBlank(br.nextSibling());
      boolean replaced = false;
      while (next instanceof Element e && e.normalName().equals("br")) {
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
        if (!Dom.isPhrasing(sibling)) {
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

  private static @Nullable Node nextNonBlank(@Nullable Node node) {
    Node n = node;
    while (n != null && !(n instanceof Element) && (!(n instanceof TextNode t) || t.isBlank())) {
      n = n.nextSibling();
    }
    return n;
  }
}
