package org.watchfloor.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.watchfloor.model.EventDate;

/**
 * The locks that make writers sharing a PostgreSQL store take turns only where their work meets:
 * transaction-scoped advisory locks ({@code pg_advisory_xact_lock}), held to the commit or
 * rollback, each named by what it guards and hashed to the server's 64-bit lock key.
 *
 * <ul>
 *   <li>an article's text ({@link ArticleRows#lockContent}) and its near-duplicate band keys
 *       ({@link ArticleRows#lockBands}): two writers given one article, or a copy and its
 *       original, store them one after the other, so the second finds the first;
 *   <li>an event type's block of {@value #BLOCK_DAYS} days ({@link EventRows#lockWindow}): a
 *       report locks the blocks it looks for candidates in, and a writer changing an event locks
 *       every block its dates cover before and after ({@link EventRows#lockEvent}, {@link
 *       EventRows#upsert}), so a report never matches against an event another writer is
 *       changing, nor misses one another writer is creating;
 *   <li>the edit log ({@link EditRows#lockLog}): analysts' edits, rare and made by hand, are
 *       appended one at a time, so their ids are in the order they were committed;
 *   <li>and, for as long as a connection is open to write, the store's writers ({@link
 *       Store#writeAlone}): held shared by each, and alone by a re-processing, which rewrites
 *       every event beneath the others.
 * </ul>
 *
 * <p>SQLite has one writer at a time already (a write transaction takes the database's lock when
 * it begins): there these are no-ops.
 */
final class AdvisoryLocks {

  /**
   * Days in one lock block: a day-dated report's window (its day and one either side) covers one
   * or two blocks, a month's five or six, a year's 53; an event's lookups all fall in one lock
   * of the server's shared lock table per week of their span.
   */
  static final int BLOCK_DAYS = 7;

  private AdvisoryLocks() {}

  /**
   * What a connection's unit of work in progress knows of its locks (see {@link Store#inTransaction}):
   * whether its transaction holds locks of earlier units of a batch ({@link Store#commitEvery}),
   * where a lock another writer holds is not waited for, since that writer may be waiting on one of
   * them, which only a deadlock broken a second later would undo; and the keys the unit has taken,
   * held until it ends, which it need not ask the server for again (a resolution locks an event's
   * blocks several times over: as a candidate's, as the event it joins, as the event it rewrites).
   */
  private static final class Unit {
    final boolean earlierUnits;
    final Set<Long> held = new HashSet<>();

    Unit(boolean earlierUnits) {
      this.earlierUnits = earlierUnits;
    }
  }

