package org.watchfloor.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;

/** The events of the store, with the reports and claims behind them. */
public final class EventRows {

  private static final TypeReference<List<Conflict>> CONFLICTS = new TypeReference<>() {};

  private static final String EVENT_COLUMNS =
      "change_seq, id, type, date_earliest, date_latest, date_precision, planned, actors, weapons, locations,"
          + " attributes, summary, confidence, report_count, independent_origins, conflicts";

  private static final java.util.regex.Pattern TABLES = java.util.regex.Pattern.compile("\\b(events|reports|claims)\\b");

  private final Connection db;
  private final Dialect dialect;
  private final String suffix;
  /** The write statements of every stored report, by their SQL: see {@link #kept}. */
  private final Map<String, PreparedStatement> kept = new HashMap<>();

  EventRows(Connection db) {
    this(db, "");
  }

  /**
   * Rows in the tables named with {@code suffix} ({@code events_next}…): the shadow tables that
   * re-processing fills before it swaps them in.
   */
  EventRows(Connection db, String suffix) {
    this.db = db;
    this.dialect = dialectOf(db);
    this.suffix = suffix;
  }

  static Dialect dialectOf(Connection db) {
    try {
      return Dialect.of(db);
    } catch (SQLException e) {
      throw new org.watchfloor.WatchfloorException("cannot tell which database this is: " + e.getMessage(), e);
    }
  }

  /** The statement {@code sql} on this instance's tables. */
  private PreparedStatement prepare(String sql) throws SQLException {
    return db.prepareStatement(suffix.isEmpty() ? sql : TABLES.matcher(sql).replaceAll("$1" + suffix));
  }

