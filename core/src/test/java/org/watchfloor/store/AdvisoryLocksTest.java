package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.EventDate;

class AdvisoryLocksTest {

  private static final LocalDate START = LocalDate.of(2023, 12, 20);

  /**
   * What the locking rests on: a report's window and the dates of any event it can find there
   * share a block, so the writer changing that event (holding all its blocks) and the one
   * looking (holding its window's) never work on it at once; over every window of a day, a
   * week and a month against events of every span that overlap it.
   */
  @Test
  void aWindowSharesABlockWithEveryEventItOverlaps() {
    for (int shift = 0; shift < 21; shift++) {
      for (int span : List.of(0, 6, 30)) {
        LocalDate from = START.plusDays(shift);
        Set<String> window = new HashSet<>(AdvisoryLocks.blocks("missile_launch", from.minusDays(1), from.plusDays(span + 1)));
        for (int start = -40; start <= 40; start++) {
          for (int length : List.of(0, 1, 6, 7, 29, 400)) {
            LocalDate a = from.plusDays(start);
            LocalDate b = a.plusDays(length);
            if (b.isBefore(from.minusDays(1)) || a.isAfter(from.plusDays(span + 1))) {
              continue; // not a candidate (it may still share a block: a wait, never a wrong match)
            }
            Set<String> event = new HashSet<>(AdvisoryLocks.blocks("missile_launch",
                new EventDate(a, b, length == 0 ? DatePrecision.DAY : DatePrecision.WEEK)));
            event.retainAll(window);
            assertThat(event).as("window %s+%d against %s..%s", from, span, a, b).isNotEmpty();
          }
        }
      }
    }
  }

  @Test
  void blocksAreAWeekAndOfOneTypeOnly() {
    assertThat(AdvisoryLocks.blocks("missile_launch", START, START.plusDays(6))).hasSizeBetween(1, 2);
    assertThat(AdvisoryLocks.blocks("missile_launch", START, START.plusDays(365))).hasSizeBetween(53, 54);
    assertThat(AdvisoryLocks.blocks("missile_launch", START, START))
        .doesNotContainAnyElementsOf(AdvisoryLocks.blocks("nuclear_test", START, START));
    assertThat(AdvisoryLocks.blocks("missile_launch", EventDate.UNKNOWN)).containsExactly("undated|missile_launch");
  }

  @Test
  void lockKeysAreStableAndApart() {
    assertThat(AdvisoryLocks.key("edit-log")).isEqualTo(AdvisoryLocks.key("edit-log"));
    Set<Long> keys = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      keys.add(AdvisoryLocks.key("block|missile_launch|" + i));
    }
    assertThat(keys).hasSize(10_000);
  }

  @Test
  void aDeadlockASerialisationFailureOrALockHeldElsewhereIsARaceLostAndALockTimeoutIsNot() {
    assertThat(Store.lostRace(new WatchfloorException("store x: deadlock", new SQLException("deadlock detected", "40P01"))))
        .isTrue();
    assertThat(Store.lostRace(new SQLException("could not serialize access", "40001"))).isTrue();
    assertThat(Store.lostRace(new WatchfloorException("store x", new AdvisoryLocks.HeldElsewhere()))).isTrue();
    assertThat(Store.lostRace(new SQLException("canceling statement due to lock timeout", "55P03"))).isFalse();
    assertThat(Store.lostRace(new SQLException("duplicate key value", "23505"))).isFalse();
    assertThat(Store.lostRace(new IllegalStateException("no SQL here"))).isFalse();
  }
}
