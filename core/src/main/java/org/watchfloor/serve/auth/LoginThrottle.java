package org.watchfloor.serve.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Slows password guessing down without letting a guesser lock the analysts out. Failed logins
 * are counted per client address, whatever names it tries (guesses spread over many names), and
 * per account name, from whatever address (guesses spread over many machines). Each count costs
 * nothing for its first {@value #FREE} failures; from then on each failure doubles the wait
 * before the next try under that count ({@link #FIRST_WAIT}, twice that, … at most {@link
 * #MAX_WAIT}), and a success clears the counts of the attempt. A count not added to for {@link
 * #FORGET_AFTER} starts again from nothing.
 *
 * <p>A browser that has logged in to an account before carries a signed cookie saying so (see
 * {@link Access}); its tries at that account are counted under that browser alone, not under its
 * address or the name. So failures at a name by anyone else delay only others who have not logged
 * in to it from their browser, never the analyst at their own. Kept in memory, for at most {@value
 * #KEYS} counts, forgetting the least recently used first.
 */
final class LoginThrottle {

  static final int FREE = 5;
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration MAX_WAIT = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(24);
  private static final int KEYS = 10_000;

  /** Failures under one count, and when the last was. */
  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
      return size() > KEYS;
    }
  };

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * The counts a login attempt falls under: its browser's when it carries a login cookie of this
   * account ({@code device}, else null), else its address's and the name's.
   */
  private static List<String> keys(String client, String name, @Nullable String device) {
    return device != null ? List.of("device " + device) : List.of("client " + client, "name " + name);
  }

  /** How long the attempt must wait before it may be tried; zero when it may be tried now. */
  synchronized Duration wait(String client, String name, @Nullable String device) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : keys(client, name, device)) {
      Failures f = current(key, now);
      if (f != null && f.count() >= FREE) {
        Duration left = Duration.between(now, f.last().plus(backOff(f.count())));
        if (left.compareTo(longest) > 0) {
          longest = left;
        }
      }
    }
    return longest;
  }

  /** The wait after {@code count} failures: doubling from the first one past the free ones, up to the cap. */
  static Duration backOff(int count) {
    int doublings = count - FREE;
    if (doublings < 0) {
      return Duration.ZERO;
    }
    if (doublings >= 30) {
      return MAX_WAIT;
    }
    Duration d = FIRST_WAIT.multipliedBy(1L << doublings);
    return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
  }

  synchronized void failed(String client, String name, @Nullable String device) {
    Instant now = clock.instant();
    for (String key : keys(client, name, device)) {
      Failures f = current(key, now);
      failures.put(key, new Failures(f == null ? 1 : f.count() + 1, now));
    }
  }

  synchronized void succeeded(String client, String name, @Nullable String device) {
    keys(client, name, device).forEach(failures::remove);
  }

  private @Nullable Failures current(String key, Instant now) {
    Failures f = failures.get(key);
    if (f != null && !now.isBefore(f.last().plus(FORGET_AFTER))) {
      failures.remove(key);
      return null;
    }
    return f;
  }
}
