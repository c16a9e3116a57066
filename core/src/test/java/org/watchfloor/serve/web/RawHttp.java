package org.watchfloor.serve.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte over a socket, for what an HTTP client refuses to send (a
 * request line Jetty cannot parse, a {@code Host} header of another name): the response's status
 * and headers, names in lower case, and as much of its body as came before the server closed.
 */
final class RawHttp {

  record Response(int status, Map<String, String> headers, String body) {}

  private RawHttp() {}

  /** Sends {@code request} (which should say {@code Connection: close}) to the port and reads the answer. */
  static Response send(int port, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != -1) {
        head.write(c);
        if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
          break;
        }
      }
      String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
      }
      String body = "";
      if (!headers.containsKey("content-length") || !headers.get("content-length").equals("0")) {
        try {
          body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (java.net.SocketTimeoutException ignored) {
          // the body so far is enough for the tests
        }
      }
      return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
  }

  /** A GET of {@code path} naming {@code host} in its Host header. */
  static Response get(int port, String path, String host) throws IOException {
    return send(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  }
}
