package org.watchfloor.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Edit;

/**
 * The analyst edits of the store, an append-only log: rows are inserted and never deleted or
 * rewritten, except their status and reason, which the edit log derives from the whole log.
 */
public final class EditRows {

  private static final TypeReference<List<Edit.Pin>> PINS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> SHAPE = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, kind, target_event, other_event, articles, pins, field, value, analyst, at, note, status, reason, absorbed";

  private final Connection db;

  EditRows(Connection db) {
    this.db = db;
  }

  /**
   * On a shared store, takes the edit log's lock, held to the end of the transaction: edits are
   * then made one at a time, each reading the log and the events as the one before left them, and
   * their ids follow the order they are committed in (see {@link AdvisoryLocks}), which is the
   * order the log applies them in.
   */
  public void lockLog() throws SQLException {
    AdvisoryLocks.lock(db, Dialect.of(db), java.util.List.of("edit-log"));
  }

  /** Appends an edit, under the edit log's lock ({@link #lockLog}); returns it with the id it was given. */
  public Edit insert(Edit e) throws SQLException {
    lockLog();
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO edits(kind, target_event, other_event, articles, pins, field, value, analyst, at, note,"
                + " status, reason, absorbed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, e.kind().label());
      ps.setString(2, e.target());
      ps.setString(3, e.other());
      ps.setString(4, Json.write(e.articles()));
      ps.setString(5, Json.write(e.pins()));
      ps.setString(6, e.field());
      ps.setString(7, e.value());
      ps.setString(8, e.analyst());
      ps.setString(9, e.at().toString());
      ps.setString(10, e.note());
      ps.setString(11, e.status().label());
      ps.setString(12, e.reason());
      ps.setString(13, e.absorbed() == null ? null : Json.write(shape(e.absorbed())));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return e.withId(keys.getLong(1));
      }
    }
  }

  /** Whether an analyst account of this name exists: only an account may edit. */
  public boolean isAnalyst(String name) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM accounts WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The id of the latest edit, 0 when there is none: changes whenever an edit is added. */
  public long lastId() throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM edits");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every edit, oldest first: the order in which they apply. */
  public List<Edit> all() throws SQLException {
    return query("SELECT " + COLUMNS + " FROM edits ORDER BY id");
  }

  /** The edits made on an event, or that name it as the event merged in, oldest first. */
  public List<Edit> about(String eventId) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM edits WHERE target_event = ? OR other_event = ? ORDER BY id", eventId, eventId);
  }

  /** Records whether an edit holds, and why not. */
  public void setStatus(long id, Edit.Status status, @org.jspecify.annotations.Nullable String reason)
      throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("UPDATE edits SET status = ?, reason = ? WHERE id = ?")) {
      ps.setString(1, status.label());
      ps.setString(2, reason);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /** What resolution matches a report against: an event less its merged numbers and reports. */
  private static Map<String, Object> shape(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.type());
    m.put("date_earliest", e.date().isKnown() ? e.date().earliest().toString() : null);
    m.put("date_latest", e.date().isKnown() ? e.date().latest().toString() : null);
    m.put("date_precision", e.date().precision().name());
    m.put("planned", String.valueOf(e.planned()));
    m.put("actors", e.actors());
    m.put("weapons", e.weapons());
    m.put("locations", e.locations());
    return m;
  }

  private static Event event(String id, String json) {
    Map<String, Object> m = Json.read(json, SHAPE);
    DatePrecision p = DatePrecision.valueOf((String) m.get("date_precision"));
    EventDate date = p == DatePrecision.UNKNOWN ? EventDate.UNKNOWN
        : new EventDate(LocalDate.parse((String) m.get("date_earliest")), LocalDate.parse((String) m.get("date_latest")), p);
    return new Event(id, (String) m.get("type"), date, Boolean.parseBoolean((String) m.get("planned")),
        strings(m.get("actors")), strings(m.get("weapons")), strings(m.get("locations")), Map.of(), "", 0, 0, 0,
        List.of());
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  private List<Edit> query(String sql, String... params) throws SQLException {
    List<Edit> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Edit(
              rs.getLong("id"),
              Edit.Kind.fromLabel(rs.getString("kind")),
              rs.getString("target_event"),
              rs.getString("other_event"),
              Json.list(rs.getString("articles")),
              Json.read(rs.getString("pins"), PINS),
              rs.getString("field"),
              rs.getString("value"),
              rs.getString("analyst"),
              Instant.parse(rs.getString("at")),
              rs.getString("note"),
              Edit.Status.fromLabel(rs.getString("status")),
              rs.getString("reason"),
              rs.getString("absorbed") == null ? null : event(rs.getString("target_event"), rs.getString("absorbed"))));
        }
      }
    }
    return out;
  }
}
