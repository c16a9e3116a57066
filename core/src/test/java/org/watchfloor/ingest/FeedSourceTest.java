package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSourceTest {

  private LoopbackServer server;
  private HttpFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
    fetcher = new HttpFetcher(HttpFetcher.Options.defaults()
        .withAllowPrivateAddresses(true).withPoliteness(Duration.ZERO));
    server.page("/one", "text/html", LoopbackServer.article("Missile one", "The first missile flew east."))
        .page("/two", "text/html", LoopbackServer.article("Missile two", "The second missile flew north."));
  }

  @AfterEach
  void stop() {
    fetcher.close();
    server.close();
  }

  static String rss(String... items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Test wire</title>"
        + "<link>http://example.org/</link><description>d</description>" + String.join("", items)
        + "</channel></rss>";
  }

  static String item(String title, String link) {
    return "<item><title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
        + "<pubDate>Thu, 08 May 2025 00:30:00 GMT</pubDate><author>desk@example.org (Desk)</author></item>";
  }

  /** An RSS feed that answers 304 when the client repeats its validators. */
  private void conditionalFeed(String path, String body) {
    server.on(path, ex -> {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      if ("\"v1\"".equals(inm)) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      ex.getResponseHeaders().add("Last-Modified", "Thu, 08 May 2025 01:00:00 GMT");
      LoopbackServer.send(ex, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
    });
  }

  @Test
  void aFeedWithTwoItemsGivesTheirTwoArticles() {
    conditionalFeed("/feed", rss(item("Missile one", server.url("/one")), item("Missile two", "/two")));
    CollectingSink sink = new CollectingSink();

    FeedSource.Outcome outcome = new FeedSource(fetcher, FeedStates.inMemory()).poll(server.url("/feed"), sink);

    assertThat(outcome).isEqualTo(FeedSource.Outcome.READ);
    assertThat(sink.problems).isEmpty();
    assertThat(sink.documents).extracting(d -> d.metadata().get("url"))
        .containsExactly(server.url("/one"), server.url("/two")); // the relative link resolved
    assertThat(sink.documents.get(0).metadata())
        .containsEntry("title", "Missile one")
        .containsEntry("feed", server.url("/feed"))
        .containsEntry("published", "2025-05-08T00:30Z");
  }

  @Test
  void theSecondPollIsConditionalAndGets304() {
    conditionalFeed("/feed", rss(item("Missile one", server.url("/one"))));
    FeedSource feeds = new FeedSource(fetcher, FeedStates.inMemory());
    CollectingSink first = new CollectingSink();
    CollectingSink second = new CollectingSink();

    feeds.poll(server.url("/feed"), first);
    FeedSource.Outcome again = feeds.poll(server.url("/feed"), second);

    assertThat(first.documents).hasSize(1);
    assertThat(again).isEqualTo(FeedSource.Outcome.NOT_MODIFIED);
    assertThat(second.documents).isEmpty();
    assertThat(second.problems).isEmpty();
    assertThat(server.requestsTo("/feed")).satisfiesExactly(
        r -> assertThat(r.header("If-none-match")).isNull(),
        r -> {
          assertThat(r.header("If-none-match")).isEqualTo("\"v1\"");
          assertThat(r.header("If-modified-since")).isEqualTo("Thu, 08 May 2025 01:00:00 GMT");
        });
    assertThat(server.requestsTo("/one")).hasSize(1);
  }

  @Test
  void validatorsAndItemsSurviveARestartInTheirFileOnceRemembered(@TempDir Path dir) {
    conditionalFeed("/feed", rss(item("Missile one", server.url("/one"))));
    Path file = dir.resolve("feeds.properties");
    FeedSource first = new FeedSource(fetcher, FeedStates.in(file));
    first.poll(server.url("/feed"), new CollectingSink());
    assertThat(FeedStates.in(file).get(server.url("/feed"))).as("nothing written before the articles are stored").isEmpty();
    first.remember();

    FeedSource.Outcome afterRestart = new FeedSource(fetcher, FeedStates.in(file)).poll(server.url("/feed"), new CollectingSink());

    assertThat(afterRestart).isEqualTo(FeedSource.Outcome.NOT_MODIFIED);
    assertThat(FeedStates.in(file).get(server.url("/feed"))).contains(new FeedStates.State("\"v1\"",
        "Thu, 08 May 2025 01:00:00 GMT", java.util.List.of(server.url("/one") + " 2025-05-08T00:30:00Z")));
  }

  @Test
  void aFeedThatChangedCostsTheFetchOfItsNewAndChangedItemsOnly() {
    String one = item("Missile one", server.url("/one"));
    String[] body = {rss(one)};
    server.on("/feed", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", body[0].getBytes(StandardCharsets.UTF_8)));
    server.page("/three", "text/html", LoopbackServer.article("Missile three", "The third missile flew south."));
    FeedSource feeds = new FeedSource(fetcher, FeedStates.inMemory());
    feeds.poll(server.url("/feed"), new CollectingSink());

    // a new item on top, the first one unchanged, and an item whose page cannot be read
    body[0] = rss(item("Missile two", server.url("/two")), item("Gone", server.url("/missing")), one);
    CollectingSink second = new CollectingSink();
    feeds.poll(server.url("/feed"), second);
    assertThat(second.documents).extracting(d -> d.metadata().get("url")).containsExactly(server.url("/two"));
    assertThat(second.problems).hasSize(1);
    assertThat(server.requestsTo("/one")).hasSize(1);

    // the unreadable item is tried again; an item whose date changed (an edited story) is read again
    body[0] = rss(item("Missile two", server.url("/two")), item("Gone", server.url("/missing")),
        one.replace("00:30:00", "09:45:00"));
    CollectingSink third = new CollectingSink();
    feeds.poll(server.url("/feed"), third);
    assertThat(third.documents).extracting(d -> d.metadata().get("url")).containsExactly(server.url("/one"));
    assertThat(server.requestsTo("/missing")).hasSize(2);
    assertThat(server.requestsTo("/two")).hasSize(1);
  }

  @Test
  void anExternalEntityFeedIsRefusedAndTheOtherFeedsGoOn() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>\n"
        + "<rss version=\"2.0\"><channel><title>&leak;</title><link>http://x/</link><description>d</description>"
        + item("Leak", server.url("/one")) + "</channel></rss>";
    server.page("/xxe", "application/rss+xml", xxe);
    conditionalFeed("/good", rss(item("Missile two", server.url("/two"))));
    FeedSource feeds = new FeedSource(fetcher, FeedStates.inMemory());
    CollectingSink sink = new CollectingSink();

    FeedSource.Outcome bad = feeds.poll(server.url("/xxe"), sink);
    FeedSource.Outcome good = feeds.poll(server.url("/good"), sink);

    assertThat(bad).isEqualTo(FeedSource.Outcome.FAILED);
    assertThat(good).isEqualTo(FeedSource.Outcome.READ);
    assertThat(sink.messages()).singleElement().asString()
        .startsWith(server.url("/xxe") + ": feed is not readable RSS or Atom: it declares a DOCTYPE, which is refused");
    assertThat(sink.documents).extracting(d -> d.metadata().get("url")).containsExactly(server.url("/two"));
    assertThat(server.requestsTo("/one")).isEmpty();
  }

  @Test
  void aBillionLaughsFeedIsRefused() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      String prev = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
    }
    dtd.append("]>");
    server.page("/lol", "application/rss+xml", "<?xml version=\"1.0\"?>\n" + dtd
        + "<rss version=\"2.0\"><channel><title>&lol9;</title><link>http://x/</link><description>d</description>"
        + "</channel></rss>");
    CollectingSink sink = new CollectingSink();

    FeedSource.Outcome outcome = new FeedSource(fetcher, FeedStates.inMemory()).poll(server.url("/lol"), sink);

    assertThat(outcome).isEqualTo(FeedSource.Outcome.FAILED);
    assertThat(sink.messages()).singleElement().asString().contains("DOCTYPE");
  }

  @Test
  void anItemWithoutALinkIsSkippedWithAMessage() {
    conditionalFeed("/feed", rss(item("Missile one", server.url("/one")), item("No link here", null),
        item("Missile two", server.url("/two"))));
    CollectingSink sink = new CollectingSink();

    new FeedSource(fetcher, FeedStates.inMemory()).poll(server.url("/feed"), sink);

    assertThat(sink.documents).hasSize(2);
    assertThat(sink.messages()).containsExactly(
        server.url("/feed") + "#item2: feed item \"No link here\" has no link; skipped");
  }

  @Test
  void atomFeedsAreReadToo() {
    String atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>Atom wire</title><id>urn:x</id><updated>2025-05-08T01:00:00Z</updated>"
        + "<entry><title>Missile two</title><id>urn:2</id><link href=\"" + server.url("/two") + "\"/>"
        + "<updated>2025-05-08T01:00:00Z</updated></entry></feed>";
    server.page("/atom", "application/atom+xml", atom);
    CollectingSink sink = new CollectingSink();

    new FeedSource(fetcher, FeedStates.inMemory()).poll(server.url("/atom"), sink);

    assertThat(sink.problems).isEmpty();
    assertThat(sink.documents).singleElement()
        .satisfies(d -> assertThat(d.metadata()).containsEntry("url", server.url("/two")));
  }

  @Test
  void aFeedThatIsNotXmlIsOneProblem() {
    server.page("/html", "text/html", "<html><body>not a feed</body></html>");
    CollectingSink sink = new CollectingSink();

    FeedSource.Outcome outcome = new FeedSource(fetcher, FeedStates.inMemory()).poll(server.url("/html"), sink);

    assertThat(outcome).isEqualTo(FeedSource.Outcome.FAILED);
    assertThat(sink.messages()).singleElement().asString().startsWith(server.url("/html") + ": feed is not readable");
  }
}
