package org.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The SQL that differs between the two databases a store can live in, in one place: everything
 * else the row classes write is the SQL both accept (upserts as {@code ON CONFLICT}, {@code LIMIT},
 * {@code ||}, {@code substr}), against tables of the same names, columns and meaning.
 *
 * <p>The PostgreSQL schema ({@code db/postgresql}) gives {@code claims}, {@code mentions} and
 * {@code article_bands} an identity column named {@code rowid}, so that the orderings by insertion
 * SQLite reads off its implicit rowid are the same statement on both; and its text columns collate
 * as {@code "C"}, byte order, as SQLite's do, so that every {@code ORDER BY} on text (event ids,
 * weapon names) sorts alike whatever the database's locale.
 */
public enum Dialect {

  /** The embedded default: one file in the store directory. */
  SQLITE("classpath:db/migration") {
    @Override
    void configure(Connection db) throws SQLException {
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("PRAGMA synchronous=FULL");
      }
    }

    @Override
    void beginWriting(Connection db) throws SQLException {
      Store.beginWriting(db);
    }

    @Override
    void busyTimeout(Connection db, java.time.Duration wait) throws SQLException {
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA busy_timeout=" + Math.max(0, wait.toMillis()));
      }
    }

    @Override
    String wide() {
      return "julianday(date_latest) - julianday(date_earliest) > " + EventRows.NARROW_SPAN_DAYS;
    }

    @Override
    String notIndexed(String column) {
      // the unary + keeps SQLite from reading this bound off the (type, date) index
      return "+" + column;
    }

    @Override
    String jsonValues(String column, String alias) {
      return "json_each(" + column + ") " + alias;
    }

    @Override
    String jsonArray(String expression) {
      return "json_group_array(" + expression + ")";
    }

    @Override
    String editLog() {
      return "SELECT (SELECT generation FROM index_state WHERE id = 1),"
          + " group_concat(id || ' ' || status || ' ' || COALESCE(reason, ''), char(10)) FROM edits";
    }

    @Override
    List<String> shadowTables() {
      return List.of(
          "CREATE TEMP TABLE events_next (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
              + " type TEXT NOT NULL, date_earliest TEXT, date_latest TEXT, date_precision TEXT NOT NULL,"
              + " planned INTEGER NOT NULL DEFAULT 0, actors TEXT NOT NULL, weapons TEXT NOT NULL, locations TEXT NOT NULL,"
              + " attributes TEXT NOT NULL, summary TEXT NOT NULL, confidence REAL NOT NULL, report_count INTEGER NOT NULL,"
              + " independent_origins INTEGER NOT NULL, conflicts TEXT NOT NULL, created_at TEXT NOT NULL,"
              + " updated_at TEXT NOT NULL, change_seq INTEGER NOT NULL DEFAULT 0)",
          "CREATE INDEX temp.events_next_type_date ON events_next(type, date_earliest, date_latest)",
          "CREATE INDEX temp.events_next_type_wide ON events_next(type, date_latest) WHERE " + wide(),
          "CREATE INDEX temp.events_next_type_undated ON events_next(type) WHERE date_precision = 'UNKNOWN'",
          "CREATE TEMP TABLE reports_next (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, event_id TEXT NOT NULL,"
              + " type TEXT NOT NULL, date_earliest TEXT, date_latest TEXT, date_precision TEXT NOT NULL,"
              + " planned INTEGER NOT NULL DEFAULT 0, background INTEGER NOT NULL DEFAULT 0, actors TEXT NOT NULL,"
              + " weapons TEXT NOT NULL, locations TEXT NOT NULL, attributes TEXT NOT NULL, evidence TEXT NOT NULL,"
              + " evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, attribution TEXT,"
              + " certainty TEXT NOT NULL, origin TEXT NOT NULL, recap INTEGER NOT NULL DEFAULT 0)",
          "CREATE INDEX temp.reports_next_event ON reports_next(event_id)",
          "CREATE INDEX temp.reports_next_article ON reports_next(article_id)",
          "CREATE TEMP TABLE claims_next (report_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,"
              + " start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL)",
          "CREATE INDEX temp.claims_next_report ON claims_next(report_id)",
          "CREATE TEMP TABLE mentions_next (article_id TEXT NOT NULL, kind TEXT NOT NULL,"
              + " start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL, text TEXT NOT NULL, value TEXT)",
          "CREATE TEMP TABLE articles_next (id TEXT PRIMARY KEY, outlet TEXT, title TEXT, byline TEXT,"
              + " published TEXT, published_utc TEXT, language TEXT, text TEXT NOT NULL, content_hash TEXT NOT NULL,"
              + " flags TEXT NOT NULL)",
          "CREATE TEMP TABLE event_ids_next (new_id TEXT PRIMARY KEY, final_id TEXT NOT NULL UNIQUE)");
    }

    @Override
    String temporary(String table) {
      return "temp." + table;
    }

    @Override
    void continueSequence(Connection db, String table, String column) {
      // AUTOINCREMENT records the largest key inserted, explicit ones included
    }

    @Override
    String nextChangeSeq() {
      // one writer at a time: the largest number there is, committed, is the last one taken
      return "(SELECT COALESCE(MAX(change_seq), 0) + 1 FROM events)";
    }

    @Override
    String changeSeqOfUpdate() {
      return "excluded.change_seq";
    }

    @Override
    String changeSeqsAfter(long last, String ordinal) {
      return last + " + " + ordinal;
    }

    @Override
    String permanentPrefix() {
      return "main.";
    }

    @Override
    String committedSnapshot(Connection db) {
      return ""; // one writer at a time commits its numbers in their order: they alone say what is new
    }

    @Override
    String changedSince(String seqColumn) {
      return seqColumn + " > ?";
    }

    @Override
    int bindChangedSince(PreparedStatement ps, int at, long seq, String seen) throws SQLException {
      ps.setLong(at, seq);
      return at + 1;
    }

    @Override
    boolean snapshotOfAnotherServer(String seen, String now) {
      return false;
    }
  },

  /** A server many processes share. */
  POSTGRESQL("classpath:db/postgresql") {
    @Override
    void configure(Connection db) {
      // constraints and durability are the server's own defaults: nothing to set per connection
    }

    @Override
    void busyTimeout(Connection db, java.time.Duration wait) throws SQLException {
      // how long a statement waits for a lock another transaction holds (0: for ever, the default)
      try (Statement s = db.createStatement()) {
        s.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
      }
    }

    @Override
    void beginWriting(Connection db) {
      // A transaction begins at its first statement and reads each statement's latest commit
      // (READ COMMITTED): there is no stale snapshot to fail on, as in SQLite, and concurrent
      // writers wait on the rows they both change rather than on one database lock.
    }

    @Override
    String wide() {
      return "iso_day(date_latest) - iso_day(date_earliest) > " + EventRows.NARROW_SPAN_DAYS;
    }

    @Override
    String notIndexed(String column) {
      return column; // the planner picks the partial index of wide events by its predicate
    }

    @Override
    String jsonValues(String column, String alias) {
      return "jsonb_array_elements_text(" + column + "::jsonb) " + alias + "(value)";
    }

    @Override
    String jsonArray(String expression) {
      return "json_agg(" + expression + ")";
    }

    @Override
    String editLog() {
      return "SELECT (SELECT generation FROM index_state WHERE id = 1),"
          + " string_agg(id || ' ' || status || ' ' || COALESCE(reason, ''), chr(10) ORDER BY id) FROM edits";
    }

    @Override
    List<String> shadowTables() {
      // LIKE … INCLUDING ALL copies the columns with their collation, defaults, identity (events'
      // seq, claims' and mentions' rowid) and indexes, the partial ones included; never foreign keys
      return List.of(
          "CREATE TEMP TABLE events_next (LIKE events INCLUDING ALL)",
          "CREATE TEMP TABLE reports_next (LIKE reports INCLUDING ALL)",
          "CREATE TEMP TABLE claims_next (LIKE claims INCLUDING ALL)",
          "CREATE TEMP TABLE mentions_next (LIKE mentions INCLUDING ALL)",
          "CREATE TEMP TABLE articles_next (id TEXT COLLATE \"C\" PRIMARY KEY, outlet TEXT COLLATE \"C\","
              + " title TEXT COLLATE \"C\", byline TEXT COLLATE \"C\", published TEXT COLLATE \"C\","
              + " published_utc TEXT COLLATE \"C\", language TEXT COLLATE \"C\", text TEXT COLLATE \"C\" NOT NULL,"
              + " content_hash TEXT COLLATE \"C\" NOT NULL, flags TEXT COLLATE \"C\" NOT NULL)",
          "CREATE TEMP TABLE event_ids_next (new_id TEXT COLLATE \"C\" PRIMARY KEY,"
              + " final_id TEXT COLLATE \"C\" NOT NULL UNIQUE)");
    }

    @Override
    String temporary(String table) {
      return "pg_temp." + table;
    }

    @Override
    void continueSequence(Connection db, String table, String column) throws SQLException {
      try (Statement s = db.createStatement()) {
        s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), COALESCE(MAX(" + column
            + "), 0) + 1, false) FROM " + table);
      }
    }

    @Override
    String nextChangeSeq() {
      return "nextval('" + CHANGE_SEQUENCE + "')";
    }

    @Override
    String changeSeqOfUpdate() {
      // taken again once the row is held: the number in excluded was taken before the statement
      // waited on a writer that held the row, which may since have given it a larger one
      return nextChangeSeq();
    }

    @Override
    String changeSeqsAfter(long last, String ordinal) {
      // the sequence, not last + ordinal: numbers another writer takes later must stay above; the
      // statement's ORDER BY numbers the rows in its order (volatile output columns follow the sort)
      return nextChangeSeq();
    }

    @Override
    String permanentPrefix() {
      return ""; // temporary tables are named apart (…_next), and the schema is the connection's
    }

    @Override
    String committedSnapshot(Connection db) throws SQLException {
      try (Statement s = db.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT pg_current_snapshot()::text")) {
        rs.next();
        return rs.getString(1);
      }
    }

    @Override
    String changedSince(String seqColumn) {
      // the range on written_by (indexed) bounds the scan; the snapshot's list of transactions in
      // progress then picks out, within it, those not seen committed
      return "written_by >= pg_snapshot_xmin(CAST(? AS pg_snapshot))"
          + " AND NOT pg_visible_in_snapshot(written_by, CAST(? AS pg_snapshot))";
    }

    @Override
    int bindChangedSince(PreparedStatement ps, int at, long seq, String seen) throws SQLException {
      String snapshot = seen.isEmpty() ? NOTHING_SEEN : seen;
      ps.setString(at, snapshot);
      ps.setString(at + 1, snapshot);
      return at + 2;
    }

    @Override
    boolean snapshotOfAnotherServer(String seen, String now) {
      // transaction ids only grow on one server: a snapshot whose oldest transaction in progress
      // is one this server has not begun yet was taken on another (a database restored elsewhere)
      return !seen.isEmpty() && xmin(seen) > xmax(now);
    }
  };

  /** A snapshot in which no transaction is seen committed (every normal id is 3 or more): an index that has read nothing. */
  static final String NOTHING_SEEN = "1:1:";

  private static long xmin(String snapshot) {
    return Long.parseLong(snapshot.substring(0, snapshot.indexOf(':')));
  }

  private static long xmax(String snapshot) {
    int first = snapshot.indexOf(':');
    return Long.parseLong(snapshot.substring(first + 1, snapshot.indexOf(':', first + 1)));
  }

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** The dialect of the database {@code db} is connected to. */
  static Dialect of(Connection db) throws SQLException {
    return db.getMetaData().getURL().startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
  }

  /** Where this database's Flyway migrations are: the same schema, written in its SQL. */
  String migrations() {
    return migrations;
  }

  /** Sets what each connection must have set (SQLite's foreign keys and lock timeout). */
  abstract void configure(Connection db) throws SQLException;

  /** Begins a write transaction on {@code db} (see {@link Store#beginWriting} for SQLite's). */
  abstract void beginWriting(Connection db) throws SQLException;

  /** How long a write on {@code db} waits for another writer's lock before it fails as busy. */
  abstract void busyTimeout(Connection db, java.time.Duration wait) throws SQLException;

  /** An event spans more than {@link EventRows#NARROW_SPAN_DAYS}: the partial index's condition, word for word. */
  abstract String wide();

  /** {@code column} in a condition that must not be answered from an index on it. */
  abstract String notIndexed(String column);

  /** A table of the values of the JSON array in {@code column}, as {@code alias.value}. */
  abstract String jsonValues(String column, String alias);

  /**
   * The aggregate of {@code expression} (which may begin with DISTINCT) over a group's rows as a
   * JSON array of its values; SQL NULL or {@code []} for no rows.
   */
  abstract String jsonArray(String expression);

  /** The index generation and the edit log (id, status, reason a line, by id), for {@link Store#recordVersion}. */
  abstract String editLog();

  /** The statements that create re-processing's scratch tables, empty ({@link ShadowTables}). */
  abstract List<String> shadowTables();

  /** {@code table} among this connection's temporary tables. */
  abstract String temporary(String table);

  /** Makes the keys {@code table} generates for {@code column} follow the largest there (after a copy). */
  abstract void continueSequence(Connection db, String table, String column) throws SQLException;

  /** What names the store's own tables apart from temporary ones of the same name. */
  abstract String permanentPrefix();

  /**
   * The change sequence a write gives a new event, in the statement that writes it (not read in a
   * statement of its own first, a round trip more on a server): a number no other write of an
   * event has, above every number the table held when it was taken. SQLite takes the table's
   * largest + 1, which its one writer at a time keeps unique; PostgreSQL takes it from the
   * sequence {@value #CHANGE_SEQUENCE} (schema 74), as several writers there, each in its own
   * transaction, read the same largest and took the same number.
   *
   * <p>Why a sequence alone, when it numbers writes in the order they are made and not in the
   * order they commit (a writer that took 7 in an open batch commits after one that took 8)? The
   * readers of these numbers need no more: a cache of what is derived from an event ({@code
   * EventJsonCache}) needs a number that differs with each version of an event, and grows with it
   * (a cache of what is read from the whole table goes by a version of its own, {@link
   * EventRows#tableVersion}); a local index that follows the changes reads them by the
   * transactions it has seen committed ({@link #committedSnapshot}), not "numbers above the last
   * one read". Numbering in commit order would need the number taken under a lock held to the
   * commit, which would make every writer's batch wait on the others' (see {@link
   * #committedSnapshot} for the same choice for the index).
   */
  abstract String nextChangeSeq();

  /** The change sequence an upsert gives an event that is there already ({@link #nextChangeSeq} for a new one). */
  abstract String changeSeqOfUpdate();

  /**
   * The change sequence for the rows re-processing swaps in, the table's largest being {@code
   * last} and {@code ordinal} each row's place (1…) in their order.
   */
  abstract String changeSeqsAfter(long last, String ordinal);

  /** PostgreSQL's sequence of event change numbers (schema 74). */
  static final String CHANGE_SEQUENCE = "events_change_seq_seq";

  /**
   * What the database has committed as of now, for a local index (search, vectors) to record when
   * it catches up, taken before it reads the rows: on PostgreSQL the text of {@code
   * pg_current_snapshot()}, on SQLite nothing ("").
   *
   * <p>Why a snapshot and not the last number read: several PostgreSQL writers take their numbers
   * (an article's {@code seq}, an event's {@code change_seq}) when they write and commit when their
   * transaction ends, in another order: writer A holds seq 7 in an open batch while writer B
   * commits 8, and a catch-up between the two that remembers "up to 8" never reads 7. Each row
   * names the transaction that wrote it ({@code written_by}, schema 69); a snapshot names the
   * transactions committed when it was taken (those below its xmin, and those below its xmax not
   * in its list of transactions in progress). Every row whose writer the recorded snapshot shows
   * committed was read by the catch-up that recorded it (its reads came after the snapshot), so
   * the next one reads only the rows {@link #changedSince} it: those of writers then in progress
   * or begun since. A row read by both is indexed again, which changes nothing. The price is that
   * while a batch stays open, each catch-up reads again the rows committed since it began, up to a
   * few batches of other writers; and a transaction stuck open elsewhere on the server makes each
   * one scan (but not index) the rows written since it began.
   *
   * <p>The known alternative, a lock taken with each number until commit so that numbers commit
   * in their order, serialises every writer's batch (each holds numbers from its first article to
   * its commit) and undoes what several writers are for; rescanning a fixed window behind the last
   * number is cheap but wrong for a batch held open longer than the window.
   */
  abstract String committedSnapshot(Connection db) throws SQLException;

  /**
   * The condition (with its parameters, bound by {@link #bindChangedSince}) that picks the rows of
   * a table a local index must read to catch up, having read those numbered up to {@code seq} in
   * {@code seqColumn} and, on PostgreSQL, those whose writers the snapshot it recorded shows
   * committed (see {@link #committedSnapshot}).
   */
  abstract String changedSince(String seqColumn);

  /** Binds the parameters of {@link #changedSince} from {@code at}; returns the next parameter's place. */
  abstract int bindChangedSince(PreparedStatement ps, int at, long seq, String seen) throws SQLException;

  /** Whether an index's recorded snapshot {@code seen} was taken on another server than the one whose snapshot is {@code now}. */
  abstract boolean snapshotOfAnotherServer(String seen, String now);
}