  /**
   * The statement {@code sql} on this instance's tables, prepared once and kept open for the next
   * call: not to be closed by the caller (closing the connection closes it). For the writes that
   * every stored report makes: SQLite compiles the triggers on {@code events} (its entities, its
   * news, the table's version) into each statement that writes it, which cost more than running
   * it. Each caller binds every parameter before it runs the statement.
   */
  private PreparedStatement kept(String sql) throws SQLException {
    PreparedStatement ps = kept.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = prepare(sql);
      kept.put(sql, ps);
    }
    return ps;
  }

  /**
   * Inserts the event or replaces its merged fields, bumping its change sequence (a number no
   * other write has, above the event's old one: see {@link Dialect#nextChangeSeq}). On a shared
   * store the blocks its dates now cover are locked first (see {@link AdvisoryLocks}): a writer
   * looking for candidates there waits for this one's commit rather than missing the event.
   */
  public void upsert(Event e) throws SQLException {
    if (shared()) {
      AdvisoryLocks.lock(db, dialect, AdvisoryLocks.blocks(e.type(), e.date()));
    }
    String now = Instant.now().toString();
    PreparedStatement ps =
        kept(
            "INSERT INTO events(id, type, date_earliest, date_latest, date_precision, planned, actors, weapons,"
                + " locations, attributes, summary, confidence, report_count, independent_origins, conflicts,"
                + " created_at, updated_at, change_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                + dialect.nextChangeSeq() + ")"
                + " ON CONFLICT(id) DO UPDATE SET type=excluded.type, date_earliest=excluded.date_earliest,"
                + " date_latest=excluded.date_latest, date_precision=excluded.date_precision,"
                + " planned=excluded.planned, actors=excluded.actors, weapons=excluded.weapons,"
                + " locations=excluded.locations, attributes=excluded.attributes, summary=excluded.summary,"
                + " confidence=excluded.confidence, report_count=excluded.report_count,"
                + " independent_origins=excluded.independent_origins, conflicts=excluded.conflicts,"
                + " updated_at=excluded.updated_at, change_seq=" + dialect.changeSeqOfUpdate());
    ps.setString(1, e.id());
    ps.setString(2, e.type());
    setDate(ps, 3, e.date());
    ps.setInt(6, e.planned() ? 1 : 0);
    ps.setString(7, Json.write(e.actors()));
    ps.setString(8, Json.write(e.weapons()));
    ps.setString(9, Json.write(e.locations()));
    ps.setString(10, Json.write(e.attributes()));
    ps.setString(11, e.summary());
    ps.setDouble(12, e.confidence());
    ps.setInt(13, e.reports());
    ps.setInt(14, e.independentOrigins());
    ps.setString(15, Json.write(e.conflicts()));
    ps.setString(16, now);
    ps.setString(17, now);
    ps.executeUpdate();
  }

  /**
   * On a shared store, locks the blocks of {@code type} in which a report dated {@code date}
   * looks for its candidates ({@code slackDays} either side; the undated ones of the type when it
   * has no date), before they are read: until this transaction ends, no other writer changes an
   * event there or creates one (see {@link AdvisoryLocks}).
   */
  public void lockWindow(String type, EventDate date, int slackDays) throws SQLException {
    if (!shared()) {
      return;
    }
    AdvisoryLocks.lock(db, dialect, date.isKnown()
        ? AdvisoryLocks.blocks(type, date.earliest().minusDays(slackDays), date.latest().plusDays(slackDays))
        : AdvisoryLocks.blocks(type, date));
  }

  /**
   * On a shared store, locks every block the event's dates cover, before it is changed: a writer
   * that read it as a candidate holds one of them, and so has finished with it first (see {@link
   * #lockedEvent}).
   */
  public void lockEvent(String id) throws SQLException {
    if (shared()) {
      lockedEvent(id);
    }
  }

  /**
   * The event, read once every block its dates cover is held (on a shared store; elsewhere simply
   * read): the event is read, its blocks locked, and read again, until it is read with all its
   * blocks held (another writer may have moved its dates meanwhile); a read made while the unit of
   * work held them already is final at once. Nothing is locked for an event not stored (yet), whose
   * blocks {@link #upsert} locks when it is written.
   */
  public Optional<Event> lockedEvent(String id) throws SQLException {
    if (!shared()) {
      return get(id);
    }
    java.util.Set<String> held = new java.util.HashSet<>();
    for (Optional<Event> e = get(id); ; e = get(id)) {
      if (e.isEmpty()) {
        return e;
      }
      List<String> blocks = AdvisoryLocks.blocks(e.get().type(), e.get().date());
      if (held.containsAll(blocks) || AdvisoryLocks.holds(db, blocks)) {
        return e;
      }
      AdvisoryLocks.lock(db, dialect, blocks);
      held.addAll(blocks);
    }
  }

  /**
   * Whether these rows are shared with other writers, who must be locked out of what this one
   * reads and changes: a PostgreSQL store's own tables. SQLite has one writer at a time, and
   * re-processing's scratch tables are its connection's own.
   */
  private boolean shared() {
    return dialect == Dialect.POSTGRESQL && suffix.isEmpty();
  }

  public void ensureOrigin(Origin origin) throws SQLException {
    PreparedStatement ps = kept("INSERT INTO origins(id, name) VALUES (?, ?) ON CONFLICT DO NOTHING");
    ps.setString(1, origin.id());
    ps.setString(2, origin.name());
    ps.executeUpdate();
  }

  public void insertReport(Report r, String eventId) throws SQLException {
    PreparedStatement ps =
        kept(
            "INSERT INTO reports(id, article_id, event_id, type, date_earliest, date_latest, date_precision,"
                + " planned, background, actors, weapons, locations, attributes, evidence, evidence_start,"
                + " evidence_end, attribution, certainty, origin, recap) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ps.setString(1, r.id());
    ps.setString(2, r.articleId());
    ps.setString(3, eventId);
    ps.setString(4, r.eventType());
    setDate(ps, 5, r.date());
    ps.setInt(8, r.planned() ? 1 : 0);
    ps.setInt(9, r.background() ? 1 : 0);
    ps.setString(10, Json.write(r.actors()));
    ps.setString(11, Json.write(r.weapons()));
    ps.setString(12, Json.write(r.locations()));
    ps.setString(13, Json.write(r.attributes()));
    ps.setString(14, r.evidence());
    ps.setInt(15, r.evidenceStart());
    ps.setInt(16, r.evidenceEnd());
    ps.setString(17, r.attribution());
    ps.setString(18, r.certainty().name());
    ps.setString(19, r.origin());
    ps.setInt(20, r.recap() ? 1 : 0);
    ps.executeUpdate();
    if (r.claims().isEmpty()) {
      return;
    }
    PreparedStatement claims = kept("INSERT INTO claims(report_id, field, value, start_pos, end_pos) VALUES (?,?,?,?,?)");
    for (Claim c : r.claims()) {
      claims.setString(1, r.id());
      claims.setString(2, c.field());
      claims.setString(3, c.value());
      claims.setInt(4, c.start());
      claims.setInt(5, c.end());
      claims.addBatch();
    }
    claims.executeBatch();
  }

  /** Attaches a stored report to another event (an analyst's merge or split). */
  public void moveReport(String reportId, String eventId) throws SQLException {
    try (PreparedStatement ps = prepare("UPDATE reports SET event_id = ? WHERE id = ?")) {
      ps.setString(1, eventId);
      ps.setString(2, reportId);
      ps.executeUpdate();
    }
  }

  /** Deletes the event if no report is attached to it any more; whether it did. */
  public boolean deleteIfEmpty(String eventId) throws SQLException {
    try (PreparedStatement ps =
        prepare("DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM reports WHERE event_id = ?)")) {
      ps.setString(1, eventId);
      ps.setString(2, eventId);
      return ps.executeUpdate() > 0;
    }
  }

  /**
   * Events of {@code type} whose date interval comes within the window: the blocking step of
   * resolution. Events spanning at most {@link #NARROW_SPAN_DAYS} must start in a bounded range
   * before the window, so the (type, date) index reads only the events near it; the few wider
   * ones come from the partial index of schema 9. Either way the cost does not grow with the store.
   */
  public List<Event> candidates(String type, LocalDate from, LocalDate to) throws SQLException {
    String narrowFrom = from.minusDays(NARROW_SPAN_DAYS).toString();
    return query(candidates(dialect), type, narrowFrom, to.toString(), from.toString(), type, from.toString(), narrowFrom,
        to.toString());
  }

  /** The widest span, in days, of an event found by its start date alone (schema 9). */
  static final int NARROW_SPAN_DAYS = 400;


  /**
   * Narrow events starting in [window start − 400 days, window end] and ending in or after the
   * window, then the wide ones that start earlier still (so no event comes twice). The wide
   * part's start bound must not be read off the (type, date) index, which would walk every
   * earlier event: it must use the partial index of wide events ({@link Dialect#wide}).
   */
  static String candidates(Dialect dialect) {
    String start = dialect.notIndexed("date_earliest");
    return "SELECT " + EVENT_COLUMNS + " FROM events WHERE type = ? AND date_earliest >= ? AND date_earliest <= ?"
        + " AND date_latest >= ?"
        + " UNION ALL SELECT " + EVENT_COLUMNS + " FROM events WHERE type = ? AND " + dialect.wide()
        + " AND date_latest >= ? AND " + start + " < ? AND " + start + " <= ?"
        + " ORDER BY date_earliest LIMIT 200";
  }

  /** The events that hold at least one conflict between independent origins. */
  public List<Event> withConflicts() throws SQLException {
    return query("SELECT " + EVENT_COLUMNS + " FROM events WHERE conflicts <> '[]' ORDER BY seq");
  }

  /** Events of {@code type} with no known date. */
  public List<Event> undated(String type) throws SQLException {
    return query(
        "SELECT " + EVENT_COLUMNS + " FROM events WHERE type = ? AND date_precision = 'UNKNOWN' LIMIT 200", type);
  }

  public Optional<Event> get(String id) throws SQLException {
    List<Event> found = query("SELECT " + EVENT_COLUMNS + " FROM events WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Events newest first, optionally of one type; {@code limit} 0 for all. */
  public List<Event> list(@Nullable String type, int limit) throws SQLException {
    String sql = "SELECT " + EVENT_COLUMNS + " FROM events" + (type == null ? "" : " WHERE type = ?")
        + " ORDER BY date_latest IS NULL, date_latest DESC, date_earliest DESC, id" + (limit > 0 ? " LIMIT " + limit : "");
    return type == null ? query(sql) : query(sql, type);
  }

  public List<Report> reportsOf(String eventId) throws SQLException {
    return reports("event_id", List.of(eventId)).getOrDefault(eventId, List.of());
  }

  public List<Report> reportsOfArticle(String articleId) throws SQLException {
    return reports("article_id", List.of(articleId)).getOrDefault(articleId, List.of());
  }

  /**
   * The reports of each of these events (those with any), each event's ordered by id as {@link
   * #reportsOf} orders them: read with their claims in two statements per few hundred events,
   * whatever their number of reports, for pages that show many events.
   */
  public java.util.Map<String, List<Report>> reportsOfEvents(java.util.Collection<String> eventIds) throws SQLException {
    return reports("event_id", eventIds);
  }

  /** Keys bound in one statement: well under every database's limit on parameters. */
  private static final int KEYS_PER_STATEMENT = 500;

  /**
   * The reports whose {@code column} (event_id or article_id) is one of {@code keys}, by key, each
   * key's ordered by report id, with their claims: one statement for the reports and one for all
   * their claims, instead of one for the claims of each report.
   */
  private java.util.Map<String, List<Report>> reports(String column, java.util.Collection<String> keys) throws SQLException {
    java.util.Map<String, List<Report>> out = new java.util.LinkedHashMap<>();
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
    for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      java.util.Map<String, List<Claim>> claims = new java.util.HashMap<>();
      try (PreparedStatement ps = prepare("SELECT report_id, field, value, start_pos, end_pos FROM claims WHERE report_id IN"
          + " (SELECT id FROM reports WHERE " + column + " IN (" + marks + ")) ORDER BY rowid")) {
        bindStrings(ps, chunk);
        try (ResultSet c = ps.executeQuery()) {
          while (c.next()) {
            claims.computeIfAbsent(c.getString(1), k -> new ArrayList<>())
                .add(new Claim(c.getString(2), c.getString(3), c.getInt(4), c.getInt(5)));
          }
        }
      }
      try (PreparedStatement ps = prepare("SELECT * FROM reports WHERE " + column + " IN (" + marks + ") ORDER BY "
          + column + ", id")) {
        bindStrings(ps, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Report r = readReport(rs, claims.getOrDefault(rs.getString("id"), List.of()));
            out.computeIfAbsent(rs.getString(column), k -> new ArrayList<>()).add(r);
          }
        }
      }
    }
    return out;
  }

  private static void bindStrings(PreparedStatement ps, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(i + 1, values.get(i));
    }
  }

  public Optional<String> eventOfReport(String reportId) throws SQLException {
    try (PreparedStatement ps = prepare("SELECT event_id FROM reports WHERE id = ?")) {
      ps.setString(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public Optional<Origin> origin(String id) throws SQLException {
    try (PreparedStatement ps = prepare("SELECT id, name FROM origins WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Origin(rs.getString(1), rs.getString(2))) : Optional.empty();
      }
    }
  }

  /**
   * Calls {@code action} for each event a local index that has read changes up to {@code seq}, and
   * on PostgreSQL the versions snapshot {@code seen} shows committed, has not read yet ({@link
   * Dialect#changedSince}), in the order of their changes, reading {@code extraColumns} (", …" or
   * none) with each row, for {@code action} to read off the row.
   */
  void forEachChangedSince(long seq, String seen, String extraColumns, ArticleRows.SeqConsumer<Event> action)
      throws SQLException, java.io.IOException {
    try (PreparedStatement ps = prepare("SELECT " + EVENT_COLUMNS + extraColumns + " FROM events WHERE "
        + dialect.changedSince("change_seq") + " ORDER BY change_seq")) {
      dialect.bindChangedSince(ps, 1, seq, seen);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(rs.getLong("change_seq"), readEvent(rs), rs);
        }
      }
    }
  }

  private List<Event> query(String sql, String... params) throws SQLException {
    List<Event> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(readEvent(rs));
        }
      }
    }
    return out;
  }

  private static void setDate(PreparedStatement ps, int at, EventDate d) throws SQLException {
    ps.setString(at, d.isKnown() ? d.earliest().toString() : null);
    ps.setString(at + 1, d.isKnown() ? d.latest().toString() : null);
    ps.setString(at + 2, d.precision().name());
  }

  private static EventDate readDate(ResultSet rs) throws SQLException {
    DatePrecision p = DatePrecision.valueOf(rs.getString("date_precision"));
    if (p == DatePrecision.UNKNOWN) {
      return EventDate.UNKNOWN;
    }
    return new EventDate(day(rs.getString("date_earliest")), day(rs.getString("date_latest")), p);
  }

  /**
   * A day column, {@code YYYY-MM-DD} as the store writes every day: its digits read here, where
   * {@link LocalDate#parse}'s formatter cost 3 % of the workbench's CPU under load (every event of
   * a list page has two); anything else goes to {@code LocalDate.parse}, which says what is wrong.
   */
  static LocalDate day(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 7);
      int d = digits(s, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        return LocalDate.of(y, m, d); // (checks the month and the day as parse does)
      }
    }
    return LocalDate.parse(s);
  }

  /** The number the ASCII digits of {@code s} from {@code start} to {@code end} make; -1 if one is no digit. */
  private static int digits(String s, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** A list column of an event or report row; most are empty and need no parser (the records copy them). */
  private static List<String> listColumn(ResultSet rs, String column) throws SQLException {
    String json = rs.getString(column);
    return "[]".equals(json) ? List.of() : Json.list(json);
  }

  private static List<Conflict> conflictsColumn(ResultSet rs) throws SQLException {
    String json = rs.getString("conflicts");
    return "[]".equals(json) ? List.of() : Json.read(json, CONFLICTS);
  }

  private static Map<String, String> mapColumn(ResultSet rs, String column) throws SQLException {
    String json = rs.getString(column);
    return "{}".equals(json) ? Map.of() : Json.map(json);
  }

  private static Event readEvent(ResultSet rs) throws SQLException {
    return new Event(
        rs.getString("id"),
        rs.getString("type"),
        readDate(rs),
        rs.getInt("planned") != 0,
        listColumn(rs, "actors"),
        listColumn(rs, "weapons"),
        listColumn(rs, "locations"),
        mapColumn(rs, "attributes"),
        rs.getString("summary"),
        rs.getDouble("confidence"),
        rs.getInt("report_count"),
        rs.getInt("independent_origins"),
        conflictsColumn(rs));
  }

  private static Report readReport(ResultSet rs, List<Claim> claims) throws SQLException {
    String id = rs.getString("id");
    return new Report(
        id,
        rs.getString("article_id"),
        rs.getString("type"),
        readDate(rs),
        rs.getInt("planned") != 0,
        rs.getInt("background") != 0,
        listColumn(rs, "actors"),
        listColumn(rs, "weapons"),
        listColumn(rs, "locations"),
        mapColumn(rs, "attributes"),
        rs.getString("evidence"),
        rs.getInt("evidence_start"),
        rs.getInt("evidence_end"),
        rs.getString("attribution"),
        Certainty.valueOf(rs.getString("certainty")),
        rs.getString("origin"),
        claims,
        rs.getInt("recap") != 0);
  }

  // ---- Reads for the web workbench ----

  /**
   * Events newest first matching every given filter ({@code null} or 0 for none), a page of
   * them: {@code weapon} is a canonical weapon name the event lists; the date range keeps events
   * whose interval overlaps {@code [from, to]}.
   */
  public List<Event> filtered(Criteria c, int limit, int offset) throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT " + EVENT_COLUMNS + " FROM events" + where(c, params, true)
        + " ORDER BY date_latest IS NULL, date_latest DESC, date_earliest DESC, id LIMIT ? OFFSET ?";
    params.add(limit);
    params.add(offset);
    List<Event> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(readEvent(rs));
        }
      }
    }
    return out;
  }

  /**
   * Where an event stands in the timeline's order (newest first, undated last, then by id): the
   * cursor a page or an export resumes after.
   */
  public record TimelineKey(@Nullable String latest, @Nullable String earliest, String id) {}

  /**
   * Rows a streamed read takes from the database at a time. SQLite steps its cursor row by row
   * anyway; PostgreSQL's driver reads a whole result into memory unless a fetch size is set (and it
   * then keeps a cursor only inside a transaction, which the store's connections always are in).
   */
  static final int STREAM_ROWS = 256;

  /** Receives events one by one as they are read. */
  @FunctionalInterface
  public interface EventSink {
    /** Takes {@code e}; {@code false} to stop reading. */
    boolean accept(Event e) throws SQLException, java.io.IOException;
  }

  /**
   * The change sequence of each of these events that exists: its version, bumped by every write of
   * the event (a report joining it, an edit, a re-processing), for caches of what is derived from it.
   */
  public java.util.Map<String, Long> changeSeqs(java.util.Collection<String> ids) throws SQLException {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement ps = prepare("SELECT id, change_seq FROM events WHERE id IN (" + marks + ")")) {
      int i = 1;
      for (String id : ids) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /**
   * A version of the event table, for caches of what is read from all of it: a number that every
   * transaction that writes an event raises, in that transaction (schema 75's triggers), one row
   * read by its key. A cache must read it before the rows it keeps under it: then it never keeps
   * rows older than their version (see the migration for why this holds beside PostgreSQL writers).
   */
  public long tableVersion() throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT version FROM event_table_version WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The timeline key of the event with this id, if there is one. */
  public Optional<TimelineKey> timelineKey(String id) throws SQLException {
    try (PreparedStatement ps = prepare("SELECT date_latest, date_earliest, id FROM events WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new TimelineKey(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
      }
    }
  }

  /**
   * The events {@link #filtered} keeps, in its order, those after {@code after} only (all when
   * {@code null}), handed to {@code sink} as they are read from the cursor, so that no list of them
   * is held: for exports of any size. Reads until the sink says stop or the rows end.
   */
  public void forEachFiltered(Criteria c, @Nullable TimelineKey after, EventSink sink)
      throws SQLException, java.io.IOException {
    List<Object> params = new ArrayList<>();
    String where = where(c, params, true);
    if (after != null) {
      where += (where.isEmpty() ? " WHERE " : " AND ") + after(after, params);
    }
    try (PreparedStatement ps = prepare("SELECT " + EVENT_COLUMNS + " FROM events" + where
        + " ORDER BY date_latest IS NULL, date_latest DESC, date_earliest DESC, id")) {
      bind(ps, params);
      ps.setFetchSize(STREAM_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!sink.accept(readEvent(rs))) {
            return;
          }
        }
      }
    }
  }

  /**
   * The condition for coming after {@code k} in the timeline's order. Dated events first, latest
   * date descending, then earliest descending, then id; undated events (no dates) last, by id.
   */
  private static String after(TimelineKey k, List<Object> params) {
    if (k.latest() == null) {
      params.add(k.id());
      return "(date_latest IS NULL AND id > ?)";
    }
    params.add(k.latest());
    params.add(k.latest());
    params.add(k.earliest());
    params.add(k.earliest());
    params.add(k.id());
    return "(date_latest IS NULL OR date_latest < ? OR (date_latest = ? AND (date_earliest < ?"
        + " OR (date_earliest = ? AND id > ?))))";
  }

  /** How many events {@link #filtered} would return without a limit. */
  public long countFiltered(Criteria c) throws SQLException {
    List<Object> params = new ArrayList<>();
    try (PreparedStatement ps = prepare("SELECT COUNT(*) FROM events" + where(c, params, false))) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The conditions of {@code c}, their values added to {@code params}. For a page read in the
   * timeline's order ({@code inOrder}), the visibility terms are kept off the index of visible
   * events (schema 73), which counts them but would have the database sort every visible event
   * for one page: the page walks the timeline index instead and stops after offset + limit rows.
   */
  private String where(Criteria c, List<Object> params, boolean inOrder) {
    String planned = inOrder ? dialect.notIndexed("planned") : "planned";
    String news = inOrder ? dialect.notIndexed("news_reports") : "news_reports";
    List<String> terms = new ArrayList<>();
    if (c.type() != null) {
      terms.add("type = ?");
      params.add(c.type());
    }
    if (c.weapon() != null) {
      terms.add("EXISTS (SELECT 1 FROM " + dialect.jsonValues("events.weapons", "w") + " WHERE w.value = ?)");
      params.add(c.weapon());
    }
    if (c.from() != null) {
      terms.add("date_latest >= ?");
      params.add(c.from().toString());
    }
    if (c.to() != null) {
      terms.add("date_earliest <= ?");
      params.add(c.to().toString());
    }
    if (c.minOrigins() > 0) {
      terms.add("independent_origins >= ?");
      params.add(c.minOrigins());
    }
    if (c.month() != null) {
      // as the per-month counts count it: dated to a month or finer, by the month of its first day
      terms.add(MONTH_DATED + " AND date_earliest >= ? AND date_earliest < ?");
      params.add(c.month().atDay(1).toString());
      params.add(c.month().plusMonths(1).atDay(1).toString());
    }
    switch (c.background()) {
      case SHOW -> { }
      case HIDE -> terms.add(news + " > 0");
      case ONLY -> terms.add(news + " = 0");
    }
    switch (c.planned()) {
      case SHOW -> { }
      case HIDE -> terms.add(planned + " = 0");
      case ONLY -> terms.add(planned + " <> 0");
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  /** An event dated to a month or finer: one a per-month count can place. */
  static final String MONTH_DATED = "date_precision IN ('DAY', 'WEEK', 'MONTH')";

  /**
   * An event every report of which tells it in passing (none tells it as news): its count of news
   * reports, kept on the event row by the triggers of schema 61 as merges, splits and
   * re-processing move its reports.
   */
  static final String BACKGROUND_ONLY = "news_reports = 0";

  /** Whether events of a kind (background-only, planned) are kept with the others, left out, or alone kept. */
  public enum Visibility {
    SHOW, HIDE, ONLY;

    /** The parameter value: {@code show}, {@code hide} or {@code only}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The conditions of an event list, {@code null} or 0 for none: a type; a canonical weapon name
   * the event lists; a date range the event's interval overlaps; a minimum of independent origins;
   * a month the event is dated in (to a month or finer, by its first day, as {@link #perMonth}
   * counts); and whether background-only and planned events are kept.
   */
  public record Criteria(@Nullable String type, @Nullable String weapon, @Nullable LocalDate from,
      @Nullable LocalDate to, int minOrigins, java.time.@Nullable YearMonth month, Visibility background,
      Visibility planned) {

    public Criteria {
      java.util.Objects.requireNonNull(background, "background");
      java.util.Objects.requireNonNull(planned, "planned");
    }

    /** Every event. */
    public static final Criteria ALL = new Criteria(null, null, null, null, 0, null, Visibility.SHOW, Visibility.SHOW);
  }

  /**
   * Of these events, the ids of those every report of which is background (see {@link
   * #BACKGROUND_ONLY}), for the badges of a page of them.
   */
  public java.util.Set<String> backgroundOnly(java.util.Collection<String> ids) throws SQLException {
    java.util.Set<String> out = new java.util.HashSet<>();
    if (ids.isEmpty()) {
      return out;
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement ps = prepare("SELECT id FROM events WHERE id IN (" + marks + ") AND " + BACKGROUND_ONLY)) {
      int i = 1;
      for (String id : ids) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }


  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  /**
   * Events newest first whose actor, weapon or location lists or attribute values hold
   * {@code name}, read through the entity index (schema 7) rather than by scanning every event.
   */
  public List<Event> naming(String name) throws SQLException {
    return query("SELECT " + EVENT_COLUMNS + " FROM events WHERE id IN (SELECT event_id FROM event_entities WHERE name = ?)"
        + " ORDER BY date_latest IS NULL, date_latest DESC, date_earliest DESC, id", name);
  }

  /**
   * A page of {@link #naming}: events {@code offset} to {@code offset + limit}. Two ways to read it,
   * whichever reads fewer rows: an entity named by few events has them all read and sorted; one
   * named by many (the country itself is in most events) has the timeline index walked in order,
   * each event asked of the entity index, until the page is full: about (offset + limit) × events /
   * named rows instead of sorting every event that names it.
   */
  public List<Event> naming(String name, int limit, int offset) throws SQLException {
    long named = countNaming(name);
    boolean walk = named > 0 && (double) (offset + limit) * eventsAtMost() / named < named;
    String which = walk ? "EXISTS (SELECT 1 FROM event_entities n WHERE n.name = ? AND n.event_id = events.id)"
        : "id IN (SELECT event_id FROM event_entities WHERE name = ?)";
    return query("SELECT " + EVENT_COLUMNS + " FROM events WHERE " + which
        + " ORDER BY date_latest IS NULL, date_latest DESC, date_earliest DESC, id LIMIT ? OFFSET ?",
        name, Integer.toString(limit), Integer.toString(offset));
  }

  /** At least the number of events (their highest row number), read off the primary key at once. */
  private long eventsAtMost() throws SQLException {
    try (PreparedStatement ps = prepare("SELECT COALESCE(MAX(seq), 0) FROM events"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** How many events {@link #naming} holds, counted in the entity index. */
  public long countNaming(String name) throws SQLException {
    try (PreparedStatement ps = prepare("SELECT COUNT(*) FROM event_entities WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The events naming {@code name} dated to a month or finer, counted per month of their earliest
   * day ({@code key} empty), oldest first: an entity's chart, counted by the database.
   */
  public List<MonthCount> perMonthNaming(String name) throws SQLException {
    List<MonthCount> out = new ArrayList<>();
    try (PreparedStatement ps = prepare("SELECT substr(e.date_earliest, 1, 7) AS month, COUNT(*) FROM event_entities n"
        + " JOIN events e ON e.id = n.event_id WHERE n.name = ? AND e.date_precision IN ('DAY', 'WEEK', 'MONTH')"
        + " GROUP BY month ORDER BY month")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new MonthCount(rs.getString(1), "", rs.getInt(2)));
        }
      }
    }
    return out;
  }

  /** The names of the entity index for {@code eventId}, sorted: for checks of the index. */
  public List<String> namesOf(String eventId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = prepare("SELECT name FROM event_entities WHERE event_id = ? ORDER BY name")) {
      ps.setString(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** The event types present, sorted. */
  public List<String> types() throws SQLException {
    return strings("SELECT DISTINCT type FROM events ORDER BY type");
  }

  /** The weapons named by any event, sorted. */
  public List<String> weaponNames() throws SQLException {
    return strings("SELECT DISTINCT w.value FROM events, " + dialect.jsonValues("events.weapons", "w") + " ORDER BY w.value");
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * Events per month and type, oldest month first: those that happened (planned ones left out),
   * dated to a month or finer (by the month of their first day), that a report tells as news (not
   * background-only), as the timeline filtered by {@code type} and {@code month} lists them by
   * default. Counted by the database: one cell a month and type, whatever the store's size.
   */
  public List<MonthCount> perMonthByType() throws SQLException {
    List<MonthCount> out = new ArrayList<>();
    try (PreparedStatement ps = prepare("SELECT substr(date_earliest, 1, 7) AS month, type, COUNT(*) FROM events"
        + " WHERE planned = 0 AND " + MONTH_DATED + " AND news_reports > 0"
        + " GROUP BY month, type ORDER BY month, type");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new MonthCount(rs.getString(1), rs.getString(2), rs.getInt(3)));
      }
    }
    return out;
  }

  /** One event as a per-month count sees it: its id, its month ({@code 2025-03}) and the weapons it names, most named first. */
  public record MonthEvent(String id, String month, List<String> weapons) {}

  /** One cell of a per-month count: the month ({@code 2025-03}), a key and its count. */
  public record MonthCount(String month, String key, int count) {}

  /**
   * The events of {@code type} that happened (planned ones left out) and that a report tells as
   * news (background-only ones left out), dated to a month or finer, oldest first: one entry per
   * event, for counts of events rather than of the names they carry.
   */
  public List<MonthEvent> perMonth(String type) throws SQLException {
    String sql = "SELECT id, substr(date_earliest, 1, 7), weapons FROM events"
        + " WHERE type = ? AND planned = 0 AND news_reports > 0 AND date_precision IN ('DAY', 'WEEK', 'MONTH')"
        + " ORDER BY date_earliest, id";
    List<MonthEvent> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql)) {
      ps.setString(1, type);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new MonthEvent(rs.getString(1), rs.getString(2), Json.list(rs.getString(3))));
        }
      }
    }
    return out;
  }
}
