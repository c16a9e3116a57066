package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import org.watchfloor.WatchfloorException;
import java.util.stream.Stream;
import org.watchfloor.alert.Deliverer;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FeedSchedule;
import org.watchfloor.ingest.FeedSource;
import org.watchfloor.ingest.FeedStates;
import org.watchfloor.ingest.HttpFetcher;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.ingest.SampleCorpus;
import org.watchfloor.pipeline.Inbox;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.serve.web.Workbench;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code watchfloor run}: the main job. Keeps watching its sources until stopped — the watch
 * profile's feeds (polled with conditional GET, validators kept in {@code <store>/feeds.properties}
 * across restarts) and the store's inbox folder, where any file dropped in is ingested once it is
 * finished (see {@link Inbox} for what finished means). An empty store whose feeds could not be
 * read is seeded with the bundled sample corpus. Alerts the passes decide are delivered by a
 * {@link Deliverer} on a thread of its own, every second.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"The main job: poll the watch profile's RSS/Atom feeds (and any --feed) every interval,",
        "and watch the inbox folder (default: <store>/inbox), ingesting every article file that",
        "appears in it; ingested files move to inbox/processed, files that could not be ingested to",
        "inbox/failed. A file is read once it has not changed for --settle milliseconds; one named",
        ".* or *.part or *.tmp is left alone until renamed (write under such a name, then rename).",
        "When the store is empty and no feed could be read, the bundled sample corpus is ingested",
        "instead. Alerts (see alert) are delivered as they are decided, and any left pending by an",
        "earlier run are delivered on start."})
final class RunCommand implements Callable<Integer> {

  @Mixin StoreOptions options;

  @Option(names = "--inbox", paramLabel = "DIR", description = "Folder to watch (default: <store>/inbox).")
  Path inbox;

  @Option(names = "--interval", defaultValue = "10", paramLabel = "SECONDS",
      description = "Seconds between looks at the inbox, and at each feed without an interval_seconds of its own in the"
          + " watch profile (default: ${DEFAULT-VALUE}).")
  int interval;

  @Option(names = "--once", description = "Do one pass over the sources and stop (waiting once for inbox files still being written).")
  boolean once;

  @Option(names = "--settle", paramLabel = "MS", defaultValue = "5000",
      description = "Milliseconds an inbox file must stand unmodified before it is read (default: ${DEFAULT-VALUE}).")
  long settleMillis;

  @Option(names = "--no-sample", description = "Do not seed an empty store with the sample corpus.")
  boolean noSample;

  @Option(names = "--feed", paramLabel = "URL", description = "A feed to poll besides the profile's (repeatable).")
  List<String> extraFeeds = new ArrayList<>();

  @Option(names = "--no-profile-feeds", description = "Do not poll the watch profile's feeds.")
  boolean noProfileFeeds;

  /** --allow-private-addresses, --politeness. */
  @Mixin FetchOptions fetchOptions;

  @Option(names = "--serve", description = "Also serve the analyst workbench (see serve) from this process while watching.")
  boolean serve;

  @Mixin ServeCommand.Listen listen;

  /** How often pending alerts are looked for and sent while watching. */
  static final Duration ALERT_SWEEP = Duration.ofSeconds(1);

  /** The feeds' ETag / Last-Modified, kept in the store folder across restarts. */
  static final String FEED_STATES = "feeds.properties";

  @Spec CommandSpec spec;

  /**
   * Held by each pass over the sources and by each edit from the workbench ({@code --serve}): the
   * two write through the one store and its one connection, never at once.
   */
  private final ReentrantLock writing = new ReentrantLock();

