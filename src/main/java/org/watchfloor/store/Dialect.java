package org.watchfloor.store;

import java.sql.Connection;
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
    String editLog() {
      return "SELECT (SELECT generation FROM index_state WHERE id = 1),"
          + " group_concat(id || ' ' || status || ' ' || COALESCE(reason, ''), char(10)) FROM edits";
    }

    @Override
    String lastInsertedSeq() {
      return "SELECT last_insert_rowid()";
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
    String permanentPrefix() {
      return "main.";
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
    String editLog() {
      return "SELECT (SELECT generation FROM index_state WHERE id = 1),"
          + " string_agg(id || ' ' || status || ' ' || COALESCE(reason, ''), chr(10) ORDER BY id) FROM edits";
    }

    @Override
    String lastInsertedSeq() {
      return "SELECT lastval()";
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
    String permanentPrefix() {
      return ""; // temporary tables are named apart (…_next), and the schema is the connection's
    }
  };

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

  /** The index generation and the edit log (id, status, reason a line, by id), for {@link Store#recordVersion}. */
  abstract String editLog();

  /** The sequence number the last insert on this connection was given. */
  abstract String lastInsertedSeq();

  /** The statements that create re-processing's scratch tables, empty ({@link ShadowTables}). */
  abstract List<String> shadowTables();

  /** {@code table} among this connection's temporary tables. */
  abstract String temporary(String table);

  /** Makes the keys {@code table} generates for {@code column} follow the largest there (after a copy). */
  abstract void continueSequence(Connection db, String table, String column) throws SQLException;

  /** What names the store's own tables apart from temporary ones of the same name. */
  abstract String permanentPrefix();
}
