package org.watchfloor.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Grouped cross-validation folds: every article of one outlet (or of one publication month)
 * lands on the same side, and no happening is told as news on both sides.
 *
 * <p>Articles about one happening share most of their words, and so do an outlet's house style
 * and a month's running story: a fold that splits them measures memory, not reading. Groups are
 * dealt to the folds largest first, each to the fold with the fewest articles so far, so the
 * folds are even and the assignment is deterministic. Then each fold's training side is
 * purged: an article that shares a happening with the test side, where either of the two tells
 * it as news, is left out of training (two passing mentions of the 2006 nuclear test in two
 * commentaries leak nothing a model could use, and purging those would leave little to learn
 * from).
 */
public final class GroupedFolds {

  /** What keeps articles together. */
  public enum Grouping {
    OUTLET(LabelledArticle::outlet),
    MONTH(LabelledArticle::month);

    private final Function<LabelledArticle, String> key;

    Grouping(Function<LabelledArticle, String> key) {
      this.key = key;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One fold: what to train on and what to test on. */
  public record Fold(int index, List<LabelledArticle> train, List<LabelledArticle> test) {
    public Fold {
      train = List.copyOf(train);
      test = List.copyOf(test);
    }
  }

  private GroupedFolds() {}

  /** {@code k} folds of {@code articles} grouped by {@code grouping}. */
  public static List<Fold> of(List<LabelledArticle> articles, Grouping grouping, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + k);
    }
    Map<String, List<LabelledArticle>> groups = new LinkedHashMap<>();
    for (LabelledArticle a : articles) {
      groups.computeIfAbsent(grouping.key.apply(a), g -> new ArrayList<>()).add(a);
    }
    if (groups.size() < k) {
      throw new IllegalArgumentException("only " + groups.size() + " " + grouping.label() + " groups for " + k + " folds");
    }
    List<Map.Entry<String, List<LabelledArticle>>> bySize = new ArrayList<>(groups.entrySet());
    bySize.sort(Comparator.<Map.Entry<String, List<LabelledArticle>>>comparingInt(e -> -e.getValue().size())
        .thenComparing(Map.Entry::getKey));
    List<List<LabelledArticle>> tests = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      tests.add(new ArrayList<>());
    }
    for (Map.Entry<String, List<LabelledArticle>> g : bySize) {
      tests.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(g.getValue());
    }
    List<Fold> folds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      List<LabelledArticle> test = tests.get(i);
      Set<LabelledArticle> inTest = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      inTest.addAll(test);
      Set<String> testAny = keys(test, false);
      Set<String> testNews = keys(test, true);
      List<LabelledArticle> train = new ArrayList<>();
      for (LabelledArticle a : articles) {
        if (!inTest.contains(a) && !sharesHappening(a, testAny, testNews)) {
          train.add(a);
        }
      }
      folds.add(new Fold(i, train, test));
    }
    return folds;
  }

  /** Whether {@code a} tells as news a happening the test side mentions, or mentions one it tells as news. */
  static boolean sharesHappening(LabelledArticle a, Set<String> testAny, Set<String> testNews) {
    for (LabelledEvent e : a.events()) {
      if (testNews.contains(e.key()) || (e.news() && testAny.contains(e.key()))) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> keys(List<LabelledArticle> articles, boolean newsOnly) {
    Set<String> keys = new HashSet<>();
    for (LabelledArticle a : articles) {
      for (LabelledEvent e : a.events()) {
        if (!newsOnly || e.news()) {
          keys.add(e.key());
        }
      }
    }
    return keys;
  }
}
