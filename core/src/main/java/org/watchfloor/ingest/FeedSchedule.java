package org.watchfloor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When each feed that {@code run} watches is due for a poll: every feed has an interval of its
 * own (a wire's feed every minute, a weekly analysis site's every hour), and is polled once it
 * has passed since the last poll. Every feed is due at the first look.
 */
public final class FeedSchedule {

  private final Clock clock;
  private final Map<String, Duration> every = new LinkedHashMap<>();
  private final Map<String, Instant> nextPoll = new HashMap<>();

  public FeedSchedule(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Watches {@code url} every {@code interval}; a feed given twice is polled at the shorter of its intervals. */
  public void add(String url, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("feed " + url + ": interval must be positive, not " + interval);
    }
    every.merge(url, interval, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }

  /** Every feed watched, in the order first added. */
  public List<String> feeds() {
    return List.copyOf(every.keySet());
  }

  /** The feeds due now, in the order added; each is then next due one interval from now. */
  public List<String> due() {
    Instant now = clock.instant();
    List<String> due = new ArrayList<>();
    every.forEach((url, interval) -> {
      Instant next = nextPoll.get(url);
      if (next == null || !now.isBefore(next)) {
        due.add(url);
        nextPoll.put(url, now.plus(interval));
      }
    });
    return due;
  }

  /** How long until the next feed is due: zero when one is due now or none has been polled yet; {@code null} without feeds. */
  public @Nullable Duration untilNext() {
    if (every.isEmpty()) {
      return null;
    }
    Instant now = clock.instant();
    Duration shortest = null;
    for (String url : every.keySet()) {
      Instant next = nextPoll.get(url);
      Duration wait = next == null || !now.isBefore(next) ? Duration.ZERO : Duration.between(now, next);
      shortest = shortest == null || wait.compareTo(shortest) < 0 ? wait : shortest;
    }
    return shortest;
  }
}
