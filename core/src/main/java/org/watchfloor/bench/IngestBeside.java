package org.watchfloor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.store.Store;

/**
 * An ingest running beside a load on the workbench, as {@code run --serve} ingests while it
 * serves: the articles of a JSON Lines file are ingested into the served store, on a thread and a
 * writing store connection of their own, from when the load starts until it is told to stop (it
 * then stops after the article in hand and commits what it stored). It measures what an analyst
 * sees while a feed is being read: every read meanwhile meets the ingest's transactions and its
 * CPU. What it stores stays stored, so a second run over the same file stores nothing new: load
 * a copy of the store.
 */
public final class IngestBeside implements AutoCloseable {

  /** What the ingest did while it ran: articles stored, seconds it ran, and whether it ran out of articles. */
  public record Done(int stored, double seconds, boolean ranOut) {

    public double perSecond() {
      return seconds <= 0 ? 0 : stored / seconds;
    }

    /** One line for the bench's report. */
    public String line() {
      return String.format(Locale.ROOT, "ingest beside: %d articles stored in %.1f s (%.1f a second)%s%n", stored,
          seconds, perSecond(), ranOut ? "; it ran out of articles before the load ended: give a larger file" : "");
    }
  }

  private final Thread thread;
  private volatile boolean stop;
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private volatile @Nullable IngestSummary summary;
  private volatile boolean ranOut;
  private final long started = System.nanoTime();
  private volatile long ended;

  private IngestBeside(Store store, Extractor extractor, Path jsonl) {
    this.thread = new Thread(() -> {
      try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
        summary = new Pipeline(store, extractor, new Pipeline.Listener() {}).ingest(List.of(), sink -> {
          try {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
              lineNo++;
              if (stop) {
                return;
              }
              if (!line.isBlank()) {
                FileSource.jsonLine(jsonl + ":" + lineNo, jsonl.toString(), line, sink);
              }
            }
            ranOut = true;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      } catch (IOException | RuntimeException e) {
        failure.set(e);
      } finally {
        ended = System.nanoTime();
      }
    }, "bench-ingest");
    thread.setDaemon(true);
  }

  /**
   * Starts ingesting {@code jsonl} (a JSON Lines file of articles) into {@code store}, a store
   * open for writing that this ingest then owns until {@link #stop()}.
   */
  public static IngestBeside start(Store store, Extractor extractor, Path jsonl) {
    String name = jsonl.getFileName() == null ? "" : jsonl.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(jsonl) || !(name.endsWith(".jsonl") || name.endsWith(".ndjson"))) {
      throw new WatchfloorException.BadInput("--ingest " + jsonl + ": expected a JSON Lines file of articles (.jsonl)");
    }
    IngestBeside ingest = new IngestBeside(store, extractor, jsonl);
    ingest.thread.start();
    return ingest;
  }

  /** Stops after the article in hand, waits for the commit, and says what was done. */
  public Done stop() throws InterruptedException {
    stop = true;
    thread.join();
    Throwable t = failure.get();
    if (t != null) {
      throw new WatchfloorException("the ingest beside the load failed: " + t.getMessage(), t);
    }
    IngestSummary s = summary;
    return new Done(s == null ? 0 : s.stored(), (ended - started) / 1e9, ranOut);
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      stop();
    }
  }
}
