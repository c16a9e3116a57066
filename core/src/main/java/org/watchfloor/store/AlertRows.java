package org.watchfloor.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertDelivery;
import org.watchfloor.model.AlertDigest;
import org.watchfloor.model.AlertRule;

/**
 * The alert rules, the outbox of alerts they decided, the deliveries of each alert, and the
 * settings of the transports. Runs inside the caller's transaction: {@link Store#alerts()} in the
 * one that changes events, {@link AlertConnection} for the CLI and the deliverer beside a writer.
 */
public final class AlertRows {

  private static final TypeReference<Set<String>> SET = new TypeReference<>() {};

  /** A delivery that is due, with its alert and the signing key of its rule's webhook. */
  public record Due(AlertDelivery delivery, Alert alert, @Nullable String webhookSecret) {}

  /**
   * How the deliveries of one rule over one channel to one target stand.
   *
   * @param lastError the last failure of any of them, with when; {@code null} when none failed
   */
  public record Tally(String ruleId, AlertDelivery.Channel channel, String target, int delivered, int pending,
      int failed, @Nullable String lastError) {}

  private final Connection db;

  AlertRows(Connection db) {
    this.db = db;
  }

  // ---- rules ----

  /** Stores a new rule with the digest of its feed token; false when the id is taken. */
  public boolean insertRule(AlertRule r, String feedTokenHash) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO alert_rules(" + RULE_COLUMNS
        + ", feed_token_hash, created_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING")) {
      int i = setRule(ps, r);
      ps.setString(i++, feedTokenHash);
      ps.setString(i++, r.createdAt().toString());
      ps.setString(i, r.id());
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Changes what the rule with {@code r}'s id selects and where it sends, keeping its feed token,
   * its creation time and the alerts it decided (so an event it fired on does not fire it again
   * for the same reason); false when there is no such rule.
   */
  public boolean updateRule(AlertRule r) throws SQLException {
    String set = String.join(" = ?, ", RULE_COLUMNS.split(", ")) + " = ?";
    try (PreparedStatement ps = db.prepareStatement("UPDATE alert_rules SET " + set + " WHERE id = ?")) {
      ps.setString(setRule(ps, r), r.id());
      return ps.executeUpdate() == 1;
    }
  }

  /** The columns {@link #setRule} sets, in its order. */
  private static final String RULE_COLUMNS = "event_types, weapons, actors, places, weapon_names, min_origins,"
      + " min_confidence, include_background, include_planned, query, fire_on, webhook_url, webhook_secret, emails, digests";

  /** Sets the values of {@link #RULE_COLUMNS} from the first parameter on; the index of the next one. */
  private static int setRule(PreparedStatement ps, AlertRule r) throws SQLException {
    ps.setString(1, Json.write(r.eventTypes()));
    ps.setString(2, Json.write(r.weapons()));
    ps.setString(3, Json.write(r.actors()));
    ps.setString(4, Json.write(r.places()));
    ps.setString(5, Json.write(r.weaponNames().stream().sorted().toList()));
    ps.setInt(6, r.minOrigins());
    ps.setDouble(7, r.minConfidence());
    ps.setInt(8, r.includeBackground() ? 1 : 0);
    ps.setInt(9, r.includePlanned() ? 1 : 0);
    ps.setString(10, r.query());
    ps.setString(11, Json.write(r.fireOn().stream().sorted().map(AlertRule.Trigger::label).toList()));
    ps.setString(12, r.webhookUrl() == null ? null : r.webhookUrl().toString());
    ps.setString(13, r.webhookSecret());
    ps.setString(14, Json.write(r.emails()));
    ps.setString(15, Json.write(r.digests()));
    return 16;
  }

  /** Every rule, by id. */
  public List<AlertRule> rules() throws SQLException {
    List<AlertRule> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM alert_rules ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(readRule(rs));
      }
    }
    return out;
  }

  public Optional<AlertRule> rule(String id) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM alert_rules WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(readRule(rs)) : Optional.empty();
      }
    }
  }

  /** The SHA-256 digest of the rule's feed token, if the rule exists. */
  public Optional<String> feedTokenHash(String id) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT feed_token_hash FROM alert_rules WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Deletes the rule with its alerts and their deliveries; false when there was none. */
  public boolean deleteRule(String id) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("DELETE FROM alert_rules WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() == 1;
    }
  }

  private static AlertRule readRule(ResultSet rs) throws SQLException {
    Set<AlertRule.Trigger> fireOn = new LinkedHashSet<>();
    for (String t : Json.list(rs.getString("fire_on"))) {
      fireOn.add(AlertRule.Trigger.fromLabel(t).orElseThrow(() -> new IllegalStateException("unknown trigger " + t)));
    }
    String url = rs.getString("webhook_url");
    return new AlertRule(rs.getString("id"), Json.list(rs.getString("event_types")), Json.list(rs.getString("weapons")),
        Json.list(rs.getString("actors")), Json.list(rs.getString("places")), Json.read(rs.getString("weapon_names"), SET),
        rs.getInt("min_origins"), rs.getDouble("min_confidence"), rs.getInt("include_background") != 0,
        rs.getInt("include_planned") != 0, rs.getString("query"), fireOn, url == null ? null : URI.create(url),
        rs.getString("webhook_secret"), Json.list(rs.getString("emails")), Json.list(rs.getString("digests")),
        Instant.parse(rs.getString("created_at")));
  }

  // ---- the outbox ----

  /** The alerts the rule decided on any of these events, oldest first. */
  public List<Alert> alertsOn(String ruleId, Collection<String> eventIds) throws SQLException {
    List<Alert> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM alerts WHERE rule_id = ? AND event_id = ? ORDER BY seq")) {
      for (String id : eventIds) {
        ps.setString(1, ruleId);
        ps.setString(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(readAlert(rs));
          }
        }
      }
    }
    return out;
  }

  /** The rule's latest alerts, newest first. */
  public List<Alert> recent(String ruleId, int limit) throws SQLException {
    List<Alert> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM alerts WHERE rule_id = ? ORDER BY seq DESC LIMIT ?")) {
      ps.setString(1, ruleId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(readAlert(rs));
        }
      }
    }
    return out;
  }

  /** The latest alerts of every rule, newest first. */
  public List<Alert> latest(int limit) throws SQLException {
    List<Alert> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM alerts ORDER BY seq DESC LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(readAlert(rs));
        }
      }
    }
    return out;
  }

  /** Every alert, oldest first: for checks and exports. */
  public List<Alert> all() throws SQLException {
    List<Alert> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM alerts ORDER BY seq"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(readAlert(rs));
      }
    }
    return out;
  }

  /**
   * Adds the alert unless its key is there already (the idempotency of deciding); its sequence
   * number, or empty when it was there.
   */
  public OptionalLong insertAlert(Alert a) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO alerts(rule_id, event_id, reason, idempotency_key,"
        + " payload, origins, conflicts, decided_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING seq")) {
      ps.setString(1, a.ruleId());
      ps.setString(2, a.eventId());
      ps.setString(3, a.reason());
      ps.setString(4, a.idempotencyKey());
      ps.setString(5, a.payload());
      ps.setInt(6, a.origins());
      ps.setString(7, Json.write(a.conflicts()));
      ps.setString(8, a.decidedAt().toString());
      return insertedSeq(ps);
    }
  }

  /**
   * The key an {@code INSERT … ON CONFLICT DO NOTHING RETURNING seq} gave its row; empty when the
   * row was there already. Asked of the insert itself: PostgreSQL's {@code lastval()} is the
   * session's last value of any sequence, a trigger's or another table's as well.
   */
  private static OptionalLong insertedSeq(PreparedStatement insert) throws SQLException {
    try (ResultSet rs = insert.executeQuery()) {
      return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
    }
  }

  /** Queues the delivery of an alert, due at {@code due}. */
  public void insertDelivery(long alertSeq, AlertDelivery.Channel channel, String target, Instant due) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO alert_deliveries(alert_seq, channel, target, next_attempt_at)"
        + " VALUES (?,?,?,?) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, alertSeq);
      ps.setString(2, channel.label());
      ps.setString(3, target);
      ps.setLong(4, due.toEpochMilli());
      ps.executeUpdate();
    }
  }

  private static Alert readAlert(ResultSet rs) throws SQLException {
    return new Alert(rs.getLong("seq"), rs.getString("rule_id"), rs.getString("event_id"), rs.getString("reason"),
        rs.getString("idempotency_key"), rs.getString("payload"), rs.getInt("origins"), Json.list(rs.getString("conflicts")),
        Instant.parse(rs.getString("decided_at")));
  }

  // ---- deliveries ----

  /** Pending deliveries due at {@code now}, oldest alert first, at most {@code limit}. */
  public List<Due> due(Instant now, int limit) throws SQLException {
    List<Due> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT d.*, a.*, r.webhook_secret FROM alert_deliveries d"
        + " JOIN alerts a ON a.seq = d.alert_seq JOIN alert_rules r ON r.id = a.rule_id"
        + " WHERE d.state = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.alert_seq LIMIT ?")) {
      ps.setLong(1, now.toEpochMilli());
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Due(readDelivery(rs), readAlert(rs), rs.getString("webhook_secret")));
        }
      }
    }
    return out;
  }

  /** The deliveries of one alert. */
  public List<AlertDelivery> deliveriesOf(long alertSeq) throws SQLException {
    List<AlertDelivery> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM alert_deliveries WHERE alert_seq = ? ORDER BY channel, target")) {
      ps.setLong(1, alertSeq);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(readDelivery(rs));
        }
      }
    }
    return out;
  }

  /** How a mark sets a delivery or a digest that went through, that will be retried, or that was given up. */
  private static final String DELIVERED = "state = 'delivered', attempts = ?, delivered_at = ?, last_error = NULL";
  private static final String RETRY = "attempts = ?, next_attempt_at = ?, last_error = ?";
  private static final String FAILED = "state = 'failed', attempts = ?, last_error = ?";

  /** Records that the delivery went through. */
  public void delivered(AlertDelivery d, int attempts, Instant at) throws SQLException {
    update(d, DELIVERED, attempts, at.toString());
  }

  /** Records a failed attempt to be tried again at {@code next}. */
  public void retryAt(AlertDelivery d, int attempts, Instant next, String error) throws SQLException {
    update(d, RETRY, attempts, next.toEpochMilli(), error);
  }

  /** Records that the delivery was given up, and why. */
  public void failed(AlertDelivery d, int attempts, String error) throws SQLException {
    update(d, FAILED, attempts, error);
  }

  private void update(AlertDelivery d, String set, Object... values) throws SQLException {
    mark("alert_deliveries", set, "alert_seq = ? AND channel = ? AND target = ?", values,
        d.alertSeq(), d.channel().label(), d.target());
  }

  /** Sets {@code set} with {@code values} on the pending row of {@code table} that {@code where} with {@code keys} picks. */
  private void mark(String table, String set, String where, Object[] values, Object... keys) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("UPDATE " + table + " SET " + set + " WHERE " + where
        + " AND state = 'pending'")) {
      int i = 1;
      for (Object v : values) {
        ps.setObject(i++, v);
      }
      for (Object k : keys) {
        ps.setObject(i++, k);
      }
      ps.executeUpdate();
    }
  }

  private static AlertDelivery readDelivery(ResultSet rs) throws SQLException {
    String delivered = rs.getString("delivered_at");
    return new AlertDelivery(rs.getLong("alert_seq"),
        AlertDelivery.Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)), rs.getString("target"),
        AlertDelivery.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("last_error"),
        delivered == null ? null : Instant.parse(delivered));
  }

  /** How the deliveries stand, per rule, channel and target. */
  public List<Tally> tallies() throws SQLException {
    List<Tally> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT a.rule_id, d.channel, d.target,"
        + " SUM(d.state = 'delivered'), SUM(d.state = 'pending'), SUM(d.state = 'failed'),"
        + " (SELECT d2.last_error || ' (' || a2.idempotency_key || ', ' || d2.attempts || ' attempts)'"
        + "    FROM alert_deliveries d2 JOIN alerts a2 ON a2.seq = d2.alert_seq"
        + "   WHERE a2.rule_id = a.rule_id AND d2.channel = d.channel AND d2.target = d.target"
        + "     AND d2.last_error IS NOT NULL ORDER BY d2.alert_seq DESC LIMIT 1)"
        + " FROM alert_deliveries d JOIN alerts a ON a.seq = d.alert_seq"
        + " GROUP BY a.rule_id, d.channel, d.target ORDER BY a.rule_id, d.channel, d.target");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Tally(rs.getString(1), AlertDelivery.Channel.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
            rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7)));
      }
    }
    return out;
  }

  /** How many alerts each rule decided, by rule id. */
  public Map<String, Integer> alertCounts() throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT rule_id, COUNT(*) FROM alerts GROUP BY rule_id ORDER BY rule_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  // ---- daily digests ----

  /** A digest that is due, with the alerts it carries, oldest first. */
  public record DigestDue(AlertDigest digest, List<Alert> alerts) {}

  /**
   * How the digests to one address stand.
   *
   * @param waiting alerts decided for it and not yet claimed into a digest (their day is not over)
   * @param lastError the last failure, with the day; {@code null} when none failed
   */
  public record DigestTally(String address, int delivered, int pending, int failed, int waiting,
      @Nullable String lastError) {}

  /** Queues the alert for the daily digest to {@code address}; in the transaction that decides it. */
  public void insertDigestItem(long alertSeq, String address, Instant decidedAt) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
        "INSERT INTO alert_digest_items(alert_seq, address, decided_ms) VALUES (?,?,?) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, alertSeq);
      ps.setString(2, address);
      ps.setLong(3, decidedAt.toEpochMilli());
      ps.executeUpdate();
    }
  }

  /**
   * Claims, for each address, the alerts waiting for it that were decided before {@code end} into
   * its digest of {@code day}, due at {@code now}. An address that has that day's digest already
   * (an alert committed after the digest was claimed) keeps what waits for the next day's. The
   * number of digests made.
   */
  public int claimDigests(LocalDate day, Instant end, Instant now) throws SQLException {
    List<String> addresses = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT DISTINCT address FROM alert_digest_items"
        + " WHERE digest_seq IS NULL AND decided_ms < ? ORDER BY address")) {
      ps.setLong(1, end.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          addresses.add(rs.getString(1));
        }
      }
    }
    int made = 0;
    for (String address : addresses) {
      long seq;
      try (PreparedStatement ps = db.prepareStatement("INSERT INTO alert_digests(address, day, created_at, next_attempt_at)"
          + " VALUES (?,?,?,?) ON CONFLICT DO NOTHING RETURNING seq")) {
        ps.setString(1, address);
        ps.setString(2, day.toString());
        ps.setString(3, now.toString());
        ps.setLong(4, now.toEpochMilli());
        OptionalLong inserted = insertedSeq(ps);
        if (inserted.isEmpty()) {
          continue;
        }
        seq = inserted.getAsLong();
      }
      try (PreparedStatement ps = db.prepareStatement("UPDATE alert_digest_items SET digest_seq = ?"
          + " WHERE address = ? AND digest_seq IS NULL AND decided_ms < ?")) {
        ps.setLong(1, seq);
        ps.setString(2, address);
        ps.setLong(3, end.toEpochMilli());
        ps.executeUpdate();
      }
      made++;
    }
    return made;
  }

  /** Pending digests due at {@code now}, oldest first, at most {@code limit}, each with its alerts. */
  public List<DigestDue> dueDigests(Instant now, int limit) throws SQLException {
    List<AlertDigest> digests = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM alert_digests WHERE state = 'pending'"
        + " AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?")) {
      ps.setLong(1, now.toEpochMilli());
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          digests.add(readDigest(rs));
        }
      }
    }
    List<DigestDue> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT a.* FROM alert_digest_items i JOIN alerts a ON a.seq = i.alert_seq"
        + " WHERE i.digest_seq = ? ORDER BY a.seq")) {
      for (AlertDigest d : digests) {
        ps.setLong(1, d.seq());
        List<Alert> alerts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            alerts.add(readAlert(rs));
          }
        }
        out.add(new DigestDue(d, alerts));
      }
    }
    return out;
  }

  /** Every digest, oldest first: for checks. */
  public List<AlertDigest> digests() throws SQLException {
    List<AlertDigest> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM alert_digests ORDER BY seq"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(readDigest(rs));
      }
    }
    return out;
  }

  /** Records that the digest went through. */
  public void delivered(AlertDigest d, int attempts, Instant at) throws SQLException {
    mark("alert_digests", DELIVERED, "seq = ?", new Object[] {attempts, at.toString()}, d.seq());
  }

  /** Records a failed attempt to send the digest, to be tried again at {@code next}. */
  public void retryAt(AlertDigest d, int attempts, Instant next, String error) throws SQLException {
    mark("alert_digests", RETRY, "seq = ?", new Object[] {attempts, next.toEpochMilli(), error}, d.seq());
  }

  /** Records that the digest was given up, and why. */
  public void failed(AlertDigest d, int attempts, String error) throws SQLException {
    mark("alert_digests", FAILED, "seq = ?", new Object[] {attempts, error}, d.seq());
  }

  private static AlertDigest readDigest(ResultSet rs) throws SQLException {
    String delivered = rs.getString("delivered_at");
    return new AlertDigest(rs.getLong("seq"), rs.getString("address"), LocalDate.parse(rs.getString("day")),
        AlertDelivery.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
        Instant.parse(rs.getString("created_at")), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
        rs.getString("last_error"), delivered == null ? null : Instant.parse(delivered));
  }

  /** How the digests stand, per address: every address a digest was made or an alert waits for. */
  public List<DigestTally> digestTallies() throws SQLException {
    List<DigestTally> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT x.address,"
        + " (SELECT COUNT(*) FROM alert_digests d WHERE d.address = x.address AND d.state = 'delivered'),"
        + " (SELECT COUNT(*) FROM alert_digests d WHERE d.address = x.address AND d.state = 'pending'),"
        + " (SELECT COUNT(*) FROM alert_digests d WHERE d.address = x.address AND d.state = 'failed'),"
        + " (SELECT COUNT(*) FROM alert_digest_items i WHERE i.address = x.address AND i.digest_seq IS NULL),"
        + " (SELECT d.last_error || ' (' || d.day || ', ' || d.attempts || ' attempts)' FROM alert_digests d"
        + "   WHERE d.address = x.address AND d.last_error IS NOT NULL ORDER BY d.seq DESC LIMIT 1)"
        + " FROM (SELECT address FROM alert_digests UNION SELECT address FROM alert_digest_items) x ORDER BY x.address");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new DigestTally(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6)));
      }
    }
    return out;
  }

  // ---- settings ----

  /** The settings stored, by key. */
  public Map<String, String> settings() throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT key, value FROM alert_settings ORDER BY key");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  public void setSetting(String key, String value) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
        "INSERT INTO alert_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  /** Removes a setting (back to its default); false when it was not set. */
  public boolean unsetSetting(String key) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("DELETE FROM alert_settings WHERE key = ?")) {
      ps.setString(1, key);
      return ps.executeUpdate() == 1;
    }
  }
}
