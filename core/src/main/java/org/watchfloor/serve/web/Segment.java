package org.watchfloor.serve.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Mention;

/**
 * A run of text to show, marked with a kind ({@code entity}, {@code time}, {@code match}…) or
 * plain. Templates escape the text; only the kind, from a fixed set, becomes a CSS class.
 */
public record Segment(String text, @Nullable String kind) {

  /**
   * The article text cut at its mention spans. Spans that overlap an earlier one or fall outside
   * the text are left unmarked rather than trusted.
   */
  public static List<Segment> ofMentions(String text, List<Mention> mentions) {
    List<Mention> sorted = new ArrayList<>(mentions);
    sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
    List<Segment> out = new ArrayList<>();
    int at = 0;
    for (Mention m : sorted) {
      if (m.start() < at || m.end() > text.length() || m.end() == m.start()) {
        continue;
      }
      if (m.start() > at) {
        out.add(new Segment(text.substring(at, m.start()), null));
      }
      out.add(new Segment(text.substring(m.start(), m.end()), m.kind().label()));
      at = m.end();
    }
    if (at < text.length()) {
      out.add(new Segment(text.substring(at), null));
    }
    return out;
  }

  /** A search snippet whose matches the index marked with {@code [brackets]}. */
  public static List<Segment> ofSnippet(String snippet) {
    List<Segment> out = new ArrayList<>();
    int at = 0;
    while (at < snippet.length()) {
      int open = snippet.indexOf('[', at);
      int close = open < 0 ? -1 : snippet.indexOf(']', open + 1);
      if (open < 0 || close < 0) {
        out.add(new Segment(snippet.substring(at), null));
        break;
      }
      if (open > at) {
        out.add(new Segment(snippet.substring(at, open), null));
      }
      out.add(new Segment(snippet.substring(open + 1, close), "match"));
      at = close + 1;
    }
    return out;
  }
}
