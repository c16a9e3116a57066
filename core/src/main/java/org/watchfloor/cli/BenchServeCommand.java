package org.watchfloor.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.watchfloor.bench.IngestBeside;
import org.watchfloor.bench.ServeLoad;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.serve.api.StoreReads;
import org.watchfloor.serve.web.Workbench;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor bench serve}: a bounded loopback load on the workbench, with latency percentiles per endpoint. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Puts a bounded load on the workbench: N closed-loop clients for T seconds, a mix of event",
        "pages and JSON, event lists, searches, entity pages and the timeline, over loopback; prints",
        "requests per second, p50/p95/p99 and errors per endpoint. Serves the store itself, or loads the",
        "server at --url (another version, say). --ingest FILE ingests articles into the served store",
        "meanwhile (as run --serve does), to measure reads during an ingest: load a copy of the store."})
final class BenchServeCommand implements Callable<Integer> {

  @Mixin StoreOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL",
      description = "Load the workbench already serving at this address instead of serving the store here.")
  URI url;

  @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup", defaultValue = "5", description = "Seconds of load before measuring (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--export", description = "One more client downloads the whole record as CSV again and again meanwhile.")
  boolean export;

  @Option(names = "--ingest", paramLabel = "FILE",
      description = "When serving here: ingest this JSON Lines file of articles into the store while the load runs"
          + " (what it stores stays: load a copy of the store).")
  Path ingest;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed of the clients' choices (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--read-connections", paramLabel = "N",
      description = "When serving here: read-only store connections (default: two per core).")
  Integer readConnections;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (clients < 1 || clients > 1024 || seconds < 1 || warmup < 0) {
      spec.commandLine().getErr().println("error: --clients must be 1 to 1024, --seconds at least 1, --warmup at least 0");
      return Main.USAGE;
    }
    if (url != null) {
      if (ingest != null) {
        spec.commandLine().getErr().println("error: --ingest ingests into the store served here; it cannot go with --url");
        return Main.USAGE;
      }
      return load(url, out, null);
    }
    // the ingest's store opens first: opening to write brings an older store's schema up to date
    try (Store writing = ingest == null ? null : options.open(); Store store = options.openToRead()) {
      Workbench workbench = Workbench.over(store, options.loadProfile(),
          readConnections == null ? StoreReads.DEFAULT_CONNECTIONS : readConnections, StoreWriter.opening(store.location(), store.dir()))
          .start("127.0.0.1", 0);
      try {
        return load(URI.create("http://127.0.0.1:" + workbench.port()), out, writing);
      } finally {
        workbench.stop();
      }
    }
  }

  private int load(URI base, PrintWriter out, @Nullable Store writing) throws Exception {
    ServeLoad load = new ServeLoad(base);
    load.discover(5000);
    out.printf(Locale.ROOT, "loading %s: %d clients, %d s measured after %d s of warm-up, %d event ids%s%s%n", base, clients,
        seconds, warmup, load.events(), export ? ", one client exporting the whole record meanwhile" : "",
        writing != null ? ", ingesting " + ingest + " meanwhile" : "");
    out.flush();
    ServeLoad.Report report;
    IngestBeside.Done ingested = null;
    if (writing == null) {
      report = load.run(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), seed, export);
    } else {
      try (IngestBeside beside = IngestBeside.start(writing, options.extractor(), ingest)) {
        report = load.run(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), seed, export);
        ingested = beside.stop();
      }
    }
    out.print(ServeLoad.table(report));
    if (ingested != null) {
      out.print(ingested.line());
    }
    out.flush();
    return Main.OK;
  }
}
