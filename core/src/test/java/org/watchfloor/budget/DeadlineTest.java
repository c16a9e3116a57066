package org.watchfloor.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A deadline on a clock the test moves: no test here waits or times anything. */
class DeadlineTest {

  private final AtomicLong now = new AtomicLong(1_000);

  @Test
  void aCheckBeforeTheDeadlinePassesAndOneAfterItNamesTheStage() {
    Deadline d = Deadline.after(Duration.ofSeconds(20), now::get);
    d.check();
    d.stage("extract");
    now.addAndGet(Duration.ofSeconds(20).toNanos());
    d.check();

    now.incrementAndGet();

    assertThatThrownBy(d::check)
        .isInstanceOfSatisfying(Deadline.Exceeded.class, e -> assertThat(e.stage()).isEqualTo("extract"))
        .hasMessage("over its time budget in extract (20 s)");
  }

  @Test
  void aRegularExpressionReadingGuardedTextStopsOnceTheDeadlinePasses() {
    // each look at the clock moves it a second: the budget is spent after ten looks
    Deadline d = Deadline.after(Duration.ofSeconds(10), () -> now.addAndGet(1_000_000_000L));
    String text = "a".repeat(Deadline.READS_PER_CHECK * 100);

    assertThatThrownBy(() -> Pattern.compile("b").matcher(d.guard(text)).find())
        .isInstanceOf(Deadline.Exceeded.class)
        .hasMessageStartingWith("over its time budget in parse");
  }

  @Test
  void noDeadlineNeverPassesAndLeavesTextAsItIs() {
    String text = "text";

    Deadline.none().check();
    Deadline.none().stage("extract");

    assertThat(Deadline.none().guard(text)).isSameAs(text);
    assertThat(Deadline.none().stage()).isEqualTo("parse");
  }

  @Test
  void theDeadlineOfAThreadIsTheOneEnteredUntilItsScopeCloses() {
    Deadline outer = Deadline.after(Duration.ofSeconds(1), now::get);
    Deadline inner = Deadline.after(Duration.ofSeconds(2), now::get);

    assertThat(Deadline.current()).isSameAs(Deadline.none());
    try (Deadline.Scope a = outer.enter()) {
      try (Deadline.Scope b = inner.enter()) {
        assertThat(Deadline.current()).isSameAs(inner);
      }
      assertThat(Deadline.current()).isSameAs(outer);
    }
    assertThat(Deadline.current()).isSameAs(Deadline.none());
  }

  @Test
  void aNegativeBudgetIsAProgrammingError() {
    assertThatThrownBy(() -> Deadline.after(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
