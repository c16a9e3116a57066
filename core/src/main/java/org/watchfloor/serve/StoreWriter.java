package org.watchfloor.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;

/**
 * Where the workbench's edits write. A store has one writer at a time (the search index's lock
 * says who), and the workbench reads through read-only connections, so a write needs the
 * writable {@link Store}, got one of two ways:
 *
 * <ul>
 *   <li>{@link #sharing}: the process already holds the writer ({@code run --serve}, whose
 *       pipeline writes the same store); a write takes the lock the pipeline takes around each
 *       pass, so the two never interleave on the one connection;
 *   <li>{@link #opening}: {@code serve} alone holds no writer, so that an ingest can run beside
 *       it; each write opens the store for writing, does its work and closes it, holding the
 *       writer only meanwhile.
 * </ul>
 *
 * Either way a write that cannot have the writer within {@link #WAIT} (or the time {@link #waiting} sets) (the pipeline is in the
 * middle of a long pass; another process is ingesting) is refused with {@link Busy}, before it
 * has changed anything, rather than waiting without end or writing beside another writer.
 *
 * <p>A PostgreSQL store has many writers at once: the database's locks keep apart what they
 * change (see {@link Store#open}), so {@link #opening} opens it for a write whatever else writes
 * it, on this machine or another; only the process's own pipeline ({@link #sharing}) is waited for.
 */
public final class StoreWriter {

  /** How long a write waits for the writer before it is refused. */
  public static final Duration WAIT = Duration.ofSeconds(5);

  /** The store's writer is held elsewhere: nothing was written; try again later. */
  public static final class Busy extends WatchfloorException {
    public Busy(String message) {
      super(message);
    }
  }

  private final ReentrantLock lock;
  private final @Nullable Store shared;
  private final StoreLocation where;
  /** The local directory of the writer's search index, whose lock says who writes. */
  private final Path dir;
  private final Duration wait;

  private StoreWriter(ReentrantLock lock, @Nullable Store shared, StoreLocation where, Path dir, Duration wait) {
    this.lock = lock;
    this.shared = shared;
    this.where = where;
    this.dir = dir;
    this.wait = wait;
  }

  /** This writer waiting at most {@code wait} for the writer instead of {@link #WAIT}. */
  public StoreWriter waiting(Duration wait) {
    return new StoreWriter(lock, shared, where, dir, wait);
  }

  /**
   * Writes through {@code store}, open for writing in this process; {@code lock} is the one the
   * process's other writers hold while they use the store.
   */
  public static StoreWriter sharing(Store store, ReentrantLock lock) {
    return new StoreWriter(lock, store, store.location(), store.dir(), WAIT);
  }

  /** Opens the store in {@code dir} for writing for each write, and closes it after. */
  public static StoreWriter opening(Path dir) {
    return opening(StoreLocation.directory(dir), StoreLocation.directory(dir).dir());
  }

  /** The same for the store at {@code where}, whose search index this process keeps in {@code dir}. */
  public static StoreWriter opening(StoreLocation where, Path dir) {
    return new StoreWriter(new ReentrantLock(), null, where, dir, WAIT);
  }

  /**
   * Refuses the write while another writer holds the search index's write lock, the lock that
   * makes a writable {@link Store} (in {@code <store>/index}): checked before {@link Store#open},
   * which would otherwise migrate and open the database only to fail at the index.
   */
  private void refuseWhileLocked() {
    try (FSDirectory index = FSDirectory.open(dir.resolve("index"));
        Lock lock = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      lock.ensureValid();
    } catch (LockObtainFailedException e) {
      throw new Busy("the store " + where.name() + " is being written by another process (is an ingest running?);"
          + " nothing was written, try again when it is done");
    } catch (IOException e) {
      throw new Busy("the store " + dir + " cannot be written now: " + e.getMessage() + "; nothing was written");
    }
  }

  /** Runs {@code work} with the writable store; {@link Busy} when the writer cannot be had. */
  public <T> T write(Function<Store, T> work) {
    try {
      if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new Busy("the store " + where.name() + " is busy ingesting in this process; nothing was written, try again shortly");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy("interrupted waiting for the store's writer; nothing was written");
    }
    try {
      if (shared != null) {
        return work.apply(shared);
      }
      if (where instanceof StoreLocation.Directory) {
        refuseWhileLocked(); // a server's writers share it: its database keeps them apart
      }
      Store store;
      try {
        store = Store.open(where);
      } catch (WatchfloorException.StoreRefused e) {
        // Store.open takes the search index's write lock: held by an ingest or another run
        throw new Busy("the store cannot be written now (is an ingest running?); nothing was written: "
            + e.getMessage());
      }
      try (store) {
        return work.apply(store);
      }
    } finally {
      lock.unlock();
    }
  }
}
