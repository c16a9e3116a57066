package org.watchfloor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A news site on 127.0.0.1 for benchmarks and tests: an RSS 2.0 feed at {@code /feed.xml} listing
 * the latest items, newest first as news feeds do (or oldest first, so that a reader takes them in
 * the order they were published whatever its polls see together), and each item's article page.
 * The feed answers {@code If-None-Match} with 304 while nothing was published, as real feeds do, so
 * a poller's conditional GET is exercised; items are published one at a time while it runs.
 */
public final class FeedServer implements AutoCloseable {

  /** One published item: its page's path, and when it appeared in the feed ({@link System#nanoTime()}). */
  public record Item(String path, String title, Instant published, long appearedNanos) {}

  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final int window;
  private final boolean newestFirst;
  private final List<Item> items = new ArrayList<>();
  private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
  private final AtomicInteger feedRequests = new AtomicInteger();

  /** A server whose feed lists the latest {@code window} items, newest first or oldest first. */
  public FeedServer(int window, boolean newestFirst) throws IOException {
    if (window < 1) {
      throw new IllegalArgumentException("the feed window must be at least one item, not " + window);
    }
    this.window = window;
    this.newestFirst = newestFirst;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  public String feedUrl() {
    return url("/feed.xml");
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** How many times the feed was asked for (answered 200 or 304). */
  public int feedRequests() {
    return feedRequests.get();
  }

  /** Publishes an article: its page is served from now, and it heads the feed. */
  public Item publish(String path, String title, String html, Instant published) {
    pages.put(path, html.getBytes(StandardCharsets.UTF_8));
    synchronized (items) {
      Item item = new Item(path, title, published, System.nanoTime());
      items.add(item);
      return item;
    }
  }

  private void answer(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/feed.xml")) {
        feedRequests.incrementAndGet();
        List<Item> latest;
        synchronized (items) {
          latest = new ArrayList<>(items.subList(Math.max(0, items.size() - window), items.size()));
        }
        String etag = "\"" + (latest.isEmpty() ? 0 : items.size()) + "\"";
        ex.getResponseHeaders().add("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          ex.sendResponseHeaders(304, -1);
          return;
        }
        if (newestFirst) {
          Collections.reverse(latest);
        }
        send(ex, "application/rss+xml; charset=utf-8", rss(latest));
        return;
      }
      byte[] page = pages.get(path);
      if (page == null) {
        ex.sendResponseHeaders(404, -1);
      } else {
        send(ex, "text/html; charset=utf-8", page);
      }
    } catch (IOException e) {
      // the client hung up: nothing to answer
    }
  }

  private byte[] rss(List<Item> latest) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
        .append("<title>Loopback Wire</title><link>").append(url("/")).append("</link>")
        .append("<description>Items published by a benchmark</description>\n");
    for (Item i : latest) {
      xml.append("<item><title>").append(escape(i.title())).append("</title><link>").append(url(i.path()))
          .append("</link><guid>").append(url(i.path())).append("</guid><pubDate>")
          .append(RFC_1123.format(i.published())).append("</pubDate></item>\n");
    }
    return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
