package org.watchfloor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.watchfloor.WatchfloorException;

/**
 * A bounded load on a running workbench over loopback: {@code clients} closed-loop clients (each
 * sends its next request when its last is answered) for a fixed time, a mix of the reads analysts
 * make — an event by id as JSON and as a page, event lists with and without filters at random
 * offsets, searches, entity pages, the timeline — and optionally one client downloading the whole
 * record as CSV again and again. Targets (event ids, entities) are read from the server's own API
 * first, so the same load runs against any version of the server. Latencies are kept whole (a
 * few tens of thousands of numbers) and reported as percentiles per endpoint; an error is any
 * answer but 200, or no answer within the request timeout.
 */
public final class ServeLoad {

  /** The figures of one endpoint (or all together) over the measured time. */
  public record Figures(String endpoint, long requests, long errors, double seconds, double p50Ms, double p95Ms,
      double p99Ms, double maxMs) {

    public double perSecond() {
      return requests / seconds;
    }
  }

  /** The figures per endpoint, then all together, and the exports finished meanwhile. */
  public record Report(List<Figures> endpoints, Figures all, int exports, long exportBytes, double exportMeanSeconds) {}

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> SEARCHES = List.of("missile", "launch", "ballistic", "hwasong", "pyongyang",
      "kcna", "submarine", "cruise missile", "satellite", "test fire", "\"ballistic missile\"", "missile AND launch");

  private final URI base;
  private final HttpClient client;
  private final ObjectMapper mapper = new ObjectMapper();
  private final List<String> eventIds = new ArrayList<>();
  private final List<String> entities = new ArrayList<>();
  private long eventTotal;

  /** A load on the workbench at {@code base} ({@code http://127.0.0.1:8080}). */
  public ServeLoad(URI base) {
    this.base = base;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
  }

