package org.watchfloor.alert;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.watchfloor.WatchfloorException;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.AlertDelivery;
import org.watchfloor.model.AlertDigest;
import org.watchfloor.store.AlertConnection;
import org.watchfloor.store.AlertRows;
import org.watchfloor.store.Store;

/**
 * Sends the alerts the outbox holds and marks each delivery sent, retried, or given up: the
 * worker half of the outbox. It reads and writes over a connection of its own, so it runs beside
 * the pipeline (in {@code run}, on a thread of its own) and sees an alert only once the change
 * that decided it is committed.
 *
 * <p>Delivery is at least once: a crash after a receiver got an alert and before the mark was
 * committed sends it again on restart, with the same {@code Idempotency-Key}; a receiver that
 * keeps the keys it has seen gets each alert exactly once. A failed attempt that may work later
 * is retried with exponential backoff ({@link AlertSettings#FIRST_RETRY}, doubling up to {@link
 * AlertSettings#MAX_RETRY}) until {@link AlertSettings#GIVE_UP} after the alert was decided;
 * then, or at once for a failure that will not heal (a 4xx), it is marked failed with the reason,
 * which {@code alert list} shows. Retry times are in the store, so a restart keeps the schedule.
 *
 * <p>Once a day, from {@link AlertSettings#DIGEST_HOUR} in {@link AlertSettings#DIGEST_ZONE}, it
 * claims the alerts that wait for a digest address and were decided before the day ended into one
 * digest per address, and sends each as one e-mail, with the same retries. Its Message-ID is
 * derived from address and day, and what it holds is fixed when it is claimed, so a digest sent
 * again after a crash is the same message; a day with nothing for an address sends it nothing.
 */
public final class Deliverer implements AutoCloseable {

  /** What one sweep did. */
  public record Sweep(int delivered, int retrying, int failed) {
    public int attempted() {
      return delivered + retrying + failed;
    }
  }

  /** Deliveries attempted in one sweep at most, so that a backlog does not hold the connection for long. */
  static final int BATCH = 100;

  private final AlertConnection connection;
  private final Clock clock;
  private final Map<AlertDelivery.Channel, Transport> transports;
  /** How digests are sent; {@code null}: not by this deliverer, which leaves them waiting. */
  private final @Nullable DigestTransport digests;
  /** Sent, but the mark could not be written yet (the store was busy): marked before anything is sent again. */
  private final Set<Sent> unmarked = new LinkedHashSet<>();
  /** The day whose digests were last claimed: claimed once a day, and once after a start. */
  private @Nullable LocalDate claimed;
  private ScheduledExecutorService thread;

  /** A delivery ({@link AlertDelivery}) or a digest ({@link AlertDigest}) sent at {@code at}. */
  private record Sent(Object what, Instant at) {}

  Deliverer(AlertConnection connection, Clock clock, Map<AlertDelivery.Channel, Transport> transports) {
    this(connection, clock, transports, null);
  }

  Deliverer(AlertConnection connection, Clock clock, Map<AlertDelivery.Channel, Transport> transports,
      @Nullable DigestTransport digests) {
    this.connection = connection;
    this.clock = clock;
    this.transports = new EnumMap<>(AlertDelivery.Channel.class);
    this.transports.putAll(transports);
    this.digests = digests;
  }

  /** A deliverer for the store, with the webhook, e-mail and digest transports, over a connection of its own. */
  public static Deliverer beside(Store store) {
    Mailer mailer = new Mailer();
    return new Deliverer(AlertConnection.beside(store), Clock.systemUTC(), Map.of(
        AlertDelivery.Channel.WEBHOOK, new Webhook(Webhook.client()),
        AlertDelivery.Channel.EMAIL, mailer), mailer);
  }

  /** Sends every delivery that is due now, and the digests of the day just closed, once each. */
  public synchronized Sweep deliverDue() {
    markUnmarked();
    AlertSettings settings = connection.inTransaction(() -> AlertSettings.of(connection.alerts().settings()));
    List<AlertRows.Due> due = connection.inTransaction(() -> connection.alerts().due(clock.instant(), BATCH));
    int[] counts = new int[3];
    for (AlertRows.Due d : due) {
      AlertDelivery delivery = d.delivery();
      if (unmarked.stream().anyMatch(s -> s.what().equals(delivery))) {
        continue;
      }
      int attempts = delivery.attempts() + 1;
      Transport transport = transports.get(delivery.channel());
      try {
        if (transport == null) {
          throw new Transport.Failure("no " + delivery.channel().label() + " transport here", false);
        }
        transport.send(d, settings);
        sent(delivery, counts);
      } catch (Transport.Failure f) {
        failed(f, attempts, d.alert().decidedAt(), settings, counts,
            (next, error) -> connection.alerts().retryAt(delivery, attempts, next, error),
            why -> connection.alerts().failed(delivery, attempts, why));
      }
    }
    if (digests != null) {
      sendDigests(settings, counts);
    }
    return new Sweep(counts[0], counts[1], counts[2]);
  }

