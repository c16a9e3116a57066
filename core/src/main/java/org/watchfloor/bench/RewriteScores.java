package org.watchfloor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Article;

/**
 * Scores the rewrite links of a generated corpus against its truth. A link is right when the
 * article is a gold rewrite ({@link CorpusGenerator#REWRITES_FILE}) and its original reports the
 * same happening (the {@code /evNNNNNN/} of both URLs); a wrong link either crosses happenings
 * (one template filled in for two launches) or marks independent reporting of one happening as
 * a rewrite.
 *
 * @param links articles with a rewrite link
 * @param correct links that are right
 * @param crossEvent wrong links to another happening
 * @param gold gold rewrites
 * @param asCopy gold rewrites taken for copies instead
 */
public record RewriteScores(int links, int correct, int crossEvent, int gold, int asCopy) {

  private static final Pattern EVENT = Pattern.compile("/(ev\\d+)/");

  public double precision() {
    return links == 0 ? 1 : (double) correct / links;
  }

  public double recall() {
    return gold == 0 ? 1 : (double) correct / gold;
  }

  /**
   * @param linkKey the extra key that holds an article's rewrite link
   * @param cosineKey the extra key that holds the link's cosine
   * @param cutoff links of a lower cosine count as absent: the scores a run with this threshold gets
   */
  public static RewriteScores score(Path goldRewrites, List<Article> stored, String linkKey, String cosineKey,
      double cutoff) throws IOException {
    Set<String> gold = new HashSet<>(Files.readAllLines(goldRewrites, StandardCharsets.UTF_8));
    gold.remove("url");
    gold.removeIf(String::isBlank);
    Map<String, Article> byId = new HashMap<>();
    for (Article a : stored) {
      byId.put(a.id(), a);
    }
    int links = 0;
    int correct = 0;
    int cross = 0;
    int asCopy = 0;
    for (Article a : stored) {
      boolean isGold = a.url() != null && gold.contains(a.url());
      if (isGold && a.copyOf() != null) {
        asCopy++;
      }
      String original = a.extra().get(linkKey);
      String cosine = a.extra().get(cosineKey);
      if (original == null || (cosine != null && Double.parseDouble(cosine) < cutoff)) {
        continue;
      }
      links++;
      Article o = byId.get(original);
      String here = event(a.url());
      boolean sameEvent = o != null && here != null && here.equals(event(o.url()));
      if (!sameEvent) {
        cross++;
      } else if (isGold) {
        correct++;
      }
    }
    return new RewriteScores(links, correct, cross, gold.size(), asCopy);
  }

  static @Nullable String event(@Nullable String url) {
    if (url == null) {
      return null;
    }
    Matcher m = EVENT.matcher(url);
    return m.find() ? m.group(1) : null;
  }
}
