package org.watchfloor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.watchfloor.WatchfloorException;
import org.watchfloor.cli.Main;

/**
 * The alert latency benchmark: from an item appearing on a local feed server to the webhook call
 * that alerts on it. A fresh store gets one rule (every missile launch, by webhook to a local
 * receiver); {@code watchfloor run} is started as a child process polling the feed, with the given
 * options or else its defaults; items, each a launch of its own day, are published one at a time at
 * seeded random gaps; each item's latency is the time from its appearing in the feed to the first
 * webhook call whose event has it among its reports. The child is the real path: its own JVM, the
 * feed's conditional GET, the article fetch with its politeness delay, ingest, the outbox and the
 * deliverer's sweep. The feed lists the latest items newest first, as news feeds do; as {@code run}
 * fetches every page the feed lists whenever the feed changed, the feed's length bears on latency.
 */
public final class AlertLatency {

  /** What to measure: how many items, their mean gap, how many the feed lists, options for {@code run}. */
  public record Options(int items, Duration every, int feedWindow, List<String> runOptions, Duration drain, long seed) {}

  /** Per item, its latency, or null when no alert came for it within the drain time. */
  public record Report(List<FeedServer.Item> items, List<Duration> latencies, int feedRequests, int calls) {

    public int delivered() {
      return (int) latencies.stream().filter(d -> d != null).count();
    }

    /** The median of the delivered items' latencies (the mean of the two middle ones for an even count). */
    public Duration median() {
      long[] ms = sorted();
      if (ms.length == 0) {
        return null;
      }
      int m = ms.length / 2;
      return Duration.ofMillis(ms.length % 2 == 1 ? ms[m] : (ms[m - 1] + ms[m]) / 2);
    }

    public Duration max() {
      long[] ms = sorted();
      return ms.length == 0 ? null : Duration.ofMillis(ms[ms.length - 1]);
    }

    private long[] sorted() {
      return latencies.stream().filter(d -> d != null).mapToLong(Duration::toMillis).sorted().toArray();
    }
  }

  /** The file in the output folder with one line per item. */
  public static final String ITEMS_FILE = "latency.csv";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 3);

  private AlertLatency() {}

  /** Runs the benchmark in {@code dir} (its store must not exist yet); progress lines go to {@code log}. */
  public static Report measure(Path dir, Options o, PrintWriter log) throws IOException, InterruptedException {
    Path store = dir.resolve("store");
    if (Files.exists(store)) {
      throw new WatchfloorException.BadInput(store + " exists: the benchmark needs a fresh store (give another --out)");
    }
    Files.createDirectories(dir);
    try (FeedServer feed = new FeedServer(o.feedWindow(), true); WebhookLog hook = new WebhookLog()) {
      cli("alert", "config", "alerts.allow-private-targets", "true", "--store", store.toString());
      cli("alert", "add", "launches", "--type", "missile_launch", "--webhook", hook.url(), "--store", store.toString());
      Process run = start(store, feed.feedUrl(), o.runOptions(), dir.resolve("run.log"));
      try {
        // the clock starts once run is polling: a JVM's start is not alert latency
        long ready = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (feed.feedRequests() == 0) {
          if (!run.isAlive() || System.nanoTime() > ready) {
            throw new IllegalStateException("watchfloor run did not poll the feed (exit "
                + (run.isAlive() ? "none yet" : run.exitValue()) + "); see " + dir.resolve("run.log"));
          }
          Thread.sleep(50);
        }
        log.printf(Locale.ROOT, "run is polling %s; publishing %d items, one every %.1f s on average%n",
            feed.feedUrl(), o.items(), o.every().toMillis() / 1000.0);
        log.flush();
        Random random = new Random(o.seed());
        List<FeedServer.Item> items = new ArrayList<>();
        for (int i = 0; i < o.items(); i++) {
          LaunchPages.Page p = LaunchPages.seoul(FIRST_DAY.plusWeeks(i), i);
          items.add(feed.publish(p.path(), p.title(), p.html(), p.published()));
          if (i + 1 < o.items()) {
            // gaps from half to one and a half times the mean, so items fall at every point of a poll interval
            Thread.sleep((long) (o.every().toMillis() * (0.5 + random.nextDouble())));
          }
        }
        long drainEnd = System.nanoTime() + o.drain().toNanos();
        while (System.nanoTime() < drainEnd && latencies(items, hook.calls()).stream().anyMatch(d -> d == null)) {
          if (!run.isAlive()) {
            throw new IllegalStateException("watchfloor run stopped (exit " + run.exitValue() + "); see "
                + dir.resolve("run.log"));
          }
          Thread.sleep(100);
        }
        Report report = new Report(items, latencies(items, hook.calls()), feed.feedRequests(), hook.calls().size());
        write(dir.resolve(ITEMS_FILE), report);
        return report;
      } finally {
        run.destroy();
        run.waitFor();
      }
    }
  }

  /** For each item, the time to the first call whose event reports its page. */
  static List<Duration> latencies(List<FeedServer.Item> items, List<WebhookLog.Call> calls) throws IOException {
    Map<String, Long> firstCall = new HashMap<>();
    for (WebhookLog.Call c : calls) {
      for (JsonNode url : JSON.readTree(c.body()).path("event").path("reports").findValues("url")) {
        firstCall.merge(URI.create(url.asText()).getPath(), c.arrivedNanos(), Math::min);
      }
    }
    List<Duration> out = new ArrayList<>();
    for (FeedServer.Item i : items) {
      Long at = firstCall.get(i.path());
      out.add(at == null ? null : Duration.ofNanos(at - i.appearedNanos()));
    }
    return out;
  }

  private static void write(Path file, Report r) throws IOException {
    List<String> lines = new ArrayList<>(List.of("item,path,latency_ms"));
    for (int i = 0; i < r.items().size(); i++) {
      Duration d = r.latencies().get(i);
      lines.add(i + "," + r.items().get(i).path() + "," + (d == null ? "" : d.toMillis()));
    }
    Files.write(file, lines);
  }

  private static Process start(Path store, String feed, List<String> runOptions, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", "--store", store.toString(), "--feed", feed, "--no-profile-feeds", "--no-sample",
        "--allow-private-addresses"));
    command.addAll(runOptions);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void cli(String... args) {
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", Arrays.asList(args)) + " failed: " + err.toString().strip());
    }
  }
}
