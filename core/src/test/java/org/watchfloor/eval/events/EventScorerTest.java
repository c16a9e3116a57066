package org.watchfloor.eval.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.WatchProfile;

/** Matching rules of the event evaluation: type, shared article, date within a day, weapon. */
class EventScorerTest {

  private static final String GOLD = """
      event_key,event_date,event_type,weapons,article_urls,notes
      launch,2024-04-02,missile_launch,Hwasong 16B,https://a.example/1 file:articles/026-x.txt,
      test,2024-05-10,weapons_test_other|missile_launch,,https://a.example/2,
      judgement,2024-06-01,other,,https://a.example/3,"Borderline (scope): maybe"
      """;

  private static List<GoldEvent> gold() throws IOException {
    return GoldEvents.read(new StringReader(GOLD), GazetteerMatcher.of(WatchProfile.load("dprk")), "test");
  }

  private static SystemEvent event(String id, String type, LocalDate day, Set<String> weapons, String url, String path) {
    return new SystemEvent(id, type, EventDate.day(day), false, weapons,
        List.of(new SystemEvent.ArticleRef(id, url, path)), "evidence of " + id);
  }

  @Test
  void goldWeaponsAreReadThroughTheGazetteerAndJudgementCallsAreForgiven() throws IOException {
    List<GoldEvent> g = gold();
    assertThat(g.get(0).weapons()).containsExactly("Hwasong-16B");
    assertThat(g.get(1).types()).containsExactlyInAnyOrder("weapons_test_other", "missile_launch");
    assertThat(g.get(2).forgiven()).isTrue();
  }

  @Test
  void matchesByTypeArticleDateAndWeapon() throws IOException {
    List<SystemEvent> system = List.of(
        // right type, file path suffix, a day late, same weapon: a match
        event("e1", "missile_launch", LocalDate.of(2024, 4, 3), Set.of("Hwasong-16B"), null, "/data/articles/026-x.txt"),
        // an alternative type, no weapon required, but two days off: aligned, date wrong
        event("e2", "missile_launch", LocalDate.of(2024, 5, 12), Set.of(), "https://a.example/2", null),
        // from an article with no gold event
        event("e3", "sanctions", LocalDate.of(2024, 5, 12), Set.of(), "https://a.example/9", null));
    EventScore s = new EventScorer().score(gold(), system);
    assertThat(s.systemCorrect()).isEqualTo(1);
    assertThat(s.goldCounted()).isEqualTo(2); // the missed judgement call is forgiven
    assertThat(s.goldFound()).isEqualTo(1);
    assertThat(s.precision()).isEqualTo(1.0 / 3);
    assertThat(s.recall()).isEqualTo(0.5);
    assertThat(s.dateAccuracy()).isEqualTo(0.5);
    assertThat(s.weaponAccuracy()).isEqualTo(1.0);
    assertThat(s.eventsFromArticlesWithoutGold()).isEqualTo(1);
    assertThat(s.misses()).extracting(EventScorer.Line::key).containsExactly("test");
  }

  @Test
  void aSecondEventForTheSameGoldIsADuplicateFalseAlarm() throws IOException {
    List<SystemEvent> system = List.of(
        event("e1", "missile_launch", LocalDate.of(2024, 4, 2), Set.of("Hwasong-16B"), "https://a.example/1", null),
        event("e2", "missile_launch", LocalDate.of(2024, 4, 2), Set.of("Hwasong-16B"), "https://a.example/1", null));
    EventScore s = new EventScorer().score(gold(), system);
    assertThat(s.systemCorrect()).isEqualTo(1);
    assertThat(s.falseAlarms()).singleElement().satisfies(l -> assertThat(l.detail()).startsWith("[duplicate]"));
    assertThat(s.wrongWeapons()).isEmpty();
  }

  @Test
  void aWrongWeaponIsNoMatch() throws IOException {
    List<SystemEvent> system = List.of(
        event("e1", "missile_launch", LocalDate.of(2024, 4, 2), Set.of("Hwasong-18"), "https://a.example/1", null));
    EventScore s = new EventScorer().score(gold(), system);
    assertThat(s.systemCorrect()).isZero();
    assertThat(s.weaponAccuracy()).isZero();
    assertThat(s.wrongWeapons()).singleElement().satisfies(l -> assertThat(l.detail())
        .startsWith("gold: [Hwasong-16B]; system: [Hwasong-18]"));
  }

  @Test
  void aGoldWithAlternativeTypesCountsUnderTheTypeThatMatchedItOrElseItsFirst() throws IOException {
    // the "test" gold (weapons_test_other|missile_launch) matched by a missile_launch: one row,
    // missile_launch, where it is both found and correct
    List<SystemEvent> matched = List.of(
        event("e2", "missile_launch", LocalDate.of(2024, 5, 10), Set.of(), "https://a.example/2", null));
    EventScorer.TypeRow launch = new EventScorer().score(gold(), matched).perType().get("missile_launch");
    assertThat(launch.found()).isEqualTo(1);
    assertThat(launch.correct()).isEqualTo(1);
    assertThat(launch.gold()).isEqualTo(2); // with the missed "launch" gold
    // missed: counted under the first alternative written
    EventScore none = new EventScorer().score(gold(), List.of());
    assertThat(none.perType().get("weapons_test_other").gold()).isEqualTo(1);
    assertThat(gold().get(1).types()).containsExactly("weapons_test_other", "missile_launch");
  }

  @Test
  void aJudgementCallListedFirstDoesNotTakeTheEventACountedGoldNeeds() throws IOException {
    String csv = """
        event_key,event_date,event_type,weapons,article_urls,notes
        maybe,2024-08-18,threat_statement,,https://a.example/r https://a.example/m,"Borderline (scope): a call"
        sure,2024-08-18,threat_statement,,https://a.example/r,
        """;
    List<GoldEvent> g = GoldEvents.read(new StringReader(csv), GazetteerMatcher.of(WatchProfile.load("dprk")), "t");
    // one event from the shared article fits both golds; one from the other article fits only the call
    List<SystemEvent> system = List.of(
        event("e1", "threat_statement", LocalDate.of(2024, 8, 18), Set.of(), "https://a.example/r", null),
        event("e2", "threat_statement", LocalDate.of(2024, 8, 18), Set.of(), "https://a.example/m", null));
    EventScore s = new EventScorer().score(g, system);
    assertThat(s.goldFound()).isEqualTo(2);
    assertThat(s.systemCorrect()).isEqualTo(2);
    assertThat(s.misses()).isEmpty();
  }
}
