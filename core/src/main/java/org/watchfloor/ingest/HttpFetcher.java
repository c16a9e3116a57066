package org.watchfloor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Fetches web pages and feeds with bounded cost: connect and total timeouts, a cap on the body
 * (streamed and decompressed under the cap, so a huge page or a gzip bomb stops at the limit),
 * a redirect limit with every hop re-checked by the {@link AddressGuard}, and a politeness delay
 * between two requests to the same host.
 *
 * <p>Redirects are followed here rather than by the JDK client, because the client would follow
 * them without letting us check where each hop leads.
 */
public final class HttpFetcher implements AutoCloseable {

  /**
   * Limits of a fetcher.
   *
   * @param connectTimeout to open a connection
   * @param totalTimeout for one request, from sending it to the last byte of the body
   * @param maxBytes the largest body accepted, after decompression
   * @param maxRedirects hops followed before giving up
   * @param politeness least time between two requests to one host
   * @param allowPrivateAddresses whether loopback, private and link-local hosts may be reached
   */
  public record Options(
      Duration connectTimeout,
      Duration totalTimeout,
      long maxBytes,
      int maxRedirects,
      Duration politeness,
      boolean allowPrivateAddresses) {

    public static Options defaults() {
      return new Options(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5,
          Duration.ofSeconds(1), false);
    }

    public Options withAllowPrivateAddresses(boolean allow) {
      return new Options(connectTimeout, totalTimeout, maxBytes, maxRedirects, politeness, allow);
    }

    public Options withPoliteness(Duration delay) {
      return new Options(connectTimeout, totalTimeout, maxBytes, maxRedirects, delay, allowPrivateAddresses);
    }

    public Options withMaxBytes(long bytes) {
      return new Options(connectTimeout, totalTimeout, bytes, maxRedirects, politeness, allowPrivateAddresses);
    }
  }

  /**
   * What a server answered: 200 with a body, or 304 Not Modified with an empty one.
   *
   * @param uri the URL finally fetched, after redirects
   * @param headers response headers, names in lower case, first value of each
   */
  record Response(URI uri, int status, Map<String, String> headers, byte[] body) {

    @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private static final String AGENT = "Watchfloor/0.1 (news monitoring; +https://example.org/watchfloor)";

  private final Options options;
  private final AddressGuard guard;
  private final HttpClient client;
  private final Clock clock;
  private final Map<String, Long> nextAllowed = new HashMap<>();
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "watchfloor-fetch-timeout");
        t.setDaemon(true);
        return t;
      });

  public HttpFetcher(Options options) {
    this(options, new AddressGuard(options.allowPrivateAddresses()), Clock.systemUTC());
  }

  HttpFetcher(Options options, AddressGuard guard, Clock clock) {
    this(options, guard, clock, null);
  }

  /**
   * A fetcher whose requests all go through {@code proxy} (the system's proxy settings when
   * null): tests send everything to a loopback server, so that a request the guard should have
   * refused is seen there instead of leaving the machine.
   */
  HttpFetcher(Options options, AddressGuard guard, Clock clock, java.net.@Nullable ProxySelector proxy) {
    this.options = options;
    this.guard = guard;
    this.clock = clock;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1);
    if (proxy != null) {
      builder.proxy(proxy);
    }
    this.client = builder.build();
  }

  public Options options() {
    return options;
  }

  /** GETs a URL, following redirects, with extra request headers (conditional GET). */
  Response get(String url, Map<String, String> requestHeaders) throws FetchException {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (java.net.URISyntaxException e) {
      throw new FetchException("not a valid URL: " + e.getMessage());
    }
    Set<URI> seen = new LinkedHashSet<>();
    for (int hop = 0; ; hop++) {
      guard.check(uri);
      if (!seen.add(uri)) {
        throw new FetchException("redirect loop: " + uri + " was already visited");
      }
      Response r = once(uri, requestHeaders);
      if (r.status() >= 300 && r.status() < 400 && r.status() != 304) {
        String location = r.header("location");
        if (location == null) {
          throw new FetchException("HTTP " + r.status() + " without a Location header from " + uri);
        }
        if (hop >= options.maxRedirects()) {
          throw new FetchException("too many redirects (more than " + options.maxRedirects() + ")");
        }
        try {
          uri = uri.resolve(new URI(location.strip()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          throw new FetchException("bad redirect Location '" + location + "'");
        }
        continue;
      }
      if (r.status() != 200 && r.status() != 304) {
        throw new FetchException("HTTP " + r.status() + (r.uri().equals(uri) ? "" : " from " + r.uri()));
      }
      return r;
    }
  }

  private Response once(URI uri, Map<String, String> requestHeaders) throws FetchException {
    waitTurn(uri.getHost());
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(options.totalTimeout())
        .header("User-Agent", AGENT)
        .header("Accept-Encoding", "gzip, deflate");
    requestHeaders.forEach(request::header);
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new FetchException("timed out after " + options.totalTimeout().toSeconds() + " s", e);
    } catch (IOException e) {
      throw new FetchException("cannot connect: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted", e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> {
      if (!v.isEmpty()) {
        headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
      }
    });
    int status = response.statusCode();
    try (InputStream raw = response.body()) {
      if (status != 200) {
        return new Response(uri, status, headers, new byte[0]);
      }
      long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
      if (declared > options.maxBytes() && !headers.containsKey("content-encoding")) {
        throw new FetchException("body too large: " + declared + " bytes declared, limit " + options.maxBytes());
      }
      return new Response(uri, status, headers, readCapped(raw, headers.get("content-encoding")));
    } catch (IOException e) {
      throw new FetchException("cannot read the body: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the body, decompressed, stopping one byte past the cap; a watchdog closes the stream
   * when the total timeout passes, since a slow server can otherwise stall a read forever.
   */
  private byte[] readCapped(InputStream raw, @Nullable String encoding) throws FetchException, IOException {
    ScheduledFuture<?> alarm = watchdog.schedule(() -> {
      try {
        raw.close();
      } catch (IOException ignored) {
        // closing is only to wake the reader
      }
    }, options.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
    long started = System.nanoTime();
    try {
      InputStream in = decoder(raw, encoding);
      long limit = options.maxBytes();
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        throw new FetchException("body too large: over the limit of " + limit + " bytes"
            + (encoding == null ? "" : " after " + encoding + " decompression") + "; stopped reading there");
      }
      return body;
    } catch (IOException e) {
      if (System.nanoTime() - started >= options.totalTimeout().toNanos()) {
        throw new FetchException("timed out reading the body after " + options.totalTimeout().toSeconds() + " s", e);
      }
      throw e;
    } finally {
      alarm.cancel(false);
    }
  }

  private static InputStream decoder(InputStream raw, @Nullable String encoding) throws FetchException, IOException {
    if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
      return raw;
    }
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    return switch (e) {
      case "gzip", "x-gzip" -> new GZIPInputStream(raw);
      case "deflate" -> new InflaterInputStream(raw);
      default -> throw new FetchException("unsupported Content-Encoding '" + encoding + "'");
    };
  }

  private void waitTurn(String host) throws FetchException {
    long delay = options.politeness().toMillis();
    if (delay <= 0) {
      return;
    }
    String key = host.toLowerCase(Locale.ROOT);
    long now = clock.millis();
    long at;
    synchronized (nextAllowed) {
      at = Math.max(now, nextAllowed.getOrDefault(key, 0L));
      nextAllowed.put(key, at + delay);
    }
    if (at > now) {
      try {
        Thread.sleep(at - now);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException("interrupted", e);
      }
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    client.close();
  }
}
