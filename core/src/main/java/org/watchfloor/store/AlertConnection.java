package org.watchfloor.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.watchfloor.WatchfloorException;

/**
 * A connection of its own to a store's alert tables, that may write beside the store's writer:
 * the {@code alert} commands use it while {@code run} holds the store, and the deliverer marks
 * what it sent over it while the pipeline ingests. SQLite's write-ahead log lets it read every
 * committed alert at once (an alert is visible only once the change that decided it is
 * committed, which is the point of the outbox) and makes its writes wait their turn.
 */
public final class AlertConnection implements AutoCloseable {

  private final Path dir;
  private final Connection db;
  private final Dialect dialect;
  private final AlertRows alerts;

  private AlertConnection(Path dir, Connection db) {
    this.dir = dir;
    this.db = db;
    this.dialect = EventRows.dialectOf(db);
    this.alerts = new AlertRows(db);
  }

  /** Opens a connection to the database of {@code store} (open, so already migrated). */
  public static AlertConnection beside(Store store) {
    StoreLocation where = store.location();
    try {
      return new AlertConnection(store.dir(), where.connect(false));
    } catch (SQLException e) {
      throw new WatchfloorException.StoreRefused(where.name(), "cannot open for alerts: " + e.getMessage());
    }
  }

  /** Opens a connection to the database of the store in {@code dir}, which must be migrated. */
  public static AlertConnection beside(Path dir) {
    String url = "jdbc:sqlite:" + dir.resolve(Store.DB_FILE);
    try {
      Connection db = DriverManager.getConnection(url);
      Dialect.SQLITE.configure(db);
      db.setAutoCommit(false);
      return new AlertConnection(dir, db);
    } catch (SQLException e) {
      throw new WatchfloorException.StoreRefused(dir, "cannot open for alerts: " + e.getMessage());
    }
  }

  /** The connection itself, for tests of locking in this package. */
  Connection connection() {
    return db;
  }

  public AlertRows alerts() {
    return alerts;
  }

  /** Runs {@code work} in one transaction of this connection, holding the write lock from its start. */
  public synchronized <T> T inTransaction(Store.SqlWork<T> work) {
    try {
      return Store.committed(db, () -> {
        dialect.beginWriting(db);
        return work.run();
      });
    } catch (SQLException e) {
      throw new WatchfloorException("store " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // closing a connection that failed is not worth a second error
    }
  }
}
