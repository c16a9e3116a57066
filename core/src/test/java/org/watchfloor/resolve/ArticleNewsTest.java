package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Published;
import org.watchfloor.model.Report;

class ArticleNewsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 2, 10);

  private static final String TEXT = "Capitals condemn the launch\n\nA caption line\n\n"
      + "Neighbours condemned it after the rocket launch, the first this year.\n"
      + "Officials met.\nThey spoke.\nThey left.\n";

  /** Where the lead sentence starts, and a sentence three paragraphs further down. */
  private static final int LEAD = TEXT.indexOf("Neighbours");
  private static final int DEEP = TEXT.indexOf("They left");

  private static final Article REACTION = new Article("a", null, null, "Example Daily", "Capitals condemn the launch",
      null, Published.ofDate(DAY, ZoneOffset.UTC), "en", TEXT, "h", Set.of(), null, Map.of(), List.of());

  private static Report report(String id, int start, EventDate date, boolean background, boolean planned) {
    return new Report(id, "a", "missile_launch", date, planned, background, List.of(), List.of(), List.of(), Map.of(),
        "Neighbours condemned it after the rocket launch.", start, start + 40, null, Certainty.ASSERTED, "wire",
        List.of());
  }

  @Test
  void aReactionStoryCarriesTheHappeningItOpensWithAsNews() {
    List<Report> out = ArticleNews.withNews(REACTION, List.of(
        report("a-r1", DEEP, EventDate.day(DAY.minusYears(3)), true, false),
        report("a-r0", LEAD, EventDate.day(DAY.minusDays(1)), true, false)));
    assertThat(out).extracting(Report::id, Report::background)
        .containsExactly(tuple("a-r1", true),
            tuple("a-r0", false));
  }

  @Test
  void anOlderHappeningAPlanOneNamedFarDownOrAnArticleWithNewsIsLeftAsItIs() {
    List<Report> old = List.of(report("a-r0", LEAD, EventDate.day(DAY.minusDays(20)), true, false));
    assertThat(ArticleNews.withNews(REACTION, old)).isEqualTo(old);
    List<Report> plan = List.of(report("a-r0", LEAD, EventDate.day(DAY), true, true));
    assertThat(ArticleNews.withNews(REACTION, plan)).isEqualTo(plan);
    List<Report> month = List.of(report("a-r0", LEAD, EventDate.month(DAY.getYear(), DAY.getMonthValue()), true, false));
    assertThat(ArticleNews.withNews(REACTION, month)).isEqualTo(month);
    List<Report> deep = List.of(report("a-r0", DEEP, EventDate.day(DAY), true, false));
    assertThat(ArticleNews.withNews(REACTION, deep)).isEqualTo(deep);
    List<Report> withNews = List.of(report("a-r0", LEAD, EventDate.day(DAY), true, false),
        report("a-r1", 400, EventDate.day(DAY.minusDays(5)), false, false));
    assertThat(ArticleNews.withNews(REACTION, withNews)).isEqualTo(withNews);
  }

  @Test
  void aLateReportStaysNewsButConfirmsNothingWhileAFreshOneAPlanAndAnUndatedOneConfirm() {
    List<Report> out = ArticleNews.withRecaps(REACTION, List.of(
        report("a-r0", LEAD, EventDate.day(DAY.minusDays(6)), false, false),
        report("a-r1", 300, EventDate.day(DAY.minusDays(3)), false, false),
        report("a-r2", 350, EventDate.day(DAY.minusDays(9)), false, true),
        report("a-r3", 380, EventDate.UNKNOWN, false, false),
        report("a-r4", DEEP, EventDate.day(DAY.minusYears(2)), true, false)));
    assertThat(out).extracting(Report::id, Report::background, Report::recap, Report::confirms)
        .containsExactly(
            tuple("a-r0", false, true, false), // a drill denounced six days later: news, no new confirmation
            tuple("a-r1", false, false, true), // the third day still reports
            tuple("a-r2", false, false, true), // a plan is no recap
            tuple("a-r3", false, false, true),
            tuple("a-r4", true, true, false)); // in passing, and old: still background
  }
}
