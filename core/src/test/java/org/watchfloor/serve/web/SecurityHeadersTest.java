package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

  private RawHttp.Response raw(String request) throws IOException {
    return RawHttp.send(workbench.port(), request);
  }

  private static void assertSecurityHeaders(Map<String, String> headers) {
    assertThat(headers.get("content-security-policy")).isEqualTo(Workbench.CONTENT_SECURITY_POLICY);
    assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
    assertThat(headers.get("x-frame-options")).isEqualTo("DENY");
    assertThat(headers.get("referrer-policy")).isEqualTo("same-origin");
  }

  @Test
  void aRequestLineJettyCannotParseIsAnsweredWithTheHeaders() throws Exception {
    RawHttp.Response r = raw("GET /\u0001bad HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(400);
    assertSecurityHeaders(r.headers());
  }

  @Test
  void headersTooLargeAreAnsweredWithTheHeaders() throws Exception {
    RawHttp.Response r = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(431);
    assertSecurityHeaders(r.headers());
  }

  @Test
  void aMissingHostIsAnsweredWithTheHeaders() throws Exception {
    RawHttp.Response r = raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(400);
    assertSecurityHeaders(r.headers());
  }

  @Test
  void pagesTheApiAndTheWorkbenchsOwnErrorsCarryTheHeaders() throws Exception {
    for (String path : List.of("/", "/login", "/assets/app.css", "/api/v1/events", "/api/v1/events/nope", "/no/such/page",
        "/search?q=AND+(")) {
      assertSecurityHeaders(firstValues(http.get(path).headers().map()));
    }
    // the refusal of a body too large comes from its Content-Length alone: the body is not sent, since a
    // client still sending it when the server answers and closes may read a reset instead of the answer
    RawHttp.Response tooLarge = raw("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
        + (Workbench.MAX_REQUEST_BYTES + 1) + "\r\nConnection: close\r\n\r\n");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertSecurityHeaders(tooLarge.headers());
  }

  private static Map<String, String> firstValues(Map<String, List<String>> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    return out;
  }
}
