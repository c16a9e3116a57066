package org.watchfloor.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.AlertDelivery;
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
  /** Sent, but the mark could not be written yet (the store was busy): marked before anything is sent again. */
  private final Set<Sent> unmarked = new LinkedHashSet<>();
  private ScheduledExecutorService thread;

  private record Sent(AlertDelivery delivery, Instant at) {}

  Deliverer(AlertConnection connection, Clock clock, Map<AlertDelivery.Channel, Transport> transports) {
    this.connection = connection;
    this.clock = clock;
    this.transports = new EnumMap<>(transports);
  }

  /** A deliverer for the store, with the webhook and e-mail transports, over a connection of its own. */
  public static Deliverer beside(Store store) {
    return new Deliverer(AlertConnection.beside(store), Clock.systemUTC(), Map.of(
        AlertDelivery.Channel.WEBHOOK, new Webhook(Webhook.client()),
        AlertDelivery.Channel.EMAIL, new Mailer()));
  }

  /** Sends every delivery that is due now, once each. */
  public synchronized Sweep deliverDue() {
    markUnmarked();
    AlertSettings settings = connection.inTransaction(() -> AlertSettings.of(connection.alerts().settings()));
    List<AlertRows.Due> due = connection.inTransaction(() -> connection.alerts().due(clock.instant(), BATCH));
    int delivered = 0;
    int retrying = 0;
    int failed = 0;
    for (AlertRows.Due d : due) {
      if (unmarked.stream().anyMatch(s -> s.delivery().equals(d.delivery()))) {
        continue;
      }
      AlertDelivery delivery = d.delivery();
      int attempts = delivery.attempts() + 1;
      Transport transport = transports.get(delivery.channel());
      try {
        if (transport == null) {
          throw new Transport.Failure("no " + delivery.channel().label() + " transport here", false);
        }
        transport.send(d, settings);
        Sent sent = new Sent(delivery, clock.instant());
        unmarked.add(sent);
        markUnmarked();
        delivered++;
      } catch (Transport.Failure f) {
        Instant now = clock.instant();
        Instant next = now.plus(backoff(attempts, settings));
        Instant giveUp = d.alert().decidedAt().plus(settings.get(AlertSettings.GIVE_UP));
        if (f.retry() && !next.isAfter(giveUp)) {
          connection.inTransaction(() -> {
            connection.alerts().retryAt(delivery, attempts, next, f.getMessage());
            return null;
          });
          retrying++;
        } else {
          String why = f.retry()
              ? f.getMessage() + "; given up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " over "
                  + Duration.between(d.alert().decidedAt(), now).toMinutes() + " min"
              : f.getMessage();
          connection.inTransaction(() -> {
            connection.alerts().failed(delivery, attempts, why);
            return null;
          });
          failed++;
        }
      }
    }
    return new Sweep(delivered, retrying, failed);
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
          connection.alerts().delivered(s.delivery(), s.delivery().attempts() + 1, s.at());
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
