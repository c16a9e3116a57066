package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.watchfloor.alert.Deliverer;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FeedSource;
import org.watchfloor.ingest.FeedStates;
import org.watchfloor.ingest.HttpFetcher;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.ingest.SampleCorpus;
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
 * across restarts) and the store's inbox folder, where any file dropped in is ingested once. An
 * empty store whose feeds could not be read is seeded with the bundled sample corpus. Alerts the
 * passes decide are delivered by a {@link Deliverer} on a thread of its own, every second.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"The main job: poll the watch profile's RSS/Atom feeds (and any --feed) every interval,",
        "and watch the inbox folder (default: <store>/inbox), ingesting every article file that",
        "appears in it; ingested files move to inbox/processed, files that could not be ingested to",
        "inbox/failed. When the store is empty and no feed could be read, the bundled sample corpus",
        "is ingested instead. Alerts (see alert) are delivered as they are decided, and any left pending",
        "by an earlier run are delivered on start."})
final class RunCommand implements Callable<Integer> {

  @Mixin StoreOptions options;

  @Option(names = "--inbox", paramLabel = "DIR", description = "Folder to watch (default: <store>/inbox).")
  Path inbox;

  @Option(names = "--interval", defaultValue = "10", paramLabel = "SECONDS",
      description = "Seconds between looks at the sources (default: ${DEFAULT-VALUE}).")
  int interval;

  @Option(names = "--once", description = "Do one pass over the sources and stop.")
  boolean once;

  @Option(names = "--no-sample", description = "Do not seed an empty store with the sample corpus.")
  boolean noSample;

  @Option(names = "--feed", paramLabel = "URL", description = "A feed to poll besides the profile's (repeatable).")
  List<String> extraFeeds = new ArrayList<>();

  @Option(names = "--no-profile-feeds", description = "Do not poll the watch profile's feeds.")
  boolean noProfileFeeds;

  @Option(names = "--allow-private-addresses",
      description = "Allow fetching from loopback, private and link-local addresses (for tests on a local server).")
  boolean allowPrivate;

  @Option(names = "--politeness", paramLabel = "MS", defaultValue = "1000",
      description = "Least milliseconds between two requests to one host (default: ${DEFAULT-VALUE}).")
  long politenessMillis;

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
    HttpFetcher.Options fetch = HttpFetcher.Options.defaults()
        .withAllowPrivateAddresses(allowPrivate)
        .withPoliteness(Duration.ofMillis(Math.max(0, politenessMillis)));
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
    Path watched = inbox != null ? inbox : store.dir().resolve("inbox");
    Files.createDirectories(watched);
    List<String> feeds = new ArrayList<>();
    if (!noProfileFeeds) {
      options.loadProfile().feeds().forEach(f -> feeds.add(f.url()));
    }
    feeds.addAll(extraFeeds);
    boolean first = true;
    out.printf("watching %s%s every %d s%s%n", watched,
        feeds.isEmpty() ? "" : " and " + feeds.size() + " feed" + (feeds.size() == 1 ? "" : "s"),
        interval, once ? " (one pass)" : "; Ctrl-C stops");
    out.printf("list the events with: watchfloor events --store %s%n", store.dir());
    out.flush();
    do {
      writing.lock();
      try {
        first = pass(out, store, extractor, progress, feedSource, watched, feeds, first);
      } finally {
        writing.unlock();
      }
      if (!once) {
        Thread.sleep(Duration.ofSeconds(Math.max(1, interval)));
      }
    } while (!once);
  }

  /** One look at the feeds and the inbox; false once the first pass is done. */
  private boolean pass(PrintWriter out, Store store, Extractor extractor, Progress progress, FeedSource feedSource,
      Path watched, List<String> feeds, boolean first) throws IOException {
    boolean anyFeedRead = pollFeeds(out, feeds, feedSource, store, extractor, progress);
    if (first && !noSample && !anyFeedRead && store.count("articles") == 0) {
      out.println("store is empty and no source has articles yet: ingesting the bundled sample corpus");
      out.flush();
      report(out, new Pipeline(store, extractor, progress).ingest(List.of(SampleCorpus.articles())));
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(watched)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    if (!files.isEmpty()) {
      IngestSummary summary = new Pipeline(store, extractor, progress).ingest(files);
      report(out, summary);
      for (Path f : files) {
        boolean failed = summary.problems().stream().anyMatch(p -> p.source().startsWith(f.toString()));
        Path to = watched.resolve(failed ? "failed" : "processed");
        Files.createDirectories(to);
        Files.move(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return false;
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
        s.stored(), s.duplicates(), s.problems().size(), s.eventsTouched());
    out.flush();
  }
}
