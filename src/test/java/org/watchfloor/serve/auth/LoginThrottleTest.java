package org.watchfloor.serve.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aNameIsRefusedAfterTooManyFailuresUntilTheyAge() {
    HandClock clock = new HandClock();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(t.allows("ana")).as("attempt " + i).isTrue();
      t.failed("ana");
      clock.now = clock.now.plusSeconds(1);
    }
    assertThat(t.allows("ana")).isFalse();
    assertThat(t.allows("bob")).isTrue();
    clock.now = clock.now.plus(LoginThrottle.WINDOW).minus(Duration.ofSeconds(LoginThrottle.MAX_FAILURES - 1));
    assertThat(t.allows("ana")).as("the first failure has left the window").isTrue();
  }

  @Test
  void aSuccessForgetsTheFailures() {
    LoginThrottle t = new LoginThrottle(new HandClock());
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      t.failed("ana");
    }
    t.succeeded("ana");
    t.failed("ana");
    assertThat(t.allows("ana")).isTrue();
  }
}
