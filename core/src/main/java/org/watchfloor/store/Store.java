package org.watchfloor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Optional;
import org.apache.lucene.store.LockObtainFailedException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;

/**
 * The store stage: one data directory holding an SQLite database (the record) and a Lucene
 * index (search over it), kept in step.
 *
 * <p>SQLite rather than H2 for crash safety: its atomic commit (here in WAL mode with
 * {@code synchronous=FULL}) is the most tested on-disk format there is, and a file written by
 * a killed process opens consistently; H2's MVStore has a history of corrupt files after
 * abrupt stops. The Lucene index is derived data: it records in its commit how far into the
 * database it has indexed, and catches up on open, so a crash between the two loses nothing.
 *
 * <p>A directory is used only if it is empty (and then becomes a store, see {@link
 * StoreDirectory}) or already holds a store of a schema this version knows; anything else is
 * refused without being touched.
 */
public final class Store implements AutoCloseable {

  /** The marker file that makes a directory a Watchfloor store. */
  public static final String MARKER = "WATCHFLOOR-STORE";
  static final String MARKER_TEXT = "watchfloor store format 1\n";
  public static final String DB_FILE = "watchfloor.db";

  private final StoreLocation location;
  private final Path dir;
  private final Connection db;
  private final boolean writable;
  private int commitEvery = 1;
  private int pending;
  private int depth;
  private long racesLost;
  private final ArticleRows articles;
  private final EventRows events;
  private final EditRows edits;
  private final AlertRows alerts;
  private final SearchIndex index;
  private @Nullable VectorIndex vectors;

  private Store(StoreLocation location, Path dir, Connection db, SearchIndex index, boolean writable) {
    this.location = location;
    this.dir = dir;
    this.db = db;
    this.writable = writable;
    this.articles = new ArticleRows(db);
    this.events = new EventRows(db);
    this.edits = new EditRows(db);
    this.alerts = new AlertRows(db);
    this.index = index;
  }

  /**
   * Opens an existing store for reading only, beside a process (an ingest, {@code run}) that
   * may be writing it: SQLite's write-ahead log lets readers see each committed transaction,
   * and the search index is read at its latest commit without taking its lock. Nothing in the
   * directory is created or changed, except that a search index found stale while no writer
   * holds it is brought up to date (see {@link #checkIndex}).
   */
  public static Store openReadOnly(Path dir) {
    return openReadOnly(StoreLocation.directory(dir));
  }

  /**
   * Opens an existing store for reading only (see {@link #openReadOnly(Path)}); on a server, the
   * process's local search index is the one {@link #checkIndex} catches up before a search.
   */
  public static Store openReadOnly(StoreLocation where) {
    if (where instanceof StoreLocation.Directory d) {
      StoreDirectory.checkToRead(d.dir());
      if (!Files.exists(d.dir().resolve(DB_FILE))) {
        throw new WatchfloorException.StoreRefused(d.dir(), "no store here yet: ingest something first");
      }
    }
    if (!schemaCurrent(where)) {
      refuseNewerSchema(where);
      for (MigrationInfo m : flyway(where).info().pending()) {
        throw new WatchfloorException.StoreRefused(where.name(), "written by an older Watchfloor (schema "
            + m.getVersion() + " not applied yet): run ingest or run once to upgrade it");
      }
    }
    Connection db = null;
    try {
      db = where.connect(true);
      Path dir = localDir(where, db);
      if (where.dialect() != Dialect.SQLITE) {
        Files.createDirectories(dir.resolve("index")); // a process's first look at this database
      }
      return new Store(where, dir, db, SearchIndex.openReadOnly(dir.resolve("index"), where), false);
    } catch (SQLException | IOException e) {
      closeQuietly(db, e);
      throw new WatchfloorException.StoreRefused(where.name(), "cannot open: " + e.getMessage());
    }
  }

  /** Opens the store in {@code dir}, creating it if the directory is missing or empty. */
  public static Store open(Path dir) {
    return open(StoreLocation.directory(dir));
  }

