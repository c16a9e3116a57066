package org.watchfloor.serve.api;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.watchfloor.store.StoreLocation;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.watchfloor.store.Store;

/**
 * Downloads of the record (event exports, the launch table), streamed: each runs on a small pool
 * of threads of its own, reading over connections of its own, writing each row to the client as
 * it is read, so that memory stays bounded whatever the size of the export, and a long export
 * takes neither the server's request threads nor the read connections the other requests use.
 * Exports beyond the pool and its short queue are refused (503 with {@code Retry-After}) rather
 * than queued without end. A client that goes away makes the next write fail, which stops the
 * reading and gives the connection back.
 */
public final class Exports implements AutoCloseable {

  /** Exports running at once. */
  public static final int THREADS = 2;
  /** Exports waiting for a thread; more are refused. */
  public static final int WAITING = 4;
  /** How long a refused client is asked to wait, in seconds. */
  static final int RETRY_AFTER_SECONDS = 10;

  /** Writes one download from a store lent for one read transaction. */
  @FunctionalInterface
  public interface Job {
    void write(Store store, Writer out) throws IOException, SQLException;
  }

  private final ThreadPoolExecutor executor;
  private final ReadPool pool;
  private final AtomicLong cancelled = new AtomicLong();
  private final AtomicInteger running = new AtomicInteger();

  Exports(Path dir, int threads, int waiting) {
    this(StoreLocation.directory(dir), threads, waiting);
  }

  Exports(StoreLocation where, int threads, int waiting) {
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        waiting == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(waiting), r -> {
          Thread t = new Thread(r, "watchfloor-export-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    this.pool = new ReadPool(where, threads);
  }

  /**
   * Answers {@code ctx} with the download {@code job} writes, as an attachment named {@code
   * filename}, streamed from an export thread.
   */
  void stream(Context ctx, String filename, String contentType, Job job) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    ctx.contentType(contentType + "; charset=utf-8");
    ctx.future(() -> {
      CompletableFuture<Void> done = new CompletableFuture<>();
      try {
        submit(() -> {
          try {
            write(ctx, job);
            done.complete(null);
          } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
          }
        });
      } catch (ApiException refused) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        done.completeExceptionally(refused);
      }
      return done;
    });
  }

  /** Runs {@code export} on an export thread; a 503 when all are busy and the queue is full. */
  void submit(Runnable export) {
    try {
      executor.execute(export);
    } catch (RejectedExecutionException e) {
      throw ApiException.unavailable("the server is running " + executor.getMaximumPoolSize() + " exports and "
          + executor.getQueue().size() + " more are waiting: try again in " + RETRY_AFTER_SECONDS + " seconds");
    }
  }

  private void write(Context ctx, Job job) {
    running.incrementAndGet();
    try {
      pool.read(store -> store.inTransaction(() -> {
        try {
          Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 16 * 1024);
          job.write(store, out);
          out.flush();
        } catch (IOException clientGone) {
          // the client went away (or its connection broke): stop reading; nothing is left to answer
          cancelled.incrementAndGet();
        }
        return null;
      }));
    } catch (UncheckedIOException clientGone) {
      cancelled.incrementAndGet();
    } finally {
      running.decrementAndGet();
    }
  }

  /** Exports stopped because their client went away, since the start. */
  long cancelled() {
    return cancelled.get();
  }

  /** Exports writing now. */
  int running() {
    return running.get();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    pool.close();
  }
}
