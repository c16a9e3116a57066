package org.watchfloor.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The sending of one alert over one channel to one target, and how far it got.
 *
 * @param target the webhook URL or the e-mail address
 * @param attempts how many times sending was tried
 * @param nextAttemptAt when a pending delivery is due
 * @param lastError why the last attempt failed; {@code null} when none did
 */
public record AlertDelivery(
    long alertSeq,
    Channel channel,
    String target,
    State state,
    int attempts,
    Instant nextAttemptAt,
    @Nullable String lastError,
    @Nullable Instant deliveredAt) {

  /** How an alert travels. The Atom feed needs no delivery: a reader fetches the alerts. */
  public enum Channel {
    WEBHOOK,
    EMAIL;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where a delivery stands: waiting (for a first try or a retry), sent, or given up. */
  public enum State {
    PENDING,
    DELIVERED,
    FAILED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public AlertDelivery {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }
}
