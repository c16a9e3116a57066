package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The security headers are on every response: pages, the API, errors of the workbench, and the
 * errors Jetty answers itself before any route runs (a request line it cannot parse, headers too
 * large). The raw requests go over a socket, since an HTTP client refuses to send them.
 */
class SecurityHeadersTest extends SampleServerTest {

  /** A response as it came over the wire: the status and the headers, names in lower case. */
  private record Raw(int status, Map<String, String> headers) {}

  private Raw raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", workbench.port())) {
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
      return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers);
    }
  }

  private static void assertSecurityHeaders(Map<String, String> headers) {
    assertThat(headers.get("content-security-policy")).isEqualTo(Workbench.CONTENT_SECURITY_POLICY);
    assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
    assertThat(headers.get("x-frame-options")).isEqualTo("DENY");
    assertThat(headers.get("referrer-policy")).isEqualTo("no-referrer");
  }

  @Test
  void aRequestLineJettyCannotParseIsAnsweredWithTheHeaders() throws Exception {
    Raw r = raw("GET /\u0001bad HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(400);
    assertSecurityHeaders(r.headers());
  }

  @Test
  void headersTooLargeAreAnsweredWithTheHeaders() throws Exception {
    Raw r = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(431);
    assertSecurityHeaders(r.headers());
  }

  @Test
  void aMissingHostIsAnsweredWithTheHeaders() throws Exception {
    Raw r = raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(400);
    assertSecurityHeaders(r.headers());
  }

  @Test
  void pagesTheApiAndTheWorkbenchsOwnErrorsCarryTheHeaders() throws Exception {
    for (String path : List.of("/", "/login", "/assets/app.css", "/api/v1/events", "/api/v1/events/nope", "/no/such/page",
        "/search?q=AND+(")) {
      assertSecurityHeaders(firstValues(http.get(path).headers().map()));
    }
    assertSecurityHeaders(firstValues(http.send("/api/v1/events",
        b -> b.POST(HttpRequest.BodyPublishers.ofString("x".repeat((int) Workbench.MAX_REQUEST_BYTES + 1)))).headers().map()));
  }

  private static Map<String, String> firstValues(Map<String, List<String>> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    return out;
  }
}