  private JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request(path), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new WatchfloorException.BadInput(base + path + " answered " + r.statusCode() + ": the load needs a workbench");
    }
    return mapper.readTree(r.body());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build();
  }

  /** Reads up to {@code maxEvents} event ids (spread over the whole record) and the entities the load asks for. */
  public void discover(int maxEvents) throws IOException, InterruptedException {
    JsonNode first = getJson("/api/v1/events?limit=1");
    eventTotal = first.get("total").asLong();
    if (eventTotal == 0) {
      throw new WatchfloorException.BadInput("the store at " + base + " has no events to load");
    }
    long step = Math.max(500, eventTotal / Math.max(1, maxEvents / 500));
    for (long offset = 0; offset < eventTotal && eventIds.size() < maxEvents; offset += step) {
      getJson("/api/v1/events?limit=500&offset=" + Math.min(offset, 1_000_000))
          .get("events").forEach(e -> eventIds.add(e.get("id").asText()));
    }
    getJson("/api/v1/entities?limit=500").get("entities").forEach(e -> entities.add(e.get("id").asText()));
  }

  public int events() {
    return eventIds.size();
  }

  /** The mix: endpoint name, weight and how a random path of it is drawn. */
  private List<Map.Entry<String, Function<Random, String>>> mix() {
    Map<String, Function<Random, String>> m = new LinkedHashMap<>();
    int maxOffset = (int) Math.max(0, Math.min(eventTotal - 50, 2000));
    m.put("event by id (API)", r -> "/api/v1/events/" + pick(eventIds, r));
    m.put("event page (HTML)", r -> "/events/" + pick(eventIds, r));
    m.put("event list (API)", r -> "/api/v1/events?limit=50&offset=" + r.nextInt(maxOffset + 1));
    m.put("event list filtered (API)", r -> "/api/v1/events?limit=50&type=missile_launch&from=20"
        + (15 + r.nextInt(10)) + "-01-01");
    m.put("search (API)", r -> "/api/v1/search?limit=20&q=" + URLEncoder.encode(pick(SEARCHES, r), StandardCharsets.UTF_8));
    m.put("entity (API)", r -> "/api/v1/entities/" + pick(entities, r));
    m.put("timeline (HTML)", r -> "/?offset=" + r.nextInt(maxOffset + 1));
    return new ArrayList<>(m.entrySet());
  }

  /** Relative weights of {@link #mix()}'s endpoints, in its order. */
  private static final int[] WEIGHTS = {25, 10, 15, 10, 20, 10, 10};

  private static String pick(List<String> from, Random r) {
    return from.get(r.nextInt(from.size()));
  }

  /**
   * Runs the load: {@code warmup} unmeasured, then {@code measured}; with {@code export}, one more
   * client downloads {@code /api/v1/export/events?format=csv} in a loop the whole time.
   */
  public Report run(int clients, Duration warmup, Duration measured, long seed, boolean export) throws InterruptedException {
    var mix = mix();
    int total = Arrays.stream(WEIGHTS).sum();
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measured.toNanos();
    List<List<long[]>> perClient = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<long[]> samples = new ArrayList<>();
      perClient.add(samples);
      Random random = new Random(seed * 1000 + c);
      Thread t = new Thread(() -> {
        while (System.nanoTime() < end) {
          int w = random.nextInt(total);
          int k = 0;
          while (w >= WEIGHTS[k]) {
            w -= WEIGHTS[k++];
          }
          String path = mix.get(k).getValue().apply(random);
          long t0 = System.nanoTime();
          boolean ok;
          try {
            HttpResponse<InputStream> r = client.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
              in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            ok = r.statusCode() == 200;
          } catch (IOException e) {
            ok = false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          long t1 = System.nanoTime();
          if (t0 >= measureFrom && t1 <= end) {
            samples.add(new long[] {k, t1 - t0, ok ? 0 : 1});
          }
        }
      }, "load-" + c);
      threads.add(t);
    }
    AtomicLong exportBytes = new AtomicLong();
    List<Long> exportNanos = new ArrayList<>();
    Thread exporter = null;
    if (export) {
      exporter = new Thread(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<InputStream> r = client.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/export/events?format=csv")).timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
              exportBytes.addAndGet(in.transferTo(java.io.OutputStream.nullOutputStream()));
            }
            if (r.statusCode() == 200) {
              synchronized (exportNanos) {
                exportNanos.add(System.nanoTime() - t0);
              }
            }
          } catch (IOException e) {
            // counted as not finished
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }, "load-export");
      exporter.start();
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    if (exporter != null) {
      exporter.join(Duration.ofMinutes(10));
    }
    double seconds = measured.toNanos() / 1e9;
    List<Figures> figures = new ArrayList<>();
    List<long[]> all = perClient.stream().flatMap(List::stream).toList();
    for (int k = 0; k < mix.size(); k++) {
      int kk = k;
      figures.add(figures(mix.get(k).getKey(), all.stream().filter(s -> s[0] == kk).toList(), seconds));
    }
    double exportMean = exportNanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e9;
    return new Report(figures, figures("all", all, seconds), exportNanos.size(), exportBytes.get(), exportMean);
  }

  private static Figures figures(String name, List<long[]> samples, double seconds) {
    long[] nanos = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
    long errors = samples.stream().filter(s -> s[2] != 0).count();
    return new Figures(name, nanos.length, errors, seconds, ms(percentile(nanos, 50)), ms(percentile(nanos, 95)),
        ms(percentile(nanos, 99)), ms(nanos.length == 0 ? 0 : nanos[nanos.length - 1]));
  }

  /** The nearest-rank percentile of sorted values; 0 for none. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** The report as a table, one line per endpoint and one for all. */
  public static String table(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-26s %9s %8s %9s %9s %9s %9s %7s%n", "endpoint", "requests", "req/s",
        "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"));
    List<Figures> rows = new ArrayList<>(report.endpoints());
    rows.add(report.all());
    for (Figures f : rows) {
      sb.append(String.format(Locale.ROOT, "%-26s %9d %8.1f %9.1f %9.1f %9.1f %9.1f %7d%n", f.endpoint(), f.requests(),
          f.perSecond(), f.p50Ms(), f.p95Ms(), f.p99Ms(), f.maxMs(), f.errors()));
    }
    if (report.exports() > 0 || report.exportBytes() > 0) {
      sb.append(String.format(Locale.ROOT, "exports of the whole record (CSV) finished meanwhile: %d, %.1f MB read,"
          + " %.1f s each on average%n", report.exports(), report.exportBytes() / 1e6, report.exportMeanSeconds()));
    }
    return sb.toString();
  }
}
