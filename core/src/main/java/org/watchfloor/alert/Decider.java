package org.watchfloor.alert;

import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertDelivery;
import org.watchfloor.model.AlertRule;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.resolve.EditLog;
import org.watchfloor.resolve.Editor;
import org.watchfloor.store.Store;

/**
 * Decides the alerts of a change to the event record, in the change's own transaction: for each
 * event created or changed, and each rule, whether the rule now fires on it and for what reason,
 * writing each alert and its pending deliveries into the store's outbox. A crash before the
 * commit loses the change and its alerts together; after it, both are there, and the deliverer
 * sends what is pending.
 *
 * <p>What a rule knew of an event is the outbox itself: a rule fires {@code new} on an event
 * once, the first time the event matches it; {@code corroborated} once, when a matching event
 * it first fired on with one independent origin has two or more; {@code conflict:FIELD} once per
 * field that origins disagree on and did not when it first fired; {@code confirmed} when an
 * analyst confirms a matching event (the thresholds aside: the analyst vouches for it). A rule
 * not told of new events still records, silently (no delivery, not in its feed), when it first
 * matched an event, so that its updates are updates. An alert for a rule's digest addresses waits,
 * in the same transaction, for the daily digest ({@link Deliverer}). Deciding
 * again finds the alerts there (the outbox key is unique), so re-running an ingest, or a second
 * report of the same event, adds nothing. An event merged into another carries its alerts with
 * it: the survivor does not fire again for what either had fired on; a split-off event is new.
 * A rejected event fires nothing.
 */
public final class Decider implements Editor.Followers {

  private final Store store;
  private final Clock clock;
  private EditLog log = EditLog.EMPTY;
  private long logVersion = -1;

  public Decider(Store store) {
    this(store, Clock.systemUTC());
  }

  public Decider(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void changed(Collection<String> eventIds, Edit edit) throws SQLException {
    decide(eventIds, edit);
  }

  /**
   * Decides the alerts for the events {@code touched} (created, changed or deleted) by a change,
   * {@code edit} when an analyst's edit made it; runs inside the caller's transaction. Returns the
   * alerts added.
   */
  public List<Alert> decide(Collection<String> touched, @Nullable Edit edit) throws SQLException {
    if (touched.isEmpty()) {
      return List.of();
    }
    List<AlertRule> rules = store.alerts().rules();
    if (rules.isEmpty()) {
      return List.of();
    }
    EditLog edits = edits();
    List<Alert> added = new ArrayList<>();
    for (String id : new LinkedHashSet<>(touched)) {
      Optional<Event> found = store.events().get(id);
      if (found.isEmpty() || edits.rejected(id)) {
        continue;
      }
      Event e = found.get();
      Set<String> lineage = new LinkedHashSet<>();
      lineage.add(id);
      lineage.addAll(edits.absorbedInto(id));
      EventFacts facts = new EventFacts(store, e.id());
      boolean confirmedNow = edit != null && edit.kind() == Edit.Kind.CONFIRM && edit.target().equals(id)
          && edit.status() == Edit.Status.APPLIED;
      for (AlertRule rule : rules) {
        if (!RuleMatcher.selects(rule, e, facts)) {
          continue;
        }
        for (String reason : reasons(rule, e, store.alerts().alertsOn(rule.id(), lineage), confirmedNow)) {
          record(rule, e, reason).ifPresent(added::add);
        }
      }
    }
    return added;
  }

  /** The reasons the rule, which selects the event, fires on it now, given what it fired on before. */
  static List<String> reasons(AlertRule rule, Event e, List<Alert> before, boolean confirmedNow) {
    List<String> out = new ArrayList<>();
    Set<String> had = new LinkedHashSet<>();
    before.forEach(a -> had.add(a.reason()));
    Alert first = before.stream().filter(a -> a.reason().equals(Reason.NEW)).findFirst().orElse(null);
    boolean meets = RuleMatcher.meetsThresholds(rule, e);
    if (first == null && meets) {
      out.add(Reason.NEW);
    }
    if (first != null && meets) {
      if (rule.fireOn().contains(AlertRule.Trigger.CORROBORATED) && e.independentOrigins() >= 2
          && first.origins() < 2 && !had.contains(Reason.CORROBORATED)) {
        out.add(Reason.CORROBORATED);
      }
      if (rule.fireOn().contains(AlertRule.Trigger.CONFLICT)) {
        for (Conflict c : e.conflicts()) {
          String reason = Reason.conflict(c.field());
          if (!first.conflicts().contains(c.field()) && !had.contains(reason) && !out.contains(reason)) {
            out.add(reason);
          }
        }
      }
    }
    if (confirmedNow && rule.fireOn().contains(AlertRule.Trigger.CONFIRMED) && !had.contains(Reason.CONFIRMED)) {
      out.add(Reason.CONFIRMED);
    }
    return out;
  }

  private Optional<Alert> record(AlertRule rule, Event e, String reason) throws SQLException {
    java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String key = Alert.key(rule.id(), e.id(), reason);
    Alert alert = new Alert(0, rule.id(), e.id(), reason, key, Payloads.of(store, e, rule.id(), reason, key, now),
        e.independentOrigins(), e.conflicts().stream().map(Conflict::field).toList(), now);
    OptionalLong seq = store.alerts().insertAlert(alert);
    if (seq.isEmpty()) {
      return Optional.empty();
    }
    boolean silent = reason.equals(Reason.NEW) && !rule.fireOn().contains(AlertRule.Trigger.NEW);
    if (!silent) {
      if (rule.webhookUrl() != null) {
        store.alerts().insertDelivery(seq.getAsLong(), AlertDelivery.Channel.WEBHOOK, rule.webhookUrl().toString(), now);
      }
      for (String to : rule.emails()) {
        store.alerts().insertDelivery(seq.getAsLong(), AlertDelivery.Channel.EMAIL, to, now);
      }
      for (String to : rule.digests()) {
        store.alerts().insertDigestItem(seq.getAsLong(), to, now);
      }
    }
    return Optional.of(new Alert(seq.getAsLong(), alert.ruleId(), alert.eventId(), reason, key, alert.payload(),
        alert.origins(), alert.conflicts(), now));
  }

  private EditLog edits() throws SQLException {
    long version = store.edits().lastId();
    if (version != logVersion) {
      log = EditLog.fold(store.edits().all());
      logVersion = version;
    }
    return log;
  }

  /** The reasons an alert is decided for, as the outbox and the payload write them. */
  static final class Reason {
    static final String NEW = "new";
    static final String CORROBORATED = "corroborated";
    static final String CONFIRMED = "confirmed";

    private Reason() {}

    static String conflict(String field) {
      return "conflict:" + field;
    }
  }
}
