package org.watchfloor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.bench.AlertLatency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor bench alerts}: alert latency from a feed item appearing to its webhook call, over loopback. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = {"Measures alert latency: serves an RSS feed and a webhook receiver on 127.0.0.1, starts",
        "`watchfloor run` on a fresh store (DIR/store) with one rule (every missile launch, by webhook),",
        "publishes N launch items one at a time, and prints each item's time from appearing in the feed",
        "to the webhook call (median and max, and how many were delivered); DIR/latency.csv has one line",
        "an item and DIR/run.log what run printed. run keeps its defaults unless --run-option says."})
final class BenchAlertsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder; DIR/store must not exist.")
  Path out;

  @Option(names = "--items", defaultValue = "50", description = "Items to publish (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--every", defaultValue = "6", paramLabel = "SECONDS",
      description = "Mean seconds between two items; each gap is drawn from half to one and a half times it"
          + " (default: ${DEFAULT-VALUE}).")
  double every;

  @Option(names = "--feed-window", defaultValue = "20", paramLabel = "N",
      description = "Items the feed lists, newest first (default: ${DEFAULT-VALUE}; news feeds carry 10 to 50). run"
          + " fetches every page the feed lists on each poll that finds it changed, so this bears on the latency.")
  int feedWindow;

  @Option(names = "--run-option", paramLabel = "OPTION",
      description = "An option for `watchfloor run`, as --interval=5 (repeatable; default: none, run's defaults).")
  List<String> runOptions = new ArrayList<>();

  @Option(names = "--drain", defaultValue = "180", paramLabel = "SECONDS",
      description = "Seconds to wait after the last item for alerts still to come (default: ${DEFAULT-VALUE}).")
  int drain;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed of the gaps (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    if (items < 1 || every <= 0 || feedWindow < 1 || drain < 0) {
      spec.commandLine().getErr().println("error: --items and --feed-window must be at least 1, --every positive,"
          + " --drain not negative");
      return Main.USAGE;
    }
    AlertLatency.Report r = AlertLatency.measure(out, new AlertLatency.Options(items,
        Duration.ofMillis(Math.round(every * 1000)), feedWindow, runOptions, Duration.ofSeconds(drain), seed), o);
    o.printf(Locale.ROOT, "alert latency, feed item to webhook call, run %s: %d of %d items delivered",
        runOptions.isEmpty() ? "at its defaults" : String.join(" ", runOptions), r.delivered(), r.items().size());
    if (r.delivered() > 0) {
      o.printf(Locale.ROOT, "; median %.1f s, max %.1f s", r.median().toMillis() / 1000.0, r.max().toMillis() / 1000.0);
    }
    o.printf(Locale.ROOT, " (%d feed requests, %d webhook calls; per item: %s)%n", r.feedRequests(), r.calls(),
        out.resolve(AlertLatency.ITEMS_FILE));
    o.flush();
    return Main.OK;
  }
}
