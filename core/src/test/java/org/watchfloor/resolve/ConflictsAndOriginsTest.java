package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.Event;

/**
 * Conflicts an analyst believes and origins that mean independence, through the whole pipeline:
 * figures told in other units or rounded differently are one figure, a statement's day is not
 * the launch day, and recaps, denials and "would not comment" confirm nothing.
 */
class ConflictsAndOriginsTest extends IngestingTest {

  private Event onlyLaunch() throws Exception {
    List<Event> launches = store.events().list("missile_launch", 0);
    assertThat(launches).hasSize(1);
    return launches.get(0);
  }

  private static List<String> conflictFields(Event e) {
    return e.conflicts().stream().map(Conflict::field).toList();
  }

  @Test
  void aRoundedFigureAndAPreciseOneAreNoConflict() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("seoul.example", "Seoul Wire", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024 that flew 1,000 km before falling into the sea,"
                + " South Korea's Joint Chiefs of Staff said."),
        doc("tokyo.example", "Tokyo Times", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024 that flew 1,001.2 km before falling into the"
                + " sea, Japan's defence ministry said.")));
    Event e = onlyLaunch();
    assertThat(e.independentOrigins()).isEqualTo(2);
    assertThat(conflictFields(e)).doesNotContain("range_km");
  }

  @Test
  void kilometresAndMilesOfOneFlightAreNoConflict() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("seoul.example", "Seoul Wire", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024 that flew about 30 km, South Korea's Joint"
                + " Chiefs of Staff said."),
        doc("dc.example", "Capital Post", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024 that flew about 19 miles, Japan's defence"
                + " ministry said.")));
    Event e = onlyLaunch();
    assertThat(conflictFields(e)).doesNotContain("range_km");
  }

  @Test
  void aFigureSaidToBeExceededAndAGreaterOneAreNoConflict() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("seoul.example", "Seoul Wire", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024 that reached an altitude of over 1,000 km,"
                + " South Korea's Joint Chiefs of Staff said."),
        doc("tokyo.example", "Tokyo Times", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024 that reached an altitude of 1,400 km, Japan's"
                + " defence ministry said.")));
    Event e = onlyLaunch();
    assertThat(conflictFields(e)).doesNotContain("apogee_km");
  }

  @Test
  void figuresThatDifferBeyondRoundingStillConflict() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("seoul.example", "Seoul Wire", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024 that flew 400 km, South Korea's Joint Chiefs"
                + " of Staff said."),
        doc("tokyo.example", "Tokyo Times", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024 that flew 650 km, Japan's defence ministry"
                + " said.")));
    Event e = onlyLaunch();
    assertThat(conflictFields(e)).contains("range_km");
  }

  @Test
  void theDayAStatementWasMadeIsNotTheLaunchDay() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("seoul.example", "Seoul Wire", "2016-04-23", "Submarine missile",
            "North Korea fired a submarine-launched ballistic missile off its east coast on Saturday, South"
                + " Korea's Joint Chiefs of Staff said."),
        doc("ny.example", "Gotham Daily", "2016-04-24", "Submarine missile",
            "North Korea said Sunday that it had successfully test-fired a submarine-launched ballistic missile"
                + " off its east coast, the Korean Central News Agency reported.")));
    Event e = onlyLaunch();
    assertThat(conflictFields(e)).doesNotContain("date");
    assertThat(e.date().iso()).isEqualTo("2016-04-23");
  }

  @Test
  void aStatedTimeZoneIsHonouredAndTheDayComparedInKorea() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("dc.example", "Capital Post", "2016-04-23", "Missile",
            "North Korea fired a ballistic missile at 11:30 p.m. EST on Saturday, the Pentagon said."),
        doc("seoul.example", "Seoul Wire", "2016-04-24", "Missile",
            "North Korea fired a ballistic missile on 24 April 2016, South Korea's Joint Chiefs of Staff said.")));
    Event e = onlyLaunch();
    assertThat(conflictFields(e)).doesNotContain("date");
    assertThat(e.date().iso()).isEqualTo("2016-04-24");
  }

  @Test
  void aWeekdayInALaterPaperAndTheDateAreOneDay() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("tokyo.example", "Tokyo Times", "2016-02-07", "Rocket",
            "North Korea launched a long-range rocket on 7 February 2016, Japan's defence ministry said."),
        doc("seoul.example", "Seoul Wire", "2016-02-10", "Rocket",
            "North Korea launched a long-range rocket on Sunday, South Korea's Joint Chiefs of Staff said on"
                + " Wednesday, adding that debris fell into the sea.")));
    Event e = onlyLaunch();
    assertThat(conflictFields(e)).doesNotContain("date");
    assertThat(e.independentOrigins()).isEqualTo(2);
  }

  @Test
  void aRecapInALaterArticleIsNoConfirmation() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("seoul.example", "Seoul Wire", "2016-01-06", "Nuclear test",
            "North Korea conducted a nuclear test on 6 January 2016, South Korea's Joint Chiefs of Staff said."),
        doc("tokyo.example", "Tokyo Times", "2016-01-14", "Talks",
            "North Korea's envoy to Beijing met Chinese officials on Thursday to discuss trade, state media said."
                + " The North's nuclear test on Wednesday last week angered both China and the United States and"
                + " again raised questions about sanctions on Pyongyang, Japan's defence ministry said.")));
    List<Event> tests = store.events().list("weapons_test_other", 0).stream()
        .filter(e -> e.date().iso().equals("2016-01-06")).toList();
    assertThat(tests).hasSize(1);
    assertThat(tests.get(0).reports()).isEqualTo(2);
    assertThat(tests.get(0).independentOrigins()).isEqualTo(1);
  }

  @Test
  void aDrillDenouncedAWeekLaterIsStillNewsButNoConfirmation() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("state.example", "State Wire", "2024-07-09", "Statement on the border drills",
            "The South Korean army staged live-fire artillery drills near the border on 2 July 2024, a military"
                + " spokesman of the DPRK said in a statement, calling the drills a reckless provocation.")));
    List<Event> drills = store.events().list("military_exercise", 0);
    assertThat(drills).singleElement().satisfies(e -> {
      assertThat(e.date().iso()).isEqualTo("2024-07-02");
      assertThat(e.independentOrigins()).isZero();
      assertThat(store.events().reportsOf(e.id())).singleElement().satisfies(r -> {
        assertThat(r.background()).isFalse();
        assertThat(r.recap()).isTrue();
      });
    });
  }

  @Test
  void aDeniedLaunchConfirmsNothing() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("seoul.example", "Seoul Wire", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024, South Korea's Joint Chiefs of Staff said."),
        doc("dc.example", "Capital Post", "2024-05-16", "Missile",
            "The Pentagon said it had not detected a ballistic missile launch by North Korea on 16 May 2024.")));
    Event e = onlyLaunch();
    assertThat(e.reports()).isEqualTo(2);
    assertThat(e.independentOrigins()).isEqualTo(1);
  }

  @Test
  void aFailedLaunchIsNoDenialAndConfirmsTheLaunch() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("seoul.example", "Seoul Wire", "2016-04-15", "Missile",
            "North Korea fired an intermediate-range missile on 15 April 2016, South Korea's Joint Chiefs of Staff"
                + " said."),
        doc("tokyo.example", "Tokyo Times", "2016-04-15", "Missile",
            "North Korea tried but failed to launch an intermediate-range missile on 15 April 2016, Japan's"
                + " defence ministry said.")));
    Event e = onlyLaunch();
    assertThat(e.reports()).isEqualTo(2);
    assertThat(e.independentOrigins()).isEqualTo(2);
  }

  @Test
  void aSourceThatDeclinedToCommentConfirmsNothing() throws Exception {
    pipeline.ingestDocuments(List.of(
        doc("seoul.example", "Seoul Wire", "2024-05-16", "Missile",
            "North Korea fired a ballistic missile on 16 May 2024, South Korea's Joint Chiefs of Staff said."),
        doc("dc.example", "Capital Post", "2024-05-16", "Missile",
            "The Pentagon declined to comment on North Korea's ballistic missile launch of 16 May 2024.")));
    Event e = onlyLaunch();
    assertThat(e.reports()).isEqualTo(2);
    assertThat(e.independentOrigins()).isEqualTo(1);
  }
}
