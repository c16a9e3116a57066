package org.watchfloor.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/** A webhook receiver on 127.0.0.1 for one test: answers with the statuses it is given, records every call. */
final class Receiver implements AutoCloseable {

  /** One call as received, and the status it was answered with. */
  record Call(Map<String, List<String>> headers, String body, int status) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }
  }

  private final HttpServer server;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private volatile IntSupplier otherwise = () -> 204;
  private volatile long delayMillis;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", ex -> {
      try (ex) {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
        Integer s = statuses.poll();
        int status = s != null ? s : otherwise.getAsInt();
        calls.add(new Call(Map.copyOf(ex.getRequestHeaders()), body, status));
        ex.sendResponseHeaders(status, -1);
      } catch (InterruptedException | IOException e) {
        // the client gave up waiting: nothing to answer
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Answers these statuses to the next calls, in order, then the default. */
  Receiver answer(Integer... next) {
    statuses.addAll(List.of(next));
    return this;
  }

  Receiver always(int status) {
    otherwise = () -> status;
    return this;
  }

  /** Answers whatever {@code status} says, call by call. */
  Receiver answering(IntSupplier status) {
    otherwise = status;
    return this;
  }

  Receiver delay(long millis) {
    delayMillis = millis;
    return this;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
