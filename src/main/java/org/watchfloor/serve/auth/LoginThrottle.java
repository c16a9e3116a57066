package org.watchfloor.serve.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses logins to an account name after {@value #MAX_FAILURES} failed attempts within
 * {@link #WINDOW}, until the oldest of them leaves the window: password guessing gets a few tries
 * an hour instead of as many as the server's cores can hash. Kept in memory, for at most
 * {@value #NAMES} names, forgetting the least recently failed first.
 */
final class LoginThrottle {

  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int NAMES = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > NAMES;
    }
  };

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether a login to {@code name} may be tried now. */
  synchronized boolean allows(String name) {
    Deque<Instant> f = failures.get(name);
    if (f == null) {
      return true;
    }
    Instant since = clock.instant().minus(WINDOW);
    while (!f.isEmpty() && f.peekFirst().isBefore(since)) {
      f.removeFirst();
    }
    return f.size() < MAX_FAILURES;
  }

  synchronized void failed(String name) {
    failures.computeIfAbsent(name, n -> new ArrayDeque<>()).addLast(clock.instant());
  }

  synchronized void succeeded(String name) {
    failures.remove(name);
  }
}
