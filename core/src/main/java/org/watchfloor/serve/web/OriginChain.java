package org.watchfloor.serve.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Article;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.resolve.OriginResolver;

/**
 * The chain a report came down, primary source first: the origin it traces to (KCNA, the JCS, an
 * outlet's own reporting), the wire agency the article credits (its dateline or byline), and the
 * outlet that published it ("KCNA → Reuters → Newsweek"). A link that names the one before it is
 * left out, so an outlet's own story is one link. It shows why two reports are one origin.
 */
public record OriginChain(List<String> links) {

  public OriginChain {
    links = List.copyOf(links);
  }

  /**
   * @param originNames the watch profile's origin names by id
   */
  public static OriginChain of(Report report, Article article, Map<String, String> originNames) {
    List<String> links = new ArrayList<>();
    add(links, name(report.origin(), originNames));
    String wire = OriginResolver.wireCredit(article);
    if (wire != null) {
      add(links, name(wire, originNames));
    }
    add(links, article.outlet());
    return new OriginChain(links);
  }

  private static String name(String originId, Map<String, String> originNames) {
    if (originId.startsWith(Origin.OWN_REPORTING_PREFIX)) {
      return originId.substring(Origin.OWN_REPORTING_PREFIX.length());
    }
    return originNames.getOrDefault(originId, originId);
  }

  private static void add(List<String> links, @Nullable String name) {
    if (name == null || name.isBlank()) {
      return;
    }
    String last = links.isEmpty() ? null : links.get(links.size() - 1);
    if (last == null || !same(last, name)) {
      links.add(name);
    }
  }

  /** Two names of one link: equal but for case, or one the other's first words ("Reuters", "Reuters News"). */
  private static boolean same(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT).strip();
    String y = b.toLowerCase(Locale.ROOT).strip();
    return x.equals(y) || x.startsWith(y + " ") || y.startsWith(x + " ");
  }

  /** The links joined by arrows. */
  public String text() {
    return String.join(" \u2192 ", links);
  }
}
