package org.watchfloor.serve.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.watchfloor.WatchfloorException;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;

/**
 * A few read-only connections to one store, lent to one request at a time, so that concurrent
 * requests read side by side (SQLite's write-ahead log lets any number of readers beside one
 * writer) instead of taking turns on one connection. Connections open when first needed, up to
 * the pool's size; a request finding none free waits for one. Hand-rolled rather than HikariCP:
 * each member is a whole read-only {@link Store} (database connection and search index), not a
 * JDBC connection.
 */
final class ReadPool implements AutoCloseable {

  private final StoreLocation where;
  private final int size;
  private final BlockingQueue<Store> idle;
  private final List<Store> opened = new ArrayList<>();
  private boolean closed;

  ReadPool(java.nio.file.Path dir, int size) {
    this(StoreLocation.directory(dir), size);
  }

  ReadPool(StoreLocation where, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("pool size " + size);
    }
    this.where = where;
    this.size = size;
    this.idle = new ArrayBlockingQueue<>(size);
    idle.add(openOne());
  }

  /** Runs {@code work} on a connection of its own. */
  <T> T read(Function<Store, T> work) {
    Store s = borrow();
    try {
      return work.apply(s);
    } finally {
      idle.add(s);
    }
  }

  private Store borrow() {
    Store s = idle.poll();
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (opened.size() < size && !closed) {
        return openOne();
      }
    }
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WatchfloorException("interrupted waiting for a store connection", e);
    }
  }

  private synchronized Store openOne() {
    Store s = Store.openReadOnly(where);
    opened.add(s);
    return s;
  }

  int opened() {
    synchronized (this) {
      return opened.size();
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (Store s : opened) {
      s.close();
    }
    opened.clear();
  }
}
