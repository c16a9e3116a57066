package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.watchfloor.alert.MovableClock;

/** Each feed polled at its own interval, every feed at the first look. */
class FeedScheduleTest {

  @Test
  void eachFeedIsDueWhenItsOwnIntervalHasPassed() {
    MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    FeedSchedule s = new FeedSchedule(clock);
    s.add("https://wire.example/feed", Duration.ofSeconds(60));
    s.add("https://weekly.example/feed", Duration.ofSeconds(300));
    assertThat(s.untilNext()).isEqualTo(Duration.ZERO);
    assertThat(s.due()).containsExactly("https://wire.example/feed", "https://weekly.example/feed");
    assertThat(s.untilNext()).isEqualTo(Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(30));
    assertThat(s.due()).isEmpty();
    assertThat(s.untilNext()).isEqualTo(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    assertThat(s.due()).containsExactly("https://wire.example/feed");
    clock.advance(Duration.ofSeconds(240));
    assertThat(s.due()).containsExactly("https://wire.example/feed", "https://weekly.example/feed");
  }

  @Test
  void aFeedGivenTwiceIsPolledAtTheShorterIntervalAndAnEmptyScheduleHasNothingToWaitFor() {
    MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    FeedSchedule s = new FeedSchedule(clock);
    assertThat(s.untilNext()).isNull();
    s.add("https://wire.example/feed", Duration.ofSeconds(600));
    s.add("https://wire.example/feed", Duration.ofSeconds(10));
    assertThat(s.feeds()).containsExactly("https://wire.example/feed");
    s.due();
    assertThat(s.untilNext()).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> s.add("https://other.example/feed", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://other.example/feed");
  }
}