  /**
   * Claims the digests of the day just closed (see {@link DigestDay}) unless this deliverer did
   * already, then sends those due. A digest is claimed in a transaction of its own before it is
   * sent, so what it holds is fixed: sent again after a crash, it is the same message.
   */
  private void sendDigests(AlertSettings settings, int[] counts) {
    DigestDay closed = DigestDay.lastClosed(clock.instant(), settings.get(AlertSettings.DIGEST_HOUR),
        settings.get(AlertSettings.DIGEST_ZONE));
    if (!closed.day().equals(claimed)) {
      connection.inTransaction(() -> connection.alerts().claimDigests(closed.day(), closed.end(), clock.instant()));
      claimed = closed.day();
    }
    for (AlertRows.DigestDue d : connection.inTransaction(() -> connection.alerts().dueDigests(clock.instant(), BATCH))) {
      AlertDigest digest = d.digest();
      if (unmarked.stream().anyMatch(s -> s.what().equals(digest))) {
        continue;
      }
      int attempts = digest.attempts() + 1;
      try {
        if (d.alerts().isEmpty()) {
          throw new Transport.Failure("nothing left to send: the rules of its alerts were removed", false);
        }
        digests.send(d, settings);
        sent(digest, counts);
      } catch (Transport.Failure f) {
        failed(f, attempts, digest.createdAt(), settings, counts,
            (next, error) -> connection.alerts().retryAt(digest, attempts, next, error),
            why -> connection.alerts().failed(digest, attempts, why));
      }
    }
  }

  private void sent(Object what, int[] counts) {
    unmarked.add(new Sent(what, clock.instant()));
    markUnmarked();
    counts[0]++;
  }

  /** Marks a failed attempt to be retried, or given up when it will not heal or has been tried for long enough. */
  private void failed(Transport.Failure f, int attempts, Instant since, AlertSettings settings, int[] counts,
      RetryMark retry, GiveUpMark giveUp) {
    Instant now = clock.instant();
    Instant next = now.plus(backoff(attempts, settings));
    if (f.retry() && !next.isAfter(since.plus(settings.get(AlertSettings.GIVE_UP)))) {
      connection.inTransaction(() -> {
        retry.mark(next, f.getMessage());
        return null;
      });
      counts[1]++;
    } else {
      String why = f.retry()
          ? f.getMessage() + "; given up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " over "
              + Duration.between(since, now).toMinutes() + " min"
          : f.getMessage();
      connection.inTransaction(() -> {
        giveUp.mark(why);
        return null;
      });
      counts[2]++;
    }
  }

  @FunctionalInterface
  private interface RetryMark {
    void mark(Instant next, String error) throws SQLException;
  }

  @FunctionalInterface
  private interface GiveUpMark {
    void mark(String why) throws SQLException;
  }

  /** The wait after the {@code attempts}-th failed attempt: the first retry's, doubled each time, capped. */
  static Duration backoff(int attempts, AlertSettings settings) {
    Duration first = settings.get(AlertSettings.FIRST_RETRY);
    Duration max = settings.get(AlertSettings.MAX_RETRY);
    Duration d = first;
    for (int i = 1; i < attempts && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }

  /** Writes the marks of what was sent; what cannot be marked now (the store is busy) stays for the next sweep. */
  private void markUnmarked() {
    for (Sent s : List.copyOf(unmarked)) {
      try {
        connection.inTransaction(() -> {
          switch (s.what()) {
            case AlertDelivery d -> connection.alerts().delivered(d, d.attempts() + 1, s.at());
            case AlertDigest g -> connection.alerts().delivered(g, g.attempts() + 1, s.at());
            default -> throw new IllegalStateException("sent what? " + s.what());
          }
          return null;
        });
        unmarked.remove(s);
      } catch (WatchfloorException e) {
        return;
      }
    }
  }

  /** Sweeps every {@code period} on a thread of its own until closed; a sweep that fails is tried again next time. */
  public synchronized Deliverer start(Duration period) {
    if (thread == null) {
      thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "watchfloor-alerts");
        t.setDaemon(true);
        return t;
      });
      thread.scheduleWithFixedDelay(() -> {
        try {
          deliverDue();
        } catch (RuntimeException e) {
          // the store was busy or closed under us: the outbox still holds everything, try next time
        }
      }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = thread;
      thread = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    connection.close();
  }
}
