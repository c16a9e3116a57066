package org.watchfloor.parse.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Renders an element as plain text: block elements become paragraphs separated by a blank line. */
final class TextRenderer {
  static final Set<String> BLOCKS =
      Set.of(
          "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
          "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "caption");

  /**
   * Line breaks with the spaces around them. Tried only where a run of spaces starts, and read
   * possessively by character classes: {@code " *(\\n *)+"} read the rest of a run of spaces
   * from each of its spaces, and its repeated group recursed once per line break, overflowing
   * the stack on a few thousand of them.
   */
  private static final Pattern LINE_BREAKS = Pattern.compile("(?<! ) *+\n[\n ]*+");

  private TextRenderer() {}

  static String render(Element root) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              appendCollapsed(current, t.getWholeText());
            } else if (node instanceof Element e) {
              String tag = e.normalName();
              if (tag.equals("br")) {
                trimEnd(current);
                current.append('\n');
              } else if (tag.equals("td") || tag.equals("th")) {
                appendCollapsed(current, " ");
              } else if (BLOCKS.contains(tag)) {
                flush(current, paragraphs);
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              flush(current, paragraphs);
            }
          }
        },
        root);
    flush(current, paragraphs);
    return String.join("\n\n", paragraphs);
  }

  private static void appendCollapsed(StringBuilder sb, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) != ' ' && sb.charAt(len - 1) != '\n') {
          sb.append(' ');
        }
      } else {
        sb.append(c);
      }
    }
  }

  private static void trimEnd(StringBuilder sb) {
    while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ') {
      sb.setLength(sb.length() - 1);
    }
  }

  private static void flush(StringBuilder current, List<String> paragraphs) {
    String text = current.toString().strip();
    current.setLength(0);
    if (!text.isEmpty()) {
      paragraphs.add(text.indexOf('\n') < 0 ? text : LINE_BREAKS.matcher(text).replaceAll("\n"));
    }
  }
}
