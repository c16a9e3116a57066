package org.watchfloor.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;

class GroupedFoldsTest {

  private static LabelledArticle article(String id, String outlet, String day, LabelledEvent... events) {
    Article a = new Article(id, "https://example.org/" + id, null, outlet, "t " + id, null,
        Published.ofDate(LocalDate.parse(day), ZoneOffset.UTC), "en", "text " + id, id, Set.of(), null, Map.of(), List.of());
    return new LabelledArticle(a, List.of(events), events.length > 0);
  }

  private static LabelledEvent event(String key, boolean news) {
    return new LabelledEvent(key, List.of("missile_launch"), "2016-02-07", "day", false, news, "DPRK", List.of(), List.of("x"));
  }

  private static List<LabelledArticle> corpus() {
    List<LabelledArticle> out = new ArrayList<>();
    String[] outlets = {"Wire A", "Paper B", "Site C", "Radio D", "Daily E", "Weekly F"};
    for (int i = 0; i < 30; i++) {
      String month = String.format("2016-%02d-10", 1 + i % 8);
      out.add(article("a" + i, outlets[i % outlets.length], month, event("launch-" + (i % 7), i % 2 == 0)));
    }
    return out;
  }

  @Test
  void noOutletOnBothSidesAndEveryArticleTestedOnce() {
    List<GroupedFolds.Fold> folds = GroupedFolds.of(corpus(), GroupedFolds.Grouping.OUTLET, 3);
    Set<String> tested = new HashSet<>();
    for (GroupedFolds.Fold f : folds) {
      Set<String> testOutlets = new HashSet<>();
      f.test().forEach(a -> testOutlets.add(a.outlet()));
      assertThat(f.train()).noneMatch(a -> testOutlets.contains(a.outlet()));
      f.test().forEach(a -> assertThat(tested.add(a.article().id())).isTrue());
    }
    assertThat(tested).hasSize(30);
  }

  @Test
  void noMonthOnBothSides() {
    for (GroupedFolds.Fold f : GroupedFolds.of(corpus(), GroupedFolds.Grouping.MONTH, 4)) {
      Set<String> months = new HashSet<>();
      f.test().forEach(a -> months.add(a.month()));
      assertThat(f.train()).noneMatch(a -> months.contains(a.month()));
    }
  }

  @Test
  void aHappeningToldAsNewsIsNeverOnBothSides() {
    for (GroupedFolds.Fold f : GroupedFolds.of(corpus(), GroupedFolds.Grouping.OUTLET, 3)) {
      Set<String> testAny = new HashSet<>();
      Set<String> testNews = new HashSet<>();
      f.test().forEach(a -> a.events().forEach(e -> {
        testAny.add(e.key());
        if (e.news()) {
          testNews.add(e.key());
        }
      }));
      for (LabelledArticle a : f.train()) {
        for (LabelledEvent e : a.events()) {
          assertThat(testNews).doesNotContain(e.key());
          if (e.news()) {
            assertThat(testAny).doesNotContain(e.key());
          }
        }
      }
    }
  }

  @Test
  void twoPassingMentionsOfOneHappeningMaySitOnBothSides() {
    LabelledArticle left = article("l", "Wire A", "2016-01-05", event("old-test", false));
    LabelledArticle right = article("r", "Paper B", "2016-02-05", event("old-test", false));
    List<GroupedFolds.Fold> folds = GroupedFolds.of(List.of(left, right), GroupedFolds.Grouping.OUTLET, 2);
    assertThat(folds).allSatisfy(f -> assertThat(f.train()).hasSize(1));
  }

  @Test
  void tooFewGroupsIsAClearError() {
    List<LabelledArticle> one = List.of(article("x", "Wire A", "2016-01-05"), article("y", "Wire A", "2016-01-06"));
    assertThatThrownBy(() -> GroupedFolds.of(one, GroupedFolds.Grouping.OUTLET, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 1 outlet groups");
  }
}