  /** Problems already reported by an earlier poll, reported once only. */
  private final java.util.Set<String> reported = new java.util.HashSet<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HttpFetcher.Options fetch = fetchOptions.fetcher();
    try (Store store = options.open();
        Progress progress = new Progress(err);
        HttpFetcher fetcher = new HttpFetcher(fetch);
        Deliverer alerts = Deliverer.beside(store)) {
      Extractor extractor = options.extractor();
      Workbench workbench = serve ? listen.start(store, StoreWriter.sharing(store, writing), options, out) : null;
      try {
        if (!once) {
          // alerts decided by a pass (and any left from before a restart) go out within a second of its commit
          alerts.start(ALERT_SWEEP);
        }
        watch(out, store, extractor, progress, feedSource(fetcher, store));
        if (once) {
          Deliverer.Sweep sweep = alerts.deliverDue();
          if (sweep.attempted() > 0) {
            out.printf("alerts: %d delivered, %d to be retried, %d failed (see watchfloor alert list)%n",
                sweep.delivered(), sweep.retrying(), sweep.failed());
            out.flush();
          }
        }
      } finally {
        if (workbench != null) {
          workbench.stop();
        }
      }
      return Main.OK;
    }
  }

  private FeedSource feedSource(HttpFetcher fetcher, Store store) {
    return new FeedSource(fetcher, FeedStates.in(store.dir().resolve(FEED_STATES)));
  }

  private void watch(PrintWriter out, Store store, Extractor extractor, Progress progress, FeedSource feedSource)
      throws IOException, InterruptedException {
    if (settleMillis < 0) {
      throw new WatchfloorException.BadInput("--settle must not be negative");
    }
    Path watched = inbox != null ? inbox : store.dir().resolve("inbox");
    Files.createDirectories(watched);
    Inbox box = new Inbox(watched, Duration.ofMillis(settleMillis), Clock.systemUTC());
    Duration look = Duration.ofSeconds(Math.max(1, interval));
    FeedSchedule schedule = new FeedSchedule(Clock.systemUTC());
    if (!noProfileFeeds) {
      options.loadProfile().feeds().forEach(f -> schedule.add(f.url(), f.interval() != null ? f.interval() : look));
    }
    extraFeeds.forEach(f -> schedule.add(f, look));
    List<String> feeds = schedule.feeds();
    boolean first = true;
    out.printf("watching %s%s every %d s%s%n", watched,
        feeds.isEmpty() ? "" : " and " + feeds.size() + " feed" + (feeds.size() == 1 ? "" : "s"),
        interval, once ? " (one pass)" : "; Ctrl-C stops");
    out.printf("list the events with: watchfloor events --store %s%n", store.location().name());
    out.flush();
    do {
      writing.lock();
      try {
        first = pass(out, store, extractor, progress, feedSource, box, schedule.due(), first);
      } finally {
        writing.unlock();
      }
      if (!once) {
        // the inbox every --interval, and a feed of a shorter interval of its own when it is due
        Duration untilFeed = schedule.untilNext();
        Duration wait = untilFeed == null || untilFeed.compareTo(look) >= 0 ? look : untilFeed;
        Thread.sleep(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
      }
    } while (!once);
  }

  /** One look at the feeds and the inbox; false once the first pass is done. */
  private boolean pass(PrintWriter out, Store store, Extractor extractor, Progress progress, FeedSource feedSource,
      Inbox box, List<String> feeds, boolean first) throws IOException, InterruptedException {
    boolean anyFeedRead = pollFeeds(out, feeds, feedSource, store, extractor, progress);
    if (first && !noSample && !anyFeedRead && store.count("articles") == 0) {
      out.println("store is empty and no source has articles yet: ingesting the bundled sample corpus");
      out.flush();
      report(out, new Pipeline(store, extractor, progress).ingest(List.of(SampleCorpus.articles())));
    }
    Inbox.Look look = box.take(new Pipeline(store, extractor, progress));
    report(out, look);
    if (once && !look.waiting().isEmpty()) {
      // one pass still takes what was dropped just before it, once it has settled
      out.printf("waiting %d ms for %d inbox file%s still being written%n", box.settle().toMillis(),
          look.waiting().size(), look.waiting().size() == 1 ? "" : "s");
      out.flush();
      Thread.sleep(box.settle().plusMillis(50));
      look = box.take(new Pipeline(store, extractor, progress));
      report(out, look);
      for (Path f : look.waiting()) {
        out.printf("left in the inbox, still being written: %s%n", f.getFileName());
      }
      out.flush();
    }
    return false;
  }

  private static void report(PrintWriter out, Inbox.Look look) {
    if (look.summary() != null) {
      report(out, look.summary());
    }
    for (Path f : look.changed()) {
      out.printf("left in the inbox, changed while it was read: %s%n", f.getFileName());
    }
    for (Path f : look.busy()) {
      out.printf("left in the inbox, the store was busy with another writer: %s (read again at the next look)%n",
          f.getFileName());
    }
    out.flush();
  }

  /** Polls every feed once; true when at least one feed answered (with items or 304). */
  private boolean pollFeeds(PrintWriter out, List<String> feeds, FeedSource source, Store store,
      Extractor extractor, Progress progress) {
    if (feeds.isEmpty()) {
      return false;
    }
    int[] counts = new int[FeedSource.Outcome.values().length];
    IngestSummary summary = new Pipeline(store, extractor, progress).ingest(List.of(), sink -> {
      DocumentSink once = new DocumentSink() {
        @Override
        public void accept(RawDocument document) {
          sink.accept(document);
        }

        @Override
        public void problem(Problem problem) {
          // A feed that stays down would otherwise fill the quarantine with one line a poll.
          if (reported.add(problem.message())) {
            sink.problem(problem);
          }
        }
      };
      for (String feed : feeds) {
        counts[source.poll(feed, once).ordinal()]++;
      }
    });
    source.remember(); // (the pipeline has committed the polls' articles)
    out.printf("feeds: %d read, %d not modified, %d failed%n", counts[FeedSource.Outcome.READ.ordinal()],
        counts[FeedSource.Outcome.NOT_MODIFIED.ordinal()], counts[FeedSource.Outcome.FAILED.ordinal()]);
    if (counts[FeedSource.Outcome.READ.ordinal()] > 0) {
      report(out, summary);
    } else {
      out.flush();
    }
    return counts[FeedSource.Outcome.FAILED.ordinal()] < feeds.size();
  }

  private static void report(PrintWriter out, IngestSummary s) {
    out.printf("ingested %d articles (%d already stored, %d failed), %d events touched%n",
        s.stored(), s.duplicates(), s.problemCount(), s.eventsTouched());
    out.flush();
  }
}
