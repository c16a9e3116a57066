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

  private static final String ATTACKER = "203.0.113.9";
  private static final String ANALYST = "198.51.100.7";

  @Test
  void aStrangersFailuresAtANameDoNotHoldUpTheAnalystsOwnBrowser() {
    HandClock clock = new HandClock();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < 10; i++) {
      t.failed(ATTACKER, "ana", null);
    }

    assertThat(t.wait(ANALYST, "ana", "browser-of-ana")).isZero();
    assertThat(t.wait(ANALYST, "ana", null)).as("another stranger, elsewhere: the name's count").isPositive();
    assertThat(t.wait(ANALYST, "bob", null)).as("another name, elsewhere").isZero();
  }

  @Test
  void guessesSpreadOverManyNamesFromOneAddressAreSlowedDown() {
    LoginThrottle t = new LoginThrottle(new HandClock());
    for (int i = 0; i < LoginThrottle.FREE; i++) {
      assertThat(t.wait(ATTACKER, "name" + i, null)).isZero();
      t.failed(ATTACKER, "name" + i, null);
    }
    assertThat(t.wait(ATTACKER, "yet-another-name", null)).isEqualTo(LoginThrottle.FIRST_WAIT);
    assertThat(t.wait(ANALYST, "yet-another-name", null)).isZero();
  }

  @Test
  void theWaitDoublesWithEachFailurePastTheFreeOnesUpToTheCap() {
    HandClock clock = new HandClock();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE; i++) {
      t.failed(ATTACKER, "ana", null);
    }
    Duration expected = LoginThrottle.FIRST_WAIT;
    for (int i = 0; i < 6; i++) {
      assertThat(t.wait(ATTACKER, "ana", null)).as("after " + (LoginThrottle.FREE + i) + " failures").isEqualTo(expected);
      clock.now = clock.now.plus(expected).minusMillis(1);
      assertThat(t.wait(ATTACKER, "ana", null)).isEqualTo(Duration.ofMillis(1));
      clock.now = clock.now.plusMillis(1);
      assertThat(t.wait(ATTACKER, "ana", null)).isZero();
      t.failed(ATTACKER, "ana", null);
      expected = expected.multipliedBy(2);
    }
    assertThat(LoginThrottle.backOff(LoginThrottle.FREE + 40)).isEqualTo(LoginThrottle.MAX_WAIT);
    assertThat(LoginThrottle.backOff(LoginThrottle.FREE + 15)).isEqualTo(LoginThrottle.MAX_WAIT);
  }

  @Test
  void aSuccessClearsTheCountsOfItsAttempt() {
    LoginThrottle t = new LoginThrottle(new HandClock());
    for (int i = 0; i < LoginThrottle.FREE + 3; i++) {
      t.failed(ANALYST, "ana", null);
    }
    t.succeeded(ANALYST, "ana", null);
    assertThat(t.wait(ANALYST, "ana", null)).isZero();
    t.failed(ANALYST, "ana", null);
    assertThat(t.wait(ANALYST, "ana", null)).isZero();
  }

  @Test
  void countsLeftAloneForADayAreForgotten() {
    HandClock clock = new HandClock();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE + 20; i++) {
      t.failed(ATTACKER, "ana", null);
    }
    assertThat(t.wait(ATTACKER, "ana", null)).isEqualTo(LoginThrottle.MAX_WAIT);
    clock.now = clock.now.plus(LoginThrottle.FORGET_AFTER);
    assertThat(t.wait(ATTACKER, "ana", null)).isZero();
    t.failed(ATTACKER, "ana", null);
    assertThat(t.wait(ATTACKER, "ana", null)).isZero();
  }

  @Test
  void anIpv6ClientIsCountedByItsNetwork() {
    assertThat(Access.client("2001:db8:1:2:aaaa::1")).isEqualTo(Access.client("2001:db8:1:2:bbbb::2"));
    assertThat(Access.client("2001:db8:1:3::1")).isNotEqualTo(Access.client("2001:db8:1:2::1"));
    assertThat(Access.client("203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(Access.client("::1")).isNotEqualTo(Access.client("::2"));
  }
}
