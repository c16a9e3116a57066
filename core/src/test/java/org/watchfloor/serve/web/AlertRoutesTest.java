package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.alert.AlertSettings;
import org.watchfloor.alert.Articles;
import org.watchfloor.alert.RuleBuilder;
import org.watchfloor.alert.Tokens;
import org.watchfloor.extract.Extractor;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.auth.Accounts;
import org.watchfloor.store.Store;

/**
 * The alerts on the workbench: a rule's Atom feed (valid Atom, read back with Rome) reached with the
 * rule's token alone, and the Alerts page and API, for analysts only.
 */
class AlertRoutesTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");

  @TempDir Path tmp;
  private Store store;
  private Workbench workbench;
  private Http http;
  private String token;

  @BeforeEach
  void start() {
    store = Store.open(tmp.resolve("s"));
    RuleBuilder.Made made = new RuleBuilder(DPRK, AlertSettings.defaults(), Clock.systemUTC())
        .build(new RuleBuilder.Draft("icbm", List.of("missile_launch"), List.of("ICBM"), List.of(), List.of(), 1, 0,
            false, false, null, List.of("new", "corroborated"), null, List.of(), List.of()));
    token = made.feedToken();
    store.inTransaction(() -> {
      store.alerts().setSetting("alerts.base-url", "https://watch.example.org/");
      return store.alerts().insertRule(made.rule(), Tokens.digest(token));
    });
    new Pipeline(store, new Extractor(DPRK), new Pipeline.Listener() {}, Optional.empty())
        .ingestDocuments(List.of(Articles.SEOUL, Articles.TOKYO));
    workbench = Workbench.over(store, DPRK).start("127.0.0.1", 0);
    http = new Http(workbench.port());
  }

  private String analystToken() {
    try (Accounts accounts = Accounts.beside(store)) {
      accounts.add("ana", "correct horse battery".toCharArray());
      return accounts.issueToken("ana");
    }
  }

  @AfterEach
  void stop() {
    workbench.stop();
    store.close();
  }

  @Test
  void theFeedIsValidAtomWithOneEntryPerAlertNewestFirst() throws Exception {
    HttpResponse<String> r = http.get("/alerts/icbm.atom?token=" + token);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
    SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getTitle()).isEqualTo("Watchfloor alerts: icbm");
    assertThat(feed.getLinks()).anySatisfy(l -> {
      assertThat(l.getRel()).isEqualTo("self");
      assertThat(l.getHref()).isEqualTo("https://watch.example.org/alerts/icbm.atom");
    });
    List<SyndEntry> entries = feed.getEntries();
    assertThat(entries).hasSize(2);
    SyndEntry latest = entries.get(0);
    String event = store.inTransaction(() -> store.events().list("missile_launch", 0)).get(0).id();
    assertThat(latest.getUri()).isEqualTo("urn:watchfloor:alert:icbm:" + event + ":corroborated");
    assertThat(latest.getTitle()).startsWith("icbm: missile launch 2025-05-08 (now corroborated)");
    assertThat(latest.getLink()).isEqualTo("https://watch.example.org/events/" + event);
    assertThat(latest.getContents().get(0).getValue()).contains("Reports and their evidence:", "Hwasong-18",
        "Island Post");
    assertThat(latest.getCategories()).extracting(c -> c.getName()).containsExactly("missile_launch", "corroborated");
    assertThat(entries.get(1).getUri()).endsWith(":new");
    assertThat(latest.getPublishedDate()).isAfterOrEqualTo(entries.get(1).getPublishedDate());
  }

  @Test
  void aWrongOrMissingTokenAndAnUnknownRuleAnswerTheSame404() throws Exception {
    for (String path : List.of("/alerts/icbm.atom", "/alerts/icbm.atom?token=feed_wrong", "/alerts/other.atom?token=" + token,
        "/alerts/icbm.rss?token=" + token)) {
      HttpResponse<String> r = http.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).doesNotContain("Watchfloor alerts:");
    }
  }

  @Test
  void thePageAndTheApiShowTheRulesTheirDeliveriesAndTheLatestAlertsToAnalystsOnly() throws Exception {
    assertThat(http.get("/alerts").statusCode()).isEqualTo(401);
    assertThat(http.get("/api/v1/alerts").statusCode()).isEqualTo(401);
    String token = analystToken();
    HttpResponse<String> api = http.send("/api/v1/alerts", b -> b.header("Authorization", "Bearer " + token));
    assertThat(api.statusCode()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode body = Http.json(api);
    assertThat(body.at("/rules/0/id").asText()).isEqualTo("icbm");
    assertThat(body.at("/rules/0/fire_on").toString()).isEqualTo("[\"new\",\"corroborated\"]");
    assertThat(body.at("/rules/0/alerts").asInt()).isEqualTo(2);
    assertThat(body.at("/rules/0/feed").asText()).isEqualTo("/alerts/icbm.atom");
    assertThat(body.get("latest")).hasSize(2);
    assertThat(body.at("/latest/0/reason").asText()).isEqualTo("corroborated");

    HttpResponse<String> page = http.send("/alerts", b -> b.header("Authorization", "Bearer " + token));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<tr id=\"rule-icbm\"><td>icbm</td><td>missile_launch; weapons ICBM",
        "the Atom feed only", "<td>corroborated</td>").doesNotContain(this.token);
  }

  @Test
  void theOpenApiDocumentCoversTheAlertEndpoints() throws Exception {
    com.fasterxml.jackson.databind.JsonNode doc = Http.json(http.get("/api/v1/openapi.json"));
    assertThat(doc.at("/paths/~1alerts/get/responses").has("401")).isTrue();
    assertThat(doc.at("/paths/~1alerts~1{rule}.atom/servers/0/url").asText()).isEqualTo("/");
    assertThat(doc.at("/paths/~1alerts~1{rule}.atom/get/parameters").findValuesAsText("name")).contains("rule", "token");
    assertThat(doc.at("/components/schemas/AlertBody/required").toString()).contains("idempotency_key");
  }
}
