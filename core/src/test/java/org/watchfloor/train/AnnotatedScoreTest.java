package org.watchfloor.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;

class AnnotatedScoreTest {

  private static LabelledArticle article(String url, LabelledEvent... events) {
    Article a = new Article(url, url, null, "Wire", "t", null, Published.ofDate(LocalDate.parse("2016-02-07"), ZoneOffset.UTC),
        "en", "text", url, Set.of(), null, Map.of(), List.of());
    return new LabelledArticle(a, List.of(events), events.length > 0);
  }

  private static LabelledEvent gold(String key, String type, String date, String precision, boolean news, String... weapons) {
    return new LabelledEvent(key, List.of(type.split("\\|")), date, precision, false, news, "DPRK", List.of(weapons), List.of("x"));
  }

  private static String event(String type, String date, String url, boolean background, String... weapons) {
    String w = String.join("\",\"", weapons);
    return "{\"type\":\"" + type + "\",\"date\":\"" + date + "\",\"weapons\":[" + (weapons.length == 0 ? "" : "\"" + w + "\"")
        + "],\"reports\":[{\"url\":\"" + url + "\",\"background\":" + background + "}]}";
  }

  @Test
  void matchesOneToOneByTypeArticleAndDate() {
    List<LabelledArticle> gold = List.of(
        article("u1", gold("launch", "missile_launch", "2016-02-07", "day", true, "Unha-3")),
        article("u2", gold("talks", "other|policy_meeting", "2016-02", "month", true)));
    List<String> system = List.of(
        event("missile_launch", "2016-02-08", "u1", false, "Unha-3"),   // a day off: matches
        event("missile_launch", "2016-02-07", "u1", false),             // the same launch again: extra
        event("policy_meeting", "2016-02-20", "u2", false),             // an alternative type, same month
        event("sanctions", "2016-02-07", "u1", true));                  // background: not scored
    AnnotatedScore.Figures f = AnnotatedScore.score(system, gold);
    assertThat(f.systemNews()).isEqualTo(3);
    assertThat(f.matched()).isEqualTo(2);
    assertThat(f.precision()).isEqualTo(2.0 / 3);
    assertThat(f.recall()).isEqualTo(1.0);
  }

  @Test
  void datesAgreeAtTheGoldsPrecision() {
    assertThat(AnnotatedScore.datesAgree("2016-02-09", "2016-02-07", "day")).isFalse();
    assertThat(AnnotatedScore.datesAgree("2016-02-10", "2016-02-07", "week")).isTrue();
    assertThat(AnnotatedScore.datesAgree("2016-02-28", "2016-02", "month")).isTrue();
    assertThat(AnnotatedScore.datesAgree("2017-01-01", "2016", "year")).isFalse();
    assertThat(AnnotatedScore.datesAgree("anything", "2016-02-07", "unknown")).isTrue();
    assertThat(AnnotatedScore.datesAgree("2016-W06", "2016-02-11", "day")).isTrue();
  }

  @Test
  void weaponsAreTheGoldsSetOrASubset() {
    assertThat(AnnotatedScore.weaponsOk(List.of("Hwasong 15"), Set.of("Hwasong-15", "ICBM"))).isTrue();
    assertThat(AnnotatedScore.weaponsOk(List.of("Hwasong-15", "ballistic missile"), Set.of("Hwasong-15"))).isTrue();
    assertThat(AnnotatedScore.weaponsOk(List.of("nuclear weapon", "Hwasong-15"), Set.of("Hwasong-15"))).isFalse();
    assertThat(AnnotatedScore.weaponsOk(List.of(), Set.of("Hwasong-15"))).isFalse();
    assertThat(AnnotatedScore.weaponsOk(List.of(), Set.of())).isTrue();
  }
}
