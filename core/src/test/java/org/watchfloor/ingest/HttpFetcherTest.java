package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

  private static final long CAP = 1024 * 1024;

  private LoopbackServer server;
  private HttpFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
    fetcher = new HttpFetcher(HttpFetcher.Options.defaults()
        .withAllowPrivateAddresses(true).withPoliteness(Duration.ZERO).withMaxBytes(CAP));
  }

  @AfterEach
  void stop() {
    fetcher.close();
    server.close();
  }

  private CollectingSink read(String... urls) {
    CollectingSink sink = new CollectingSink();
    UrlSource pages = new UrlSource(fetcher);
    for (String url : urls) {
      pages.read(url, sink);
    }
    return sink;
  }

  @Test
  void aPageBecomesAnHtmlDocumentNamedByItsUrl() {
    server.page("/a", "text/html; charset=utf-8", LoopbackServer.article("Launch", "A missile flew."));

    CollectingSink sink = read(server.url("/a"));

    assertThat(sink.problems).isEmpty();
    assertThat(sink.documents).singleElement().satisfies(d -> {
      assertThat(d.source()).isEqualTo(server.url("/a"));
      assertThat(d.format()).isEqualTo(RawDocument.Format.HTML);
      assertThat(d.metadata()).containsEntry("url", server.url("/a"))
          .containsEntry("content_type", "text/html; charset=utf-8");
    });
  }

  @Test
  void redirectsAreFollowedAndTheFinalUrlKept() {
    server.redirect("/old", "/new").page("/new", "text/html", LoopbackServer.article("Moved", "It moved."));

    CollectingSink sink = read(server.url("/old"));

    assertThat(sink.documents).singleElement()
        .satisfies(d -> assertThat(d.metadata()).containsEntry("url", server.url("/new")));
  }

  @Test
  void aRedirectLoopIsStopped() {
    server.redirect("/a", "/b").redirect("/b", "/a");

    CollectingSink sink = read(server.url("/a"));

    assertThat(sink.documents).isEmpty();
    assertThat(sink.messages()).singleElement().asString()
        .startsWith(server.url("/a") + ": redirect loop").contains("/a was already visited");
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void aRedirectChainLongerThanTheLimitIsStopped() {
    for (int i = 0; i < 10; i++) {
      server.redirect("/r" + i, "/r" + (i + 1));
    }

    CollectingSink sink = read(server.url("/r0"));

    assertThat(sink.messages()).singleElement().asString().contains("too many redirects (more than 5)");
    assertThat(server.requests).hasSize(6);
  }

  @Test
  void aRedirectToAPrivateAddressIsRefusedBeforeItIsFollowed() {
    // The first hop is trusted by name so the test can serve it; every later hop is checked. Every
    // request goes to the loopback server as proxy, so a guard with a hole cannot send this test's
    // traffic to 169.254.169.254 or 10.1.2.3: it would reach the test server and fail the test.
    HttpFetcher guarded = new HttpFetcher(HttpFetcher.Options.defaults().withPoliteness(Duration.ZERO),
        new AddressGuard(false, Set.of("127.0.0.1")), Clock.systemUTC(),
        java.net.ProxySelector.of(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), server.port())));
    server.redirect("/meta", "http://169.254.169.254/latest/meta-data/")
        .redirect("/lan", "http://10.1.2.3/admin")
        .redirect("/self", "http://localhost:" + server.port() + "/secret")
        .page("/secret", "text/html", "<p>internal</p>");
    CollectingSink sink = new CollectingSink();
    UrlSource pages = new UrlSource(guarded);

    pages.read(server.url("/meta"), sink);
    pages.read(server.url("/lan"), sink);
    pages.read(server.url("/self"), sink);
    guarded.close();

    assertThat(sink.documents).isEmpty();
    assertThat(sink.messages()).satisfiesExactly(
        m -> assertThat(m).contains("/meta: refused: 169.254.169.254 resolves to a link-local address"),
        m -> assertThat(m).contains("/lan: refused: 10.1.2.3 resolves to a private address"),
        m -> assertThat(m).contains("/self: refused: localhost resolves to a loopback address")
            .contains("--allow-private-addresses"));
    assertThat(server.requestsTo("/secret")).isEmpty();
    assertThat(server.requests).extracting(LoopbackServer.Seen::path)
        .as("only the first hops reached the proxy").containsOnly("/meta", "/lan", "/self");
  }

  @Test
  void loopbackIsRefusedWithoutTheSwitch() {
    HttpFetcher strict = new HttpFetcher(HttpFetcher.Options.defaults().withPoliteness(Duration.ZERO));
    server.page("/a", "text/html", LoopbackServer.article("Launch", "A missile flew."));
    CollectingSink sink = new CollectingSink();

    new UrlSource(strict).read(server.url("/a"), sink);
    strict.close();

    assertThat(sink.messages()).singleElement().asString().contains("refused: 127.0.0.1 resolves to a loopback address");
    assertThat(server.requests).isEmpty();
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    CollectingSink sink = read("file:///etc/passwd", "jar:file:/tmp/x.jar!/a.html", "ftp://example.org/a", "gopher://x/");

    assertThat(sink.documents).isEmpty();
    assertThat(sink.messages()).containsExactly(
        "file:///etc/passwd: refused: only http and https URLs are fetched, not 'file:'",
        "jar:file:/tmp/x.jar!/a.html: refused: only http and https URLs are fetched, not 'jar:'",
        "ftp://example.org/a: refused: only http and https URLs are fetched, not 'ftp:'",
        "gopher://x/: refused: only http and https URLs are fetched, not 'gopher:'");
  }

  @Test
  void aBodyOverTheCapIsCutWithAnError() {
    byte[] chunk = "<p>padding padding padding padding</p>\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    server.on("/huge", ex -> {
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 0); // chunked: no length announced, so the cap must stop the read
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 50 * CAP / chunk.length; i++) {
          out.write(chunk);
        }
      }
    });

    CollectingSink sink = read(server.url("/huge"));

    assertThat(sink.documents).isEmpty();
    assertThat(sink.messages()).singleElement().asString()
        .isEqualTo(server.url("/huge") + ": body too large: over the limit of 1048576 bytes; stopped reading there");
  }

  @Test
  void aDeclaredLengthOverTheCapIsRefusedUnread() {
    server.on("/big", ex -> {
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 5 * CAP);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(new byte[(int) (5 * CAP)]);
      }
    });

    CollectingSink sink = read(server.url("/big"));

    assertThat(sink.messages()).singleElement().asString()
        .contains("body too large: 5242880 bytes declared, limit 1048576");
  }

  @Test
  void aGzipBombIsStoppedAtTheCapAfterDecompression() throws IOException {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        gz.write(zeros); // 200 MB of zeros packs to about 200 KB
      }
    }
    byte[] bomb = packed.toByteArray();
    server.on("/bomb", ex -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      LoopbackServer.send(ex, 200, "text/html", bomb);
    });

    CollectingSink sink = read(server.url("/bomb"));

    assertThat((long) bomb.length).isLessThan(CAP);
    assertThat(sink.documents).isEmpty();
    assertThat(sink.messages()).singleElement().asString()
        .contains("body too large: over the limit of 1048576 bytes after gzip decompression");
  }

  @Test
  void aGzippedPageWithinTheCapIsDecoded() throws IOException {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
      gz.write(LoopbackServer.article("Packed", "It was packed.").getBytes(StandardCharsets.UTF_8));
    }
    server.on("/gz", ex -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      LoopbackServer.send(ex, 200, "text/html", packed.toByteArray());
    });

    CollectingSink sink = read(server.url("/gz"));

    assertThat(sink.problems).isEmpty();
    assertThat(new String(sink.documents.get(0).bytes(), StandardCharsets.UTF_8)).contains("It was packed.");
  }

  @Test
  void serverErrorsAndNonPagesAreProblemsNamingTheUrl() {
    server.on("/err", ex -> ex.sendResponseHeaders(500, -1))
        .page("/img", "image/png", "PNG");

    CollectingSink sink = read(server.url("/err"), server.url("/img"));

    assertThat(sink.messages()).containsExactly(
        server.url("/err") + ": HTTP 500",
        server.url("/img") + ": not a web page (content type image/png)");
  }

  @Test
  void requestsToOneHostAreSpacedByThePolitenessDelay() {
    HttpFetcher polite = new HttpFetcher(HttpFetcher.Options.defaults()
        .withAllowPrivateAddresses(true).withPoliteness(Duration.ofMillis(300)));
    server.page("/p", "text/html", LoopbackServer.article("P", "Polite."));
    CollectingSink sink = new CollectingSink();
    long start = System.nanoTime();

    for (int i = 0; i < 3; i++) {
      new UrlSource(polite).read(server.url("/p"), sink);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    polite.close();

    assertThat(sink.documents).hasSize(3);
    assertThat(millis).isGreaterThanOrEqualTo(600);
  }

  @Test
  void nonPublicAddressesAreNamed() throws IOException {
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("127.0.0.2"))).isEqualTo("a loopback");
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("::1"))).isEqualTo("a loopback");
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("0.0.0.0"))).isEqualTo("an unspecified");
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("192.168.1.1"))).isEqualTo("a private");
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("172.16.0.1"))).isEqualTo("a private");
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("fd00::1"))).isEqualTo("a private (unique local)");
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("fe80::1"))).isEqualTo("a link-local");
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("224.0.0.1"))).isEqualTo("a multicast");
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("100.64.0.1"))).startsWith("a private");
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("93.184.216.34"))).isNull();
    assertThat(AddressGuard.nonPublic(InetAddress.getByName("2606:2800:220:1::1"))).isNull();
  }
}