  /**
   * Opens the store at {@code where} to write to it: a directory is created as a store if missing
   * or empty; a server database is migrated to this version's schema (empty, it becomes a store).
   */
  public static Store open(StoreLocation where) {
    boolean creating = where instanceof StoreLocation.Directory d && StoreDirectory.prepareToWrite(d.dir());
    if (creating || !schemaCurrent(where)) {
      refuseNewerSchema(where);
      flyway(where).migrate();
    }
    Connection db = null;
    try {
      db = where.connect(false);
      if (where.dialect() == Dialect.POSTGRESQL && !AdvisoryLocks.joinWriters(db)) {
        db.close();
        throw new WatchfloorException.StoreRefused(where.name(),
            "another process is re-processing it, which needs it alone: try again once that is done");
      }
      Path dir = localDir(where, db);
      SearchIndex index = openIndex(where, dir);
      Store store = new Store(where, dir, db, index, true);
      try {
        store.catchUpIndex(index);
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
      if (creating) {
        StoreDirectory.finishCreating(dir);
      }
      return store;
    } catch (SQLException | IOException e) {
      // the index may be locked by another writer: leave no connection behind
      closeQuietly(db, e);
      throw new WatchfloorException.StoreRefused(where.name(), "cannot open: " + e.getMessage());
    }
  }

  /**
   * Makes this process the store's only writer until it closes the store, for work that rewrites
   * what every writer reads and changes (re-processing swaps in every event anew): refused, leaving
   * the store as it was, while another process has it open to write (an ingest, {@code run},
   * {@code serve}, the Flink job); and from then on any other process is refused when it opens the
   * store to write. Readers go on. A store directory has one writer at a time already.
   */
  public void writeAlone() {
    if (location.dialect() != Dialect.POSTGRESQL) {
      return;
    }
    try {
      flush();
      if (!AdvisoryLocks.writeAlone(db)) {
        throw new WatchfloorException.StoreRefused(location.name(), "other processes have it open to write"
            + " (run, ingest, serve or the Flink job), and this needs it alone: stop them, then run it again");
      }
    } catch (SQLException e) {
      throw asUnchecked(e);
    }
  }

  /** Local search indexes a machine keeps of one server database, one for each process writing it at once. */
  static final int SERVER_INDEXES = 16;

  /**
   * The writer's search index. A store directory has one, whose lock makes its one writer. A server
   * database has many writers, which the database's own locks keep apart: each process writing it
   * on this machine takes the first of the local indexes ({@code index}, {@code index-2} …) that no
   * other holds, and catches it up from the database as the one index would be. Readers search
   * {@code index}.
   */
  private static SearchIndex openIndex(StoreLocation where, Path dir) throws IOException {
    if (where.dialect() == Dialect.SQLITE) {
      return SearchIndex.open(dir.resolve("index"), where);
    }
    for (int slot = 1; ; slot++) {
      try {
        return SearchIndex.open(dir.resolve(slot == 1 ? "index" : "index-" + slot), where);
      } catch (LockObtainFailedException held) {
        if (slot == SERVER_INDEXES) {
          throw new IOException(SERVER_INDEXES + " processes on this machine are writing this store already", held);
        }
      }
    }
  }

  private static void closeQuietly(@Nullable Connection db, Exception e) {
    if (db != null) {
      try {
        db.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
    }
  }

  /**
   * The local directory of the index and vectors: the store directory, or for a server, one per
   * database under the location's cache directory, named by the database's store id, so that a
   * database created again under the same name starts a fresh index.
   */
  private static Path localDir(StoreLocation where, Connection db) throws SQLException, IOException {
    if (where.dialect() == Dialect.SQLITE) {
      return where.dir();
    }
    String id;
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT store_id FROM index_state WHERE id = 1")) {
      rs.next();
      id = rs.getString(1);
    }
    db.commit();
    Path dir = where.dir().resolve(id.replaceAll("[^A-Za-z0-9-]", "_"));
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * The newest schema version this Watchfloor knows: the last migration in both {@code db/migration}
   * and {@code db/postgresql} (SchemaVersionTest holds it to the scripts; bump it with each new
   * migration pair).
   */
  static final MigrationVersion SCHEMA = MigrationVersion.fromVersion("75");

  /**
   * Whether the database at {@code where} already records every migration of this version as
   * applied: its newest applied version is {@link #SCHEMA} and no migration failed. One query of
   * Flyway's history table answers it, where asking Flyway (which scans the whole jar for its
   * scripts, once to look for a newer schema and again to migrate or list what is pending) cost a
   * short command such as {@code events --limit 1} a fifth of its CPU time. When this says yes, Flyway is not asked at all, so it does not validate the
   * scripts' checksums against the history either; in every other case (no database yet, an older
   * or a newer schema, a failed migration, a history that cannot be read) Flyway is asked as before,
   * and migrates, or refuses with its reason.
   */
  static boolean schemaCurrent(StoreLocation where) {
    if (where instanceof StoreLocation.Directory d && !Files.exists(d.dir().resolve(DB_FILE))) {
      return false;
    }
    try (Connection db = where.connect(true)) {
      MigrationVersion newest = null;
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
        while (rs.next()) {
          if (!rs.getBoolean(2)) {
            return false;
          }
          MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
          if (newest == null || v.compareTo(newest) > 0) {
            newest = v;
          }
        }
      } finally {
        db.rollback(); // a read-only transaction: nothing to keep
      }
      return SCHEMA.equals(newest);
    } catch (SQLException | RuntimeException unreadable) {
      return false; // Flyway, asked next, says what is wrong
    }
  }

  /** Refuses a database migrated by a newer Watchfloor, before anything writes to it. */
  private static void refuseNewerSchema(StoreLocation where) {
    if (where instanceof StoreLocation.Directory d && !Files.exists(d.dir().resolve(DB_FILE))) {
      return;
    }
    for (MigrationInfo m : flyway(where).info().all()) {
      if (m.getState().name().startsWith("FUTURE")) {
        throw new WatchfloorException.StoreRefused(where.name(),
            "schema version " + m.getVersion() + " was written by a newer Watchfloor; left untouched");
      }
    }
  }

  private static Flyway flyway(StoreLocation where) {
    var config = Flyway.configure().locations(where.dialect().migrations());
    if (where instanceof StoreLocation.Server server) {
      config.dataSource(server.url(), server.user(), server.password());
    } else {
      config.dataSource(((StoreLocation.Directory) where).url(), null, null);
    }
    return config.load();
  }

  /** Where the record lives. */
  public StoreLocation location() {
    return location;
  }

  public Path dir() {
    return dir;
  }

  public ArticleRows articles() {
    return articles;
  }

  public EventRows events() {
    return events;
  }

  /** The analyst edits, an append-only log. */
  public EditRows edits() {
    return edits;
  }

  /**
   * The alert rules and the outbox of alerts, on this store's connection: alerts are decided in
   * the transaction that changes the events they are about.
   */
  public AlertRows alerts() {
    return alerts;
  }

  /** Scratch tables in which re-processing derives everything again before swapping it in. */
  public ShadowTables shadow() {
    return new ShadowTables(db);
  }

  public SearchIndex search() {
    return index;
  }

  /**
   * Runs {@code work} in one database transaction: all of it is stored, or none of it. Under group
   * commit ({@link #commitEvery}) it runs in a savepoint of the batch's transaction instead. On a
   * store open for writing, a transaction takes the write lock when it begins (see {@link
   * #beginWriting}); one inside another runs in the outer one. On a shared store, work that loses a
   * race with another writer (a deadlock the server broke) is rolled back and runs again ({@link
   * #retried}).
   */
  public <T> T inTransaction(SqlWork<T> work) {
    if (depth > 0) {
      try {
        depth++;
        return work.run();
      } catch (SQLException e) {
        throw asUnchecked(e);
      } finally {
        depth--;
      }
    }
    return retried(() -> commitEvery > 1 ? inSavepoint(work) : inOwnTransaction(work));
  }

  /** Runs {@code work} in a transaction of its own, and commits it. */
  private <T> T inOwnTransaction(SqlWork<T> work) {
    depth++;
    AdvisoryLocks.beginUnit(db, false);
    try {
      return committed(db, () -> {
        if (writable) {
          location.dialect().beginWriting(db);
        }
        return work.run();
      });
    } catch (SQLException e) {
      throw asUnchecked(e);
    } finally {
      depth--;
      AdvisoryLocks.endUnit(db);
    }
  }

  /**
   * Runs one try of a transaction or a batch's unit at a time, until one is stored or fails for
   * a reason other than losing a race with another writer ({@link #conflictToRetry}). When a
   * batch's unit lost, it was undone alone ({@link #inSavepoint}); the units before it are then
   * committed, which lets go of every lock the batch held (the other writer may be waiting on
   * one), and it runs again at the head of a batch of its own.
   */
  private <T> T retried(java.util.function.Supplier<T> attempt) {
    for (int tries = 1; ; tries++) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (!conflictToRetry(e, tries)) {
          throw e;
        }
        racesLost++;
        try {
          db.commit();
          pending = 0;
        } catch (SQLException failed) {
          failed.addSuppressed(e);
          throw asUnchecked(failed);
        }
      }
      pauseBeforeRetry(tries);
    }
  }

  /**
   * How many tries of a unit of work this writer lost to another writer and ran again (a deadlock
   * broken, a lock a batch could not wait for): a measure of how much the writers of a shared store
   * get in each other's way; always 0 on SQLite.
   */
  public long racesLost() {
    return racesLost;
  }

  /**
   * The name of the candidate block in which a report of {@code eventType} dated {@code date} starts
   * looking for its event: the {@value AdvisoryLocks#BLOCK_DAYS}-day block of the type its earliest
   * day falls in, or the type's undated block. A report locks this block (and the next, where its
   * window reaches over) before it reads its candidates ({@link EventRows#lockWindow}), so a stream
   * processor that hands the reports of one block to one writer keeps its writers out of each
   * other's locks (the Flink job's key).
   */
  public static String candidateBlock(String eventType, org.watchfloor.model.EventDate date) {
    return AdvisoryLocks.blocks(eventType, date).get(0);
  }

  /** How many times a unit of work is tried on a shared store when it loses to a concurrent writer. */
  static final int TRIES = 10;

  /**
   * Whether the work that failed with {@code e} is to run again: on PostgreSQL, where concurrent
   * writers lock what they change row by row and block by block (see {@link AdvisoryLocks}), the
   * server breaks a deadlock between two of them by failing one (SQLSTATE 40P01), as it fails a
   * transaction that cannot be serialised (40001). The work is sound; it lost a race, and what it
   * wrote was rolled back, so it is run again, after a short random pause that lets the winner
   * commit ({@value #TRIES} tries at most). Its effects must be its database writes only, as
   * every unit's are. On SQLite, one writer at a time, there are no such failures.
   */
  private boolean conflictToRetry(RuntimeException e, int attempt) {
    return attempt < TRIES && location.dialect() == Dialect.POSTGRESQL && lostRace(e);
  }

  /** Waits a short random while before the work runs again, once its locks are let go. */
  private static void pauseBeforeRetry(int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L * attempt + 6));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new WatchfloorException("interrupted before storing again what lost a race with another writer");
    }
  }

  /**
   * Whether {@code e} was a deadlock broken, a serialisation failure (PostgreSQL's 40P01, 40001),
   * or a lock a batch's unit would have waited for while holding others ({@link AdvisoryLocks}).
   */
  static boolean lostRace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AdvisoryLocks.HeldElsewhere) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState().equals("40P01") || s.getSQLState().equals("40001");
      }
    }
    return false;
  }

  /**
   * Runs {@code work} on {@code db} and commits; when it fails, rolls back (a failed rollback is
   * added to the failure as suppressed) and throws what failed.
   */
  static <T> T committed(Connection db, SqlWork<T> work) throws SQLException {
    try {
      T result = work.run();
      db.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        db.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Ends the connection's transaction in progress (which has only read, or written what is meant
   * to be committed) and begins one that holds the database's write lock from its start, waiting
   * for another writer's commit as long as the busy timeout allows.
   *
   * <p>Why: the driver begins each transaction deferred, and SQLite takes a deferred transaction's
   * write lock at its first write. When another connection (the alert deliverer beside an ingest,
   * an analyst's edit, an {@code alert} command) has committed since that transaction's first
   * read, its snapshot is stale and the write fails at once with SQLITE_BUSY_SNAPSHOT, which no
   * busy timeout waits out: an article read and extracted was then refused as "database is
   * locked". A transaction that locks first reads only the latest commit.
   */
  static void beginWriting(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("COMMIT");
      try {
        s.execute("BEGIN IMMEDIATE");
      } catch (SQLException busy) {
        s.execute("BEGIN"); // back in the deferred transaction the driver expects, for its rollback
        throw busy;
      }
    }
  }

  /**
   * Group commit: from now on, units of work ({@link #inTransaction}) are committed together,
   * {@code units} at a time, each inside a savepoint of its own, so that a unit that fails is
   * undone alone and the others stay. One commit (one fsync) per batch instead of per article
   * multiplies the ingest rate; a crash loses the uncommitted units of the batch in flight whole,
   * never part of one, and a re-run ingests them again. {@link #flush} (also done by {@link
   * #syncIndex} and {@link #close}) commits what is pending; 1 returns to a commit per unit.
   */
  public void commitEvery(int units) {
    if (units < 1) {
      throw new IllegalArgumentException("units must be at least 1: " + units);
    }
    flush();
    commitEvery = units;
  }

  /** Commits the units of work done since the last commit. */
  public void flush() {
    if (pending == 0) {
      return;
    }
    try {
      db.commit();
      pending = 0;
    } catch (SQLException e) {
      throw new WatchfloorException("store " + dir + ": cannot commit: " + e.getMessage(), e);
    }
  }

  private <T> T inSavepoint(SqlWork<T> work) {
    Savepoint unit;
    try {
      if (pending == 0 && writable) {
        location.dialect().beginWriting(db); // the batch's first unit begins its transaction
      }
      unit = db.setSavepoint();
    } catch (SQLException e) {
      throw asUnchecked(e);
    }
    depth++;
    AdvisoryLocks.beginUnit(db, pending > 0);
    try {
      T result = work.run();
      if (location.dialect() != Dialect.POSTGRESQL) {
        // On PostgreSQL a unit's savepoint is left for the commit to end with the others rather
        // than released, which would cost a round trip to the server per unit: the units of a
        // batch then nest, at most commitEvery deep, and undoing the one in progress still undoes
        // it alone. SQLite's savepoints cost no round trip, and are released as they were.
        db.releaseSavepoint(unit);
      }
      if (++pending >= commitEvery) {
        flush();
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        db.rollback(unit);
        db.releaseSavepoint(unit);
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw asUnchecked(e);
    } finally {
      depth--;
      AdvisoryLocks.endUnit(db);
    }
  }

  /**
   * How long a write waits for another connection's write lock before it fails as busy (10 s
   * unless set here).
   */
  public void busyTimeout(java.time.Duration wait) {
    try {
      location.dialect().busyTimeout(db, wait);
    } catch (SQLException e) {
      throw asUnchecked(e);
    }
  }


  /**
   * Whether {@code e} was the database being busy: another connection held the write lock past
   * the busy timeout (SQLite), or a lock wait timed out or a deadlock was broken (PostgreSQL's
   * SQLSTATE 55P03 and 40P01). Nothing is wrong with the work, which a later try may well store.
   */
  public static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.sqlite.SQLiteException s) {
        int primary = s.getResultCode().code & 0xff;
        return primary == org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code || primary == org.sqlite.SQLiteErrorCode.SQLITE_LOCKED.code;
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState().equals("55P03") || s.getSQLState().equals("40P01");
      }
    }
    return false;
  }

  private RuntimeException asUnchecked(Exception e) {
    if (e instanceof RuntimeException re) {
      return re;
    }
    return new WatchfloorException("store " + dir + ": " + e.getMessage(), e);
  }

  /** Work on the database that may fail with an {@link SQLException}. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * The article vectors (in {@code vectors/}), opened on first use with the embedding that derives
   * them and caught up with the database; from then on kept in step like the search index.
   */
  public VectorIndex vectors(VectorIndex.Embedding embedding) {
    if (vectors == null) {
      try {
        flush();
        vectors = VectorIndex.open(dir.resolve("vectors"), embedding);
        vectors.catchUp(articles, location.dialect(), location.dialect().committedSnapshot(db));
        db.commit();
      } catch (SQLException | IOException e) {
        throw new WatchfloorException("store " + dir + ": cannot open the vector index: " + e.getMessage(), e);
      }
    }
    return vectors;
  }

  /** Brings the search index up to what the database holds, then commits it. */
  public void syncIndex() {
    // the index records how far into the database it reached: it must never get ahead of a commit
    flush();
    catchUpIndex(index);
  }

  /**
   * Records, in the transaction in progress, that the search index must be built again whole:
   * what a re-processing's swap does, since it changes what is derived from articles already
   * indexed. Until a rebuild commits, every process that opens the store finds the index stale
   * (see {@link #checkIndex}), so a kill between the swap and the rebuild leaves no search wrong
   * for good.
   */
  public void markIndexStale() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE index_state SET generation = generation + 1 WHERE id = 1");
    }
  }

  /**
   * Indexes every article and event again. Catching up indexes what changed since the last time;
   * a re-processing also changes what is derived from articles already indexed (their text, the
   * types and weapons of their reports, which are facet values), so it needs this instead.
   */
  public void rebuildIndex() {
    flush();
    try {
      index.clear();
    } catch (IOException e) {
      throw new WatchfloorException("store " + dir + ": cannot clear the search index: " + e.getMessage(), e);
    }
    catchUpIndex(index);
  }

  /**
   * Brings {@code index} (open for writing: the store's own, or one a reader opened to repair it)
   * up to the database: whole again when it was built for another generation (or, on PostgreSQL,
   * from another server's transactions), else from where it reached. On PostgreSQL, where several
   * writers commit their sequence numbers out of order, "where it reached" is the snapshot its last
   * catch-up read under as well as the numbers (see {@link Dialect#committedSnapshot}); the snapshot
   * recorded now is taken before anything is read.
   */
  private void catchUpIndex(SearchIndex index) {
    try {
      Dialect dialect = location.dialect();
      long generation = generation();
      String now = dialect.committedSnapshot(db);
      if (index.generation() != generation || dialect.snapshotOfAnotherServer(index.seen(), now)) {
        index.clear();
      }
      long articleSeq = index.articleSeq();
      long eventSeq = index.eventSeq();
      String seen = index.seen();
      long[] reached = {articleSeq, eventSeq};
      boolean[] eventsRead = {false};
      articles.forEachChangedSince(articleSeq, seen, IndexFacets.articleColumns(dialect), (seq, article, row) -> {
        index.indexArticle(article, IndexFacets.of(article, row));
        reached[0] = Math.max(reached[0], seq);
      });
      events.forEachChangedSince(eventSeq, seen, IndexFacets.eventColumns(dialect), (seq, event, row) -> {
        index.indexEvent(event, IndexFacets.of(event, row));
        reached[1] = Math.max(reached[1], seq);
        eventsRead[0] = true;
      });
      if (vectors != null) {
        vectors.catchUp(articles, dialect, now);
      }
      db.commit();
      if (reached[0] != articleSeq || eventsRead[0] || index.generation() != generation || !now.equals(seen)) {
        index.commit(reached[0], reached[1], generation, now, eventsRead[0]);
      }
    } catch (SQLException | IOException e) {
      throw new WatchfloorException("store " + dir + ": cannot update the search index: " + e.getMessage(), e);
    }
  }

  /**
   * For a reader: makes sure it does not search a stale index without saying so. The latest
   * commit of the index is compared with the database: the generation it was built for (see
   * {@link #markIndexStale}) and how far it reached. When they differ and no writer holds the
   * index, the index is rebuilt (another generation) or caught up (a writer killed between its
   * database commit and its index commit) here, before the search; when a writer holds it, an
   * index behind the database is that writer's to catch up (it commits its index every few
   * hundred articles and when it stops), but one of another generation is stale: the reason is
   * returned, for the caller to show beside the hits. Empty when the hits answer for the
   * database. A writer's own store keeps its index in step itself, and always answers empty.
   */
  public Optional<String> checkIndex() {
    if (index.writable()) {
      return Optional.empty();
    }
    try {
      SearchIndex.Reach indexed = index.committed();
      boolean otherGeneration = indexed.generation() != generation() || !indexed.knownFormat();
      boolean behind = location.dialect().snapshotOfAnotherServer(indexed.seen(), location.dialect().committedSnapshot(db))
          || changedSince(indexed);
      db.commit();
      if (!otherGeneration && !behind) {
        return Optional.empty();
      }
      try (SearchIndex repairing = SearchIndex.open(dir.resolve("index"), location)) {
        catchUpIndex(repairing);
        return Optional.empty();
      } catch (LockObtainFailedException writerHoldsIt) {
        return otherGeneration
            ? Optional.of("the search index is stale: it is being rebuilt after a re-processing, and until that is"
                + " done hits may show articles under what was derived from them before")
            : Optional.empty();
      }
    } catch (SQLException | IOException e) {
      throw new WatchfloorException("store " + dir + ": cannot check the search index: " + e.getMessage(), e);
    }
  }

  /** The generation of the index the database asks for. */
  private long generation() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT generation FROM index_state WHERE id = 1")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Whether the database holds an article or an event change that an index having reached {@code
   * indexed} has not read: on SQLite one numbered after it, on PostgreSQL one whose writer the
   * snapshot it recorded does not show committed (see {@link Dialect#committedSnapshot}): a late
   * commit of a lower number counts.
   */
  private boolean changedSince(SearchIndex.Reach indexed) throws SQLException {
    Dialect dialect = location.dialect();
    try (PreparedStatement ps = db.prepareStatement("SELECT EXISTS (SELECT 1 FROM articles WHERE "
        + dialect.changedSince("seq") + ") OR EXISTS (SELECT 1 FROM events WHERE " + dialect.changedSince("change_seq") + ")")) {
      int at = dialect.bindChangedSince(ps, 1, indexed.articleSeq(), indexed.seen());
      dialect.bindChangedSince(ps, at, indexed.eventSeq(), indexed.seen());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /**
   * A version of what an event's page shows beyond the event row itself: the generation of the
   * derived data (a re-processing changes it) and the state of the analysts' edit log (a new edit,
   * or a status the log's folding changed). Equal versions and an equal change sequence of the
   * event mean an equal answer, for caches of it. The edit log is read whole, but it is small: it
   * holds what analysts did by hand.
   */
  public String recordVersion() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(location.dialect().editLog())) {
      rs.next();
      String log = rs.getString(2);
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest((log == null ? "" : log).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return rs.getLong(1) + ":" + java.util.HexFormat.of().formatHex(digest, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records an input that could not be used. */
  public void quarantine(String source, String reason) {
    inTransaction(() -> {
      try (PreparedStatement ps =
          db.prepareStatement("INSERT INTO quarantine(source, reason, recorded_at) VALUES (?, ?, ?)")) {
        ps.setString(1, source);
        ps.setString(2, reason);
        ps.setString(3, java.time.Instant.now().toString());
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Number of rows in a table of the store, for reports and tests. */
  public long count(String table) {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      long n = rs.getLong(1);
      db.commit();
      return n;
    } catch (SQLException e) {
      throw new WatchfloorException("store " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      flush();
      index.close();
      if (vectors != null) {
        vectors.close();
      }
    } catch (IOException e) {
      throw new WatchfloorException("store " + dir + ": cannot close the index: " + e.getMessage(), e);
    } finally {
      if (location.dialect() == Dialect.POSTGRESQL) {
        // the server ends the session's locks only once its backend has seen the socket close,
        // which may be after close() returns: release them first, so that a process told this
        // one has closed finds them free
        AdvisoryLocks.releaseQuietly(db);
      }
      try {
        db.close();
      } catch (SQLException ignored) {
        // closing a connection that failed is not worth a second error
      }
    }
  }
}