  private static final Map<Connection, Unit> UNITS = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * A lock another writer holds, met by a unit of a batch whose earlier units hold locks too: the
   * unit is undone, the batch committed (its locks let go), and the unit run again at the head of
   * a batch of its own, where it waits for the lock (see {@link Store#retried}).
   */
  static final class HeldElsewhere extends SQLException {
    HeldElsewhere() {
      super("a lock is held by another writer: committing this batch's earlier units first");
    }
  }

  /**
   * A unit of work begins on {@code db}, in a transaction that holds locks of earlier units when
   * {@code earlierUnits} (and so must not wait for one). Its locks are held until it ends, whether
   * it is committed, rolled back or released into its batch's transaction.
   */
  static void beginUnit(Connection db, boolean earlierUnits) {
    UNITS.put(db, new Unit(earlierUnits));
  }

  /**
   * The unit of work on {@code db} has ended: from now on every lock is asked of the server, as a
   * later transaction (or a unit undone with its savepoint) holds none of those it took.
   */
  static void endUnit(Connection db) {
    UNITS.remove(db);
  }

  /**
   * Takes the locks of these names, in the order of their keys (fewer deadlocks to break), in one
   * statement, leaving out those the unit of work in progress took already (no statement when it
   * holds them all); a transaction that holds locks of earlier units of its batch takes them only
   * if free, else fails with {@link HeldElsewhere}.
   */
  static void lock(Connection db, Dialect dialect, Collection<String> names) throws SQLException {
    if (dialect != Dialect.POSTGRESQL || names.isEmpty()) {
      return;
    }
    Unit unit = UNITS.get(db);
    TreeSet<Long> keys = new TreeSet<>();
    for (String name : names) {
      keys.add(key(name));
    }
    if (unit != null) {
      keys.removeAll(unit.held);
      if (keys.isEmpty()) {
        return;
      }
    }
    boolean wait = unit == null || !unit.earlierUnits;
    Array array = db.createArrayOf("bigint", keys.toArray(Long[]::new));
    try (PreparedStatement ps = db.prepareStatement(wait
        ? "SELECT pg_advisory_xact_lock(k) FROM unnest(?) AS t(k)"
        : "SELECT pg_try_advisory_xact_lock(k) FROM unnest(?) AS t(k)")) {
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!wait && !rs.getBoolean(1)) {
            throw new HeldElsewhere(); // those taken are let go with the unit's savepoint
          }
        }
      }
    } finally {
      array.free();
    }
    if (unit != null) {
      unit.held.addAll(keys);
    }
  }

  /** Whether the unit of work in progress on {@code db} holds the locks of all these names already. */
  static boolean holds(Connection db, Collection<String> names) {
    Unit unit = UNITS.get(db);
    if (unit == null) {
      return false;
    }
    for (String name : names) {
      if (!unit.held.contains(key(name))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The session lock of the store's writers: every connection open to write a shared store holds
   * it shared ({@link #joinWriters}), and a writer that rewrites what all the others read
   * (re-processing) holds it alone ({@link #writeAlone}), both until the connection closes.
   */
  private static final String WRITERS = "writers";

  /**
   * Counts the connection {@code db} among the store's writers; false, taking nothing, while a
   * writer holds the store alone.
   */
  static boolean joinWriters(Connection db) throws SQLException {
    return sessionLock(db, "SELECT pg_try_advisory_lock_shared(?)");
  }

  /**
   * Makes the connection {@code db} (a writer) the store's only writer; false, taking nothing,
   * while another connection writes it. A session's own shared hold does not stand in its way.
   */
  static boolean writeAlone(Connection db) throws SQLException {
    return sessionLock(db, "SELECT pg_try_advisory_lock(?)");
  }

  /**
   * Releases every session lock the connection {@code db} holds, before it closes: the server
   * would release them too, but only once the session has ended, after the client's close has
   * returned. A connection that cannot run it (already broken) leaves them to the server.
   */
  static void releaseQuietly(Connection db) {
    try {
      if (db.isClosed()) {
        return;
      }
      boolean transactions = !db.getAutoCommit();
      if (transactions) {
        db.rollback(); // whatever is left unwritten here is not to be written by closing
      }
      try (Statement s = db.createStatement()) {
        s.execute("SELECT pg_advisory_unlock_all()");
      }
      if (transactions) {
        db.commit();
      }
    } catch (SQLException brokenConnection) {
      // the server releases a broken session's locks when it ends
    }
  }

  /** Tries the session lock {@link #WRITERS} with {@code sql}, in a transaction of its own (the lock outlives it). */
  private static boolean sessionLock(Connection db, String sql) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setLong(1, key(WRITERS));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } finally {
      db.commit();
    }
  }

  /** The names of the blocks of {@code type} that the days {@code from} to {@code to} fall in. */
  static List<String> blocks(String type, LocalDate from, LocalDate to) {
    List<String> out = new ArrayList<>();
    for (long b = Math.floorDiv(from.toEpochDay(), BLOCK_DAYS); b <= Math.floorDiv(to.toEpochDay(), BLOCK_DAYS); b++) {
      out.add("block|" + type + "|" + b);
    }
    return out;
  }

  /** The blocks an event or report of {@code type} dated {@code date} lies in; one for all undated ones. */
  static List<String> blocks(String type, EventDate date) {
    return date.isKnown() ? blocks(type, date.earliest(), date.latest()) : List.of("undated|" + type);
  }

  /** A lock's 64-bit key: the first eight bytes of the SHA-256 of its name. */
  static long key(String name) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(("watchfloor|" + name).getBytes(StandardCharsets.UTF_8));
      long k = 0;
      for (int i = 0; i < 8; i++) {
        k = (k << 8) | (d[i] & 0xff);
      }
      return k;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
