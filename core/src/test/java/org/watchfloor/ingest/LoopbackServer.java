package org.watchfloor.ingest;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on 127.0.0.1 for one test: paths answered by handlers, requests recorded. */
public final class LoopbackServer implements AutoCloseable {

  /** What the server saw of one request. */
  public record Seen(String path, Map<String, List<String>> headers) {

    String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  public final List<Seen> requests = new CopyOnWriteArrayList<>();

  public LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Seen(path, Map.copyOf(copy(exchange.getRequestHeaders()))));
        Handler h = handlers.get(path);
        if (h == null) {
          exchange.sendResponseHeaders(404, -1);
        } else {
          h.handle(exchange);
        }
      } catch (IOException e) {
        // the client hung up (a capped read): nothing to answer
      }
    });
    server.start();
  }

  private static Map<String, List<String>> copy(Headers h) {
    Map<String, List<String>> m = new java.util.HashMap<>();
    h.forEach((k, v) -> m.put(k, List.copyOf(v)));
    return m;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  LoopbackServer on(String path, Handler handler) {
    handlers.put(path, handler);
    return this;
  }

  public LoopbackServer page(String path, String contentType, String body) {
    return on(path, ex -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  LoopbackServer redirect(String path, String location) {
    return on(path, ex -> {
      ex.getResponseHeaders().add("Location", location);
      ex.sendResponseHeaders(302, -1);
    });
  }

  public List<Seen> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** An article page of our own words, long enough for the extractor to take as an article. */
  public static String article(String title, String sentence) {
    String para = ("<p>" + sentence + " Officials in Seoul said the launch was tracked from the coast and"
        + " that the data would be shared with partners. Analysts said the test fitted a pattern of"
        + " weapons trials held through the year.</p>\n");
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
        + "<meta property=\"og:title\" content=\"" + title + "\">"
        + "<meta property=\"article:published_time\" content=\"2025-05-08T09:30:00+09:00\"></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>" + title + "</h1>"
        + para + para.replace("Analysts", "Experts") + "</article><footer>Copyright</footer></body></html>";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
