package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/** Announcements of a coming launch, retold by outlets that describe the launch each in its own words. */
class LaunchNoticeTest {

  private static final WeaponClasses CLASSES = new WeaponClasses(Map.of("Taepo-9", "SLV", "Taepo-10", "SLV"),
      Set.of("ICBM", "ballistic missile", "space launch vehicle"));

  private static Report launch(String id, LocalDate day, boolean planned, List<String> actors, List<String> weapons) {
    return new Report(id, id.substring(0, id.indexOf('-')), "missile_launch", EventDate.day(day), planned, false,
        actors, weapons, List.of(), Map.of(), "Pyongyang said it would put a satellite up.", 0, 44, null,
        Certainty.ASSERTED, "outlet:" + id, List.of());
  }

  /** How well {@code later} fits the event {@code first} started. */
  private static int score(Report first, Report later) {
    return Resolver.score(later, EventMerger.merge("e1", List.of(first)), CLASSES);
  }

  private static final LocalDate TUESDAY = LocalDate.of(2031, 3, 4);

  @Test
  void twoNoticesADayApartJoinThoughTheyNameOnlyDifferentClassesAndShareNothing() {
    Report first = launch("a-r0", TUESDAY, true, List.of(), List.of("ICBM"));
    Report second = launch("b-r0", TUESDAY.plusDays(1), true, List.of("Seoul officials"),
        List.of("space launch vehicle", "ballistic missile"));

    assertThat(score(first, second)).isPositive();
  }

  @Test
  void twoLaunchesLikeThatStayApart() {
    Report first = launch("a-r0", TUESDAY, false, List.of(), List.of("ICBM"));
    Report second = launch("b-r0", TUESDAY.plusDays(1), false, List.of("Seoul officials"),
        List.of("space launch vehicle", "ballistic missile"));

    assertThat(score(first, second)).isZero();
  }

  @Test
  void aNoticeAndTheLaunchItAnnouncesStayApart() {
    Report notice = launch("a-r0", TUESDAY, true, List.of("Kim"), List.of("Taepo-9"));
    Report fired = launch("b-r0", TUESDAY.plusDays(1), false, List.of("Kim"), List.of("Taepo-9"));

    assertThat(score(notice, fired)).isZero();
  }

  @Test
  void noticesOfTwoDifferentNamedRocketsStayApart() {
    Report first = launch("a-r0", TUESDAY, true, List.of(), List.of("Taepo-9"));
    Report second = launch("b-r0", TUESDAY, true, List.of(), List.of("Taepo-10", "space launch vehicle"));

    assertThat(score(first, second)).isZero();
  }

  @Test
  void noticesDaysApartStayApart() {
    Report first = launch("a-r0", TUESDAY, true, List.of(), List.of("ICBM"));
    Report second = launch("b-r0", TUESDAY.plusDays(5), true, List.of(), List.of("ICBM"));

    assertThat(score(first, second)).isZero();
  }
}
