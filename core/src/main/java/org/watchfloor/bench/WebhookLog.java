package org.watchfloor.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.watchfloor.alert.Webhook;

/** A webhook receiver on 127.0.0.1 for the alert benchmark: answers 204 and records when each call came. */
public final class WebhookLog implements AutoCloseable {

  /** One call: when it arrived ({@link System#nanoTime()}), its idempotency key and its body. */
  public record Call(long arrivedNanos, String key, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  public WebhookLog() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", ex -> {
      try (ex) {
        // the time is taken on arrival, before the body is read: the latency ends with the call
        long now = System.nanoTime();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(now, ex.getRequestHeaders().getFirst(Webhook.IDEMPOTENCY_KEY), body));
        ex.sendResponseHeaders(204, -1);
      } catch (IOException e) {
        // the client gave up: nothing to answer
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
