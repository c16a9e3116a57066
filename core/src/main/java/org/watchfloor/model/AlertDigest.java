package org.watchfloor.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The daily e-mail to one address of the alerts of every rule that names it as a digest address,
 * decided up to the end of {@code day}, and how far its sending got.
 *
 * @param day the day the digest closes, in the digest's time zone
 * @param createdAt when the digest was claimed from the alerts waiting for it
 * @param nextAttemptAt when a pending digest is due
 * @param lastError why the last attempt failed; {@code null} when none did
 */
public record AlertDigest(
    long seq,
    String address,
    LocalDate day,
    AlertDelivery.State state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    @Nullable String lastError,
    @Nullable Instant deliveredAt) {

  public AlertDigest {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }
}
