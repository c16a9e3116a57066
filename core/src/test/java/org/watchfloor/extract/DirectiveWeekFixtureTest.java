package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Report;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.watchfloor.profile.WatchProfile;

/**
 * End to end over a headerless wire story (our own words, in the shape of the December 2025
 * examples): parsed as ingest parses it, then extracted. The news — the production order, dated
 * the day before the story — is typed and dated; the launch stated in a bullet is news too;
 * nothing is invented from the generic closing sentences.
 */
class DirectiveWeekFixtureTest {

  private static List<Report> reports() throws IOException {
    byte[] bytes;
    try (InputStream in = DirectiveWeekFixtureTest.class.getResourceAsStream("/fixtures/extract/directive-week.txt")) {
      bytes = in.readAllBytes();
    }
    ParseResult parsed = new ArticleParser().parse(
        new RawDocument("fixtures/extract/directive-week.txt", null, RawDocument.Format.TEXT, bytes, Map.of()));
    assertThat(parsed.ok()).isTrue();
    Article article = parsed.article();
    return new Extractor(WatchProfile.load("dprk")).extract(article).reports();
  }

  @Test
  void theProductionOrderIsTheNewsAndIsDatedByTheStory() throws IOException {
    List<Report> news = reports().stream().filter(r -> !r.background()).toList();
    assertThat(news).extracting(Report::eventType).contains("production_directive");
    Report order = news.stream().filter(r -> r.eventType().equals("production_directive")).findFirst().orElseThrow();
    assertThat(order.planned()).isFalse();
    assertThat(order.date().isKnown()).isTrue();
    // reported on Saturday 14 March 2026: the order was given that week, not in 2027
    assertThat(order.date().earliest()).isBetween(java.time.LocalDate.of(2026, 3, 9), java.time.LocalDate.of(2026, 3, 14));
  }

  @Test
  void theAirDefenceLaunchIsNewsWithItsWeaponAndSea() throws IOException {
    Report launch = reports().stream().filter(r -> r.eventType().equals("missile_launch")).findFirst().orElseThrow();
    assertThat(launch.background()).isFalse();
    assertThat(launch.weapons()).contains("air-defence missile");
    assertThat(launch.locations()).contains("Sea of Japan");
  }

  @Test
  void nothingIsInventedFromGenericSentences() throws IOException {
    List<Report> news = reports().stream().filter(r -> !r.background()).toList();
    assertThat(news).extracting(Report::eventType).doesNotContain("arms_transfer", "sanctions", "weapons_test_other");
    assertThat(news).extracting(Report::evidence).noneMatch(e -> e.contains("in recent years"));
  }
}
