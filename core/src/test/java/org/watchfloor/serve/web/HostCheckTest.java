package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.serve.auth.Transport;

/**
 * DNS rebinding: a request naming another host in {@code Host} is answered 421 before any handler
 * runs (pages, the API, exports, static files, unknown paths alike), and a write from another
 * origin 403; the server's own names and the public URL's host pass. Raw requests, since an HTTP
 * client will not send a {@code Host} of another name.
 */
class HostCheckTest extends SampleServerTest {

  private static final List<String> PATHS = List.of("/", "/api/v1/events", "/api/v1/export/events?format=json",
      "/assets/app.css", "/no/such/page", "/login", "/search?q=launch");

  @Override
  Workbench workbench() {
    return Workbench.over(store, WatchProfile.load("dprk"), 2,
        StoreWriter.sharing(store, new java.util.concurrent.locks.ReentrantLock()),
        new Transport(URI.create("https://watch.example.org/"), false));
  }

  private RawHttp.Response get(String path, String host) throws Exception {
    return RawHttp.get(workbench.port(), path, host);
  }

  private RawHttp.Response post(String path, String origin) throws Exception {
    String body = "{\"note\": \"x\"}";
    return RawHttp.send(workbench.port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + workbench.port()
        + "\r\nOrigin: " + origin + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
        + "\r\nConnection: close\r\n\r\n" + body);
  }

  @Test
  void anotherHostIsMisdirectedWhateverThePath() throws Exception {
    for (String path : PATHS) {
      for (String host : List.of("evil.example", "evil.example:" + workbench.port(), "localhost.evil.example",
          "127.0.0.1.nip.io", "[::2]", "10.0.0.1")) {
        RawHttp.Response r = get(path, host);
        assertThat(r.status()).as(path + " for " + host).isEqualTo(421);
        assertThat(r.body()).as(path + " for " + host).doesNotContain("missile").doesNotContain("\"events\"");
        assertThat(r.headers().get("content-security-policy")).isEqualTo(Workbench.CONTENT_SECURITY_POLICY);
      }
    }
  }

  @Test
  void anAbsoluteRequestTargetOfAnotherHostIsMisdirected() throws Exception {
    RawHttp.Response r = RawHttp.send(workbench.port(),
        "GET http://evil.example/api/v1/events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isIn(400, 421);
  }

  @Test
  void theServersOwnNamesAndThePublicUrlsHostPass() throws Exception {
    for (String host : List.of("127.0.0.1:" + workbench.port(), "localhost:" + workbench.port(), "LOCALHOST",
        "[::1]:" + workbench.port(), "watch.example.org", "Watch.Example.Org:443")) {
      assertThat(get("/api/v1/events", host).status()).as(host).isEqualTo(200);
      assertThat(get("/assets/app.css", host).status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void aWriteFromAnotherOriginIsForbiddenBeforeAnyoneIsAskedWhoItIs() throws Exception {
    for (String origin : List.of("http://evil.example", "http://evil.example:" + workbench.port(), "null",
        "http://127.0.0.1:1", "https://watch.example.org:8443", "file://")) {
      RawHttp.Response r = post("/api/v1/events/x/confirm", origin);
      assertThat(r.status()).as(origin).isEqualTo(403);
      assertThat(r.body()).as(origin).contains("origin");
    }
  }

  @Test
  void aWriteFromTheServersOwnOriginGoesOnToBeAuthenticated() throws Exception {
    for (String origin : List.of("http://127.0.0.1:" + workbench.port(), "http://localhost:" + workbench.port(),
        "https://watch.example.org", "https://watch.example.org:443")) {
      assertThat(post("/api/v1/events/x/confirm", origin).status()).as(origin).isEqualTo(401);
    }
  }

  @Test
  void aReadFromAnotherOriginIsLeftToTheBrowsersSameOriginPolicy() throws Exception {
    RawHttp.Response r = RawHttp.send(workbench.port(), "GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Origin: http://evil.example\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).doesNotContainKey("access-control-allow-origin");
  }

  @Test
  void hostHeadersAreReadWithoutTheirPort() {
    assertThat(HostCheck.hostOf("localhost:8080")).isEqualTo("localhost");
    assertThat(HostCheck.hostOf("[::1]:8080")).isEqualTo("[::1]");
    assertThat(HostCheck.hostOf("[::1]")).isEqualTo("[::1]");
    assertThat(HostCheck.normalize("[::1]")).isEqualTo("::1");
    assertThat(HostCheck.normalize("LOCALHOST")).isEqualTo("localhost");
  }
}
