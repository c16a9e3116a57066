package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/** How far apart the dates of two reports of one event may lie. */
class DateSlackTest {

  private static Report said(String id, EventDate date) {
    return new Report(id, id.substring(0, id.indexOf('-')), "threat_statement", date, false, false,
        List.of("Kim Yo Jong"), List.of(), List.of(), Map.of(), "She warned the carrier.", 0, 10, null,
        Certainty.ASSERTED, "kcna", List.of());
  }

  private static final LocalDate TUESDAY = LocalDate.of(2025, 3, 4);

  @Test
  void anOutletBehindKoreaWhoseRecentDaysEndTheDayBeforeJoinsTheKoreanDay() {
    var korean = EventMerger.merge("e1", List.of(said("a-r0", EventDate.day(TUESDAY))));
    var recent = said("b-r0", new EventDate(TUESDAY.minusDays(3), TUESDAY.minusDays(1), DatePrecision.WEEK));
    assertThat(Resolver.score(recent, korean, WeaponClasses.NONE)).isPositive();
  }

  @Test
  void recentDaysEndingTwoDaysBeforeDoNot() {
    var korean = EventMerger.merge("e1", List.of(said("a-r0", EventDate.day(TUESDAY))));
    var older = said("b-r0", new EventDate(TUESDAY.minusDays(4), TUESDAY.minusDays(2), DatePrecision.WEEK));
    assertThat(Resolver.score(older, korean, WeaponClasses.NONE)).isZero();
  }

  @Test
  void twoRangesGetNoSlack() {
    var week = EventMerger.merge("e1", List.of(said("a-r0",
        new EventDate(TUESDAY, TUESDAY.plusDays(2), DatePrecision.WEEK))));
    var before = said("b-r0", new EventDate(TUESDAY.minusDays(3), TUESDAY.minusDays(1), DatePrecision.WEEK));
    assertThat(Resolver.score(before, week, WeaponClasses.NONE)).isZero();
  }
}
