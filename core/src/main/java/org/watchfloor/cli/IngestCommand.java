package org.watchfloor.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.watchfloor.budget.Deadline;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FeedSource;
import org.watchfloor.ingest.FeedStates;
import org.watchfloor.ingest.GdeltFilter;
import org.watchfloor.ingest.GdeltSource;
import org.watchfloor.ingest.HttpFetcher;
import org.watchfloor.ingest.UrlSource;
import org.jspecify.annotations.Nullable;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.profile.GdeltDef;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor ingest PATH|URL… [--feed URL]… [--gdelt FILE]…}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Ingest articles from files and folders (plain text with or without a header block,",
        "HTML, JSON Lines, gzip-compressed too; WARC archives .warc/.warc.gz), from web pages by URL,",
        "from RSS/Atom feeds (--feed) and from GDELT 2.0 event/mention exports (--gdelt), whose",
        "article URLs about the watched country are fetched. Only http and https are fetched, and",
        "never from a loopback, private or link-local address unless --allow-private-addresses.",
        "Re-ingesting the same article changes nothing. An input that cannot be ingested is",
        "reported on one line naming it, the rest go on, and the exit code is 1."})
final class IngestCommand implements Callable<Integer> {

  @Mixin StoreOptions options;

  @Parameters(arity = "0..*", paramLabel = "PATH|URL",
      description = "Files, folders, WARC files or http(s) URLs of pages to ingest.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed to read (repeatable).")
  List<String> feeds = new ArrayList<>();

  @Option(names = "--gdelt", paramLabel = "FILE",
      description = "A GDELT 2.0 events or mentions export (.CSV or .zip) whose watched articles to fetch (repeatable).")
  List<Path> gdelt = new ArrayList<>();

  @Option(names = "--gdelt-country", paramLabel = "CAMEO",
      description = "Actor country codes that select GDELT rows (repeatable), instead of the profile's"
          + " (gdelt actor_countries; the dprk profile's: PRK); its places and URL terms still select rows too.")
  List<String> gdeltCountries = new ArrayList<>();

  /** --allow-private-addresses, --politeness. */
  @Mixin FetchOptions fetchOptions;

  @Option(names = "--document-budget", paramLabel = "SECONDS", defaultValue = "" + Deadline.DEFAULT_SECONDS,
      description = "Most seconds one document may take in parsing, flagging and extraction; one that takes"
          + " longer is set aside as failed, with its reason, and the rest go on (default: ${DEFAULT-VALUE}).")
  double documentBudgetSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (inputs.isEmpty() && feeds.isEmpty() && gdelt.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Give at least one PATH or URL, --feed URL or --gdelt FILE");
    }
    List<Path> paths = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (String in : inputs) {
      if (UrlSource.looksLikeUrl(in)) {
        urls.add(in);
      } else {
        paths.add(Path.of(in));
      }
    }
    @Nullable GdeltFilter gdeltFilter = gdelt.isEmpty() ? null : gdeltFilter();
    long start = System.nanoTime();
    HttpFetcher.Options fetch = fetchOptions.fetcher();
    try (Store store = options.open();
        Progress progress = new Progress(spec.commandLine().getErr());
        HttpFetcher fetcher = new HttpFetcher(fetch)) {
      IngestSummary s = new Pipeline(store, options.extractor(), progress)
          .documentBudget(documentBudget())
          .ingest(paths, sink -> readWeb(fetcher, urls, gdeltFilter, sink));
      double seconds = (System.nanoTime() - start) / 1e9;
      spec.commandLine().getOut().printf(java.util.Locale.ROOT,
          "ingested %d articles (%d already stored, %d failed), %d reports, %d events touched in %.1f s; store %s%n",
          s.stored(), s.duplicates(), s.problemCount(), s.reports(), s.eventsTouched(), seconds, store.location().name());
      if (!s.passedOver().isEmpty()) {
        spec.commandLine().getOut().println("passed over (no article in them): " + s.passedOverText());
      }
      return s.problemCount() == 0 ? Main.OK : Main.BAD_INPUT;
    }
  }

  private Duration documentBudget() {
    if (!(documentBudgetSeconds > 0) || documentBudgetSeconds > Duration.ofDays(1).toSeconds()) {
      throw new ParameterException(spec.commandLine(),
          "--document-budget must be more than 0 and at most a day of seconds: " + documentBudgetSeconds);
    }
    return Duration.ofNanos(Math.round(documentBudgetSeconds * 1e9));
  }

  /**
   * The rows of the GDELT exports to fetch: the profile's ({@code gdelt} in profile.yaml), with
   * {@code --gdelt-country}'s actor countries instead of its own; decided before anything is read.
   */
  private GdeltFilter gdeltFilter() {
    GdeltDef watch = options.loadProfile().gdelt();
    if (watch.isEmpty() && gdeltCountries.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--gdelt: the profile " + options.profile()
          + " has no gdelt section saying which rows concern it; add one, or give --gdelt-country");
    }
    GdeltFilter filter = GdeltFilter.of(watch);
    return gdeltCountries.isEmpty() ? filter : filter.withActorCountries(Set.copyOf(gdeltCountries));
  }

  private void readWeb(HttpFetcher fetcher, List<String> urls, @Nullable GdeltFilter gdeltFilter, DocumentSink sink) {
    UrlSource pages = new UrlSource(fetcher);
    for (String url : urls) {
      pages.read(url, sink);
    }
    FeedSource feedSource = new FeedSource(fetcher, FeedStates.inMemory());
    for (String feed : feeds) {
      feedSource.poll(feed, sink);
    }
    if (gdeltFilter != null) {
      for (String url : new GdeltSource(gdeltFilter).urls(gdelt, sink)) {
        pages.read(url, sink);
      }
    }
  }
}
