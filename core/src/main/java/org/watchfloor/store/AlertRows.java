package org.watchfloor.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
  private final Dialect dialect;

  AlertRows(Connection db) {
    this.db = db;
    this.dialect = EventRows.dialectOf(db);
  }

  // ---- rules ----

  /** Stores a new rule with the digest of its feed token; false when the id is taken. */
  public boolean insertRule(AlertRule r, String feedTokenHash) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO alert_rules(id, event_types, weapons, actors, places,"
        + " weapon_names, min_origins, min_confidence, include_background, include_planned, query, fire_on,"
        + " webhook_url, webhook_secret, emails, feed_token_hash, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        + " ON CONFLICT(id) DO NOTHING")) {
      ps.setString(1, r.id());
      ps.setString(2, Json.write(r.eventTypes()));
      ps.setString(3, Json.write(r.weapons()));
      ps.setString(4, Json.write(r.actors()));
      ps.setString(5, Json.write(r.places()));
      ps.setString(6, Json.write(r.weaponNames().stream().sorted().toList()));
      ps.setInt(7, r.minOrigins());
      ps.setDouble(8, r.minConfidence());
      ps.setInt(9, r.includeBackground() ? 1 : 0);
      ps.setInt(10, r.includePlanned() ? 1 : 0);
      ps.setString(11, r.query());
      ps.setString(12, Json.write(r.fireOn().stream().sorted().map(AlertRule.Trigger::label).toList()));
      ps.setString(13, r.webhookUrl() == null ? null : r.webhookUrl().toString());
      ps.setString(14, r.webhookSecret());
      ps.setString(15, Json.write(r.emails()));
      ps.setString(16, feedTokenHash);
      ps.setString(17, r.createdAt().toString());
      return ps.executeUpdate() == 1;
    }
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
        rs.getString("webhook_secret"), Json.list(rs.getString("emails")), Instant.parse(rs.getString("created_at")));
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
        + " payload, origins, conflicts, decided_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, a.ruleId());
      ps.setString(2, a.eventId());
      ps.setString(3, a.reason());
      ps.setString(4, a.idempotencyKey());
      ps.setString(5, a.payload());
      ps.setInt(6, a.origins());
      ps.setString(7, Json.write(a.conflicts()));
      ps.setString(8, a.decidedAt().toString());
      if (ps.executeUpdate() == 0) {
        return OptionalLong.empty();
      }
    }
    try (PreparedStatement ps = db.prepareStatement(dialect.lastInsertedSeq()); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return OptionalLong.of(rs.getLong(1));
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

  /** Records that the delivery went through. */
  public void delivered(AlertDelivery d, int attempts, Instant at) throws SQLException {
    update(d, "state = 'delivered', attempts = ?, delivered_at = ?, last_error = NULL", attempts, at.toString());
  }

  /** Records a failed attempt to be tried again at {@code next}. */
  public void retryAt(AlertDelivery d, int attempts, Instant next, String error) throws SQLException {
    update(d, "attempts = ?, next_attempt_at = ?, last_error = ?", attempts, next.toEpochMilli(), error);
  }

  /** Records that the delivery was given up, and why. */
  public void failed(AlertDelivery d, int attempts, String error) throws SQLException {
    update(d, "state = 'failed', attempts = ?, last_error = ?", attempts, error);
  }

  private void update(AlertDelivery d, String set, Object... values) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("UPDATE alert_deliveries SET " + set
        + " WHERE alert_seq = ? AND channel = ? AND target = ? AND state = 'pending'")) {
      int i = 1;
      for (Object v : values) {
        ps.setObject(i++, v);
      }
      ps.setLong(i++, d.alertSeq());
      ps.setString(i++, d.channel().label());
      ps.setString(i, d.target());
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
