package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.watchfloor.cli.Main;

/** {@code watchfloor ingest} and {@code run} reading the web, served by a real server on loopback. */
class WebIngestCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int exit, String out, String err) {}

  @TempDir Path tmp;
  private LoopbackServer server;
  private String store;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
    store = tmp.resolve("store").toString();
    server.page("/one", "text/html", LoopbackServer.article("Missile one", "The first missile flew east."))
        .page("/two", "text/html", LoopbackServer.article("Missile two", "The second missile flew north."))
        .page("/three", "text/html", LoopbackServer.article("Missile three", "A cruise missile flew west."))
        .redirect("/loop-a", "/loop-b").redirect("/loop-b", "/loop-a")
        .page("/feed", "application/rss+xml", FeedSourceTest.rss(
            FeedSourceTest.item("Missile one", server.url("/one")), FeedSourceTest.item("No link", null),
            FeedSourceTest.item("Missile two", server.url("/two"))))
        .page("/xxe", "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM"
            + " \"file:///etc/hostname\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  private List<JsonNode> articles() throws IOException {
    List<JsonNode> list = new ArrayList<>();
    for (String line : cli("articles", "--store", store, "--format", "jsonl").out().split("\n")) {
      if (!line.isBlank()) {
        list.add(JSON.readTree(line));
      }
    }
    return list;
  }

  private static List<String> field(List<JsonNode> nodes, String name) {
    return nodes.stream().map(n -> n.path(name).asText(null)).sorted().toList();
  }

  @Test
  void aBatchOfUrlsAndFeedsStoresTheGoodOnesAndNamesEachBadOne() throws IOException {
    Result r = cli("ingest", "--store", store, "--allow-private-addresses", "--politeness", "0",
        server.url("/three"), "file:///etc/passwd", server.url("/loop-a"),
        "--feed", server.url("/xxe"), "--feed", server.url("/feed"));

    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).startsWith("ingested 3 articles (0 already stored, 4 failed)");
    assertThat(r.err())
        .contains("file:///etc/passwd: refused: only http and https URLs are fetched, not 'file:'")
        .contains(server.url("/loop-a") + ": redirect loop")
        .contains(server.url("/xxe") + ": feed is not readable RSS or Atom: it declares a DOCTYPE")
        .contains(server.url("/feed") + "#item2: feed item \"No link\" has no link; skipped");
    List<JsonNode> stored = articles();
    assertThat(field(stored, "url")).containsExactly(server.url("/one"), server.url("/three"), server.url("/two"));
    assertThat(field(stored, "title")).containsExactly("Missile one", "Missile three", "Missile two");
  }

  @Test
  void loopbackUrlsAreRefusedWithoutTheSwitch() throws IOException {
    Result r = cli("ingest", "--store", store, "--politeness", "0", server.url("/one"));

    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains(server.url("/one") + ": refused: 127.0.0.1 resolves to a loopback address");
    assertThat(server.requests).isEmpty();
    assertThat(articles()).isEmpty();
  }

  @Test
  void aWarcFileIsIngestedWithItsFileAsSourcePath() throws IOException {
    Path warc = WarcSourceTest.crawl(tmp, "crawl.warc.gz", WarcCompression.GZIP);

    Result r = cli("ingest", "--store", store, warc.toString());

    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).startsWith("ingested 2 articles (0 already stored, 1 failed)")
        .contains("passed over (no article in them): 1 WARC not HTML or text, 1 WARC warcinfo");
    assertThat(r.err()).contains(warc + "@").contains("WARC record cut short");
    List<JsonNode> stored = articles();
    assertThat(field(stored, "url")).containsExactly("https://news.example/one", "https://news.example/two");
    assertThat(field(stored, "source_path")).containsOnly(warc.toString());
  }

  @Test
  void aGdeltExportIsFilteredThenItsArticlesFetched() throws IOException {
    server.page("/north-korea-test", "text/html",
        LoopbackServer.article("Missile four", "A fourth missile flew south-east."));
    Path events = Files.write(tmp.resolve("20250508.export.CSV"), List.of(
        GdeltSourceTest.event("1", "PRK", "", "", server.url("/one")),
        GdeltSourceTest.event("2", "USA", "", "US", server.url("/two")),
        GdeltSourceTest.event("3", "", "", "", server.url("/north-korea-test"))), StandardCharsets.UTF_8);

    Result r = cli("ingest", "--store", store, "--allow-private-addresses", "--politeness", "0",
        "--gdelt", events.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
    assertThat(field(articles(), "url")).containsExactly(server.url("/north-korea-test"), server.url("/one"));
    assertThat(server.requestsTo("/two")).isEmpty();
  }

  @Test
  void aGdeltExportNeedsAProfileThatSaysWhichRowsConcernIt() throws Exception {
    Path events = Files.write(tmp.resolve("20250508.export.CSV"),
        List.of(GdeltSourceTest.event("1", "PRK", "", "", server.url("/one"))), StandardCharsets.UTF_8);
    Path noGdelt = Path.of(WebIngestCliTest.class.getClassLoader().getResource("profiles-bad/valid").toURI());

    Result r = cli("ingest", "--store", store, "--profile", noGdelt.toString(), "--allow-private-addresses",
        "--politeness", "0", "--gdelt", events.toString());
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--gdelt: the profile " + noGdelt + " has no gdelt section");
    assertThat(server.requests).isEmpty();
  }

  @Test
  void runPollsFeedsConditionallyAcrossRestartsAndSkipsTheSampleWhenAFeedAnswers() throws IOException {
    server.on("/cond", ex -> {
      if ("\"e1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().add("ETag", "\"e1\"");
      LoopbackServer.send(ex, 200, "application/rss+xml", FeedSourceTest.rss(
          FeedSourceTest.item("Missile one", server.url("/one")),
          FeedSourceTest.item("Missile two", server.url("/two"))).getBytes(StandardCharsets.UTF_8));
    });
    String[] run = {"run", "--store", store, "--once", "--no-profile-feeds", "--feed", server.url("/cond"),
        "--allow-private-addresses", "--politeness", "0"};

    Result first = cli(run);
    Result second = cli(run);

    assertThat(first.exit()).as(first.err()).isEqualTo(Main.OK);
    assertThat(first.out()).contains("feeds: 1 read, 0 not modified, 0 failed")
        .contains("ingested 2 articles").doesNotContain("sample corpus");
    assertThat(second.out()).contains("feeds: 0 read, 1 not modified, 0 failed");
    assertThat(Path.of(store, "feeds.properties")).content().contains("e1");
    assertThat(articles()).hasSize(2);
  }

  @Test
  void runFallsBackToTheSampleCorpusWhenNoFeedCanBeRead() throws IOException {
    Result r = cli("run", "--store", store, "--once", "--no-profile-feeds", "--feed", server.url("/missing"),
        "--allow-private-addresses", "--politeness", "0");

    assertThat(r.exit()).isEqualTo(Main.OK);
    assertThat(r.err()).contains(server.url("/missing") + ": feed: HTTP 404");
    assertThat(r.out()).contains("feeds: 0 read, 0 not modified, 1 failed")
        .contains("ingesting the bundled sample corpus");
    assertThat(articles()).hasSizeGreaterThan(5);
  }
}
