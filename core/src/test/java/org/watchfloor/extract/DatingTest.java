package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;
import org.watchfloor.profile.WatchProfile;

/** Which day a candidate sentence tells its happening of a type on. */
class DatingTest {

  private static final ArticleReader READER = new ArticleReader(WatchProfile.load("dprk"), Clock.systemUTC());

  private static Candidate only(String text, String published) {
    Article a = new Article("a", "https://news.example/a", null, "Example Wire", null, null,
        Published.ofDate(LocalDate.parse(published), ZoneOffset.UTC), "en", text, "h", Set.of(), null, Map.of(),
        List.of());
    Reading r = READER.read(a);
    List<Candidate> candidates = READER.candidates(r);
    assertThat(candidates).hasSize(1);
    return candidates.get(0);
  }

  private static String told(String text, String published, String type) {
    Article a = new Article("a", "https://news.example/a", null, "Example Wire", null, null,
        Published.ofDate(LocalDate.parse(published), ZoneOffset.UTC), "en", text, "h", Set.of(), null, Map.of(),
        List.of());
    Reading r = READER.read(a);
    return Dating.told(r, only(text, published), type).iso();
  }

  @Test
  void aTimeNearerAnotherHappeningsTriggerDoesNotDateThisOne() {
    // (Wednesday 13 January 2016: "last week" is the week of the test, "on Tuesday" the vote)
    String text = "The parliament voted on Tuesday to broaden sanctions on North Korea, while Seoul urged Beijing"
        + " to respond to the North's nuclear test last week.";
    assertThat(only(text, "2016-01-13").triggers()).extracting(t -> t.eventType())
        .contains("sanctions", "weapons_test_other");
    assertThat(told(text, "2016-01-13", "sanctions")).isEqualTo("2016-01-12");
    assertThat(told(text, "2016-01-13", "weapons_test_other")).isEqualTo("2016-W01");
  }

  @Test
  void aSentenceOfOneHappeningIsDatedByItsNearestTime() {
    String text = "North Korea fired a ballistic missile into the sea on Sunday, officials said on Monday.";
    assertThat(told(text, "2016-02-08", "missile_launch")).isEqualTo("2016-02-07");
  }

  @Test
  void aDayAheadIsOnlyOneAfterTheNextDay() {
    LocalDate friday = LocalDate.parse("2026-11-27");
    assertThat(Dating.ahead(org.watchfloor.model.EventDate.day(friday.plusDays(1)), friday))
        .as("Korea's tomorrow is a Western outlet's today").isFalse();
    assertThat(Dating.ahead(org.watchfloor.model.EventDate.day(friday.plusDays(2)), friday)).isTrue();
    assertThat(Dating.ahead(org.watchfloor.model.EventDate.day(friday.plusDays(2)), null)).isFalse();
    assertThat(Dating.ahead(org.watchfloor.model.EventDate.UNKNOWN, friday)).isFalse();
  }

  @Test
  void aWorksNamedForADayIsNoDay() {
    // (published Monday 23 December 2019: "16 March" would be a day nine months back)
    String text = "Satellite images show a new structure at the March 16 Factory, where North Korea builds"
        + " the launchers of its long-range missiles.";
    Candidate c = only(text, "2019-12-23");
    assertThat(c.entities()).extracting(e -> e.entity().canonical()).contains("March 16 Factory");
    assertThat(c.times()).isEmpty();
    String dated = "North Korea fired a missile on March 16, officials said.";
    assertThat(only(dated, "2019-12-23").times()).extracting(t -> t.text()).containsExactly("March 16");
  }
}
