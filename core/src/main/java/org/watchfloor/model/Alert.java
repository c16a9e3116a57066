package org.watchfloor.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One decision that a rule fires on an event, for one reason: a row of the store's outbox,
 * written in the transaction that changed the event, and delivered after.
 *
 * @param seq the alert's place in the outbox (0 before it is stored)
 * @param reason {@code new}, {@code corroborated}, {@code confirmed}, or {@code conflict:FIELD}
 * @param idempotencyKey {@code RULE:EVENT:REASON}, stable across retries and restarts: what a
 *     receiver dedupes on
 * @param payload the JSON body every transport sends
 * @param origins the event's independent origins when the alert was decided
 * @param conflicts the fields the event's origins disagreed on then
 */
public record Alert(
    long seq,
    String ruleId,
    String eventId,
    String reason,
    String idempotencyKey,
    String payload,
    int origins,
    List<String> conflicts,
    Instant decidedAt) {

  public Alert {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(payload, "payload");
    conflicts = List.copyOf(conflicts);
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /** The key of an alert: readable, and the same however often it is decided. */
  public static String key(String ruleId, String eventId, String reason) {
    return ruleId + ":" + eventId + ":" + reason;
  }
}
