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
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.alert.AlertSettings;
import org.watchfloor.alert.Articles;
import org.watchfloor.alert.RuleBuilder;
import org.watchfloor.alert.Tokens;
import org.watchfloor.extract.Extractor;
import org.watchfloor.model.AlertRule;
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

  /** A logged-in analyst's session: its cookie and its CSRF token. */
  private record Session(String cookie, String csrf) {}

  private Session session() {
    try (Accounts accounts = Accounts.beside(store)) {
      accounts.add("ben", "correct horse battery".toCharArray());
      Accounts.NewSession s = accounts.startSession(accounts.login("ben", "correct horse battery".toCharArray()).orElseThrow());
      return new Session("wf_session=" + s.id(), s.csrfToken());
    }
  }

  private HttpResponse<String> post(String path, Session s, String... form) throws Exception {
    return http.send(path, b -> (s == null ? b : b.header("Cookie", s.cookie()))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(AccessTest.form(form)));
  }

  private Optional<AlertRule> rule(String id) {
    return store.inTransaction(() -> store.alerts().rule(id));
  }

  @Test
  void anAnalystAddsARuleThroughTheFormAndIsShownItsFeedAddressWithTheTokenOnce() throws Exception {
    Session s = session();
    HttpResponse<String> r = post("/alerts", s, "_csrf", s.csrf(), "name", "launches", "types", "missile_launch",
        "weapons", "ICBMs, KN-27", "min_origins", "2", "min_confidence", "0.5", "on", "new", "on", "corroborated",
        "digests", "ana@example.org, desk@example.org", "query", "");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).contains("Added alert rule launches: missile_launch; weapons ICBM, Hwasong-18 (and 7 more of their classes);"
        + " 2+ independent origins; confidence 0.50+; news only; on new,corroborated",
        "<tr id=\"rule-launches\">", "daily digest ana@example.org: 0 sent").doesNotContain("id=\"rule-problems\"");
    AlertRule added = rule("launches").orElseThrow();
    assertThat(added.digests()).containsExactly("ana@example.org", "desk@example.org");
    assertThat(added.weapons()).containsExactly("ICBM", "Hwasong-18");
    Matcher feed = Pattern.compile("<code id=\"feed-url\">https://watch.example.org/alerts/launches.atom\\?token=(feed_[\\w-]+)</code>")
        .matcher(r.body());
    assertThat(feed.find()).isTrue();
    JsonNode api = Http.json(http.send("/api/v1/alerts", b -> b.header("Cookie", s.cookie())));
    assertThat(api.at("/rules/1/id").asText()).isEqualTo("launches");
    assertThat(api.at("/rules/1/digests/1").toString())
        .isEqualTo("{\"address\":\"desk@example.org\",\"sent\":0,\"pending\":0,\"failed\":0,\"waiting\":0,\"last_failure\":null}");
    assertThat(http.get("/alerts/launches.atom?token=" + feed.group(1)).statusCode()).isEqualTo(200);
    // the token is not shown again
    assertThat(http.send("/alerts", b -> b.header("Cookie", s.cookie())).body()).doesNotContain(feed.group(1));

    HttpResponse<String> again = post("/alerts", s, "_csrf", s.csrf(), "name", "launches", "on", "new");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("alert rule launches exists already: change it with its Edit link");
  }

  @Test
  void theFormIsCheckedAsTheCliChecksItAndEveryProblemIsShownOnThePageWithWhatWasTyped() throws Exception {
    Session s = session();
    HttpResponse<String> r = post("/alerts", s, "_csrf", s.csrf(), "name", "x", "types", "launch", "weapons", "Hwasong-99",
        "min_origins", "two", "digests", "ana@", "query", "text:(");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(r.body()).contains("<ul id=\"rule-problems\" class=\"error\">",
        "<li>least independent origins 'two' is not a whole number</li>",
        "<li>choose at least one change to fire on: new, corroborated, conflict, confirmed</li>",
        "<li>unknown event type 'launch' (the dprk profile has: missile_launch, ",
        "<li>unknown weapon 'Hwasong-99': not a name in the dprk profile's gazetteer</li>",
        "<li>query \"text:(\" is not valid: Cannot parse 'text:(': Encountered \"&lt;EOF&gt;\"",
        "<li>'ana@' is not an e-mail address: Missing domain</li>",
        "value=\"launch\"", "value=\"Hwasong-99\"", "value=\"two\"");
    assertThat(rule("x")).isEmpty();
  }

  @Test
  void aRuleIsChangedKeepingItsFeedTokenAndItsAlertsAndIsRemoved() throws Exception {
    Session s = session();
    HttpResponse<String> form = http.send("/alerts?edit=icbm", b -> b.header("Cookie", s.cookie()));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<form method=\"post\" action=\"/alerts/icbm\" id=\"rule-form\"",
        "Change rule icbm", "value=\"missile_launch\"", "value=\"ICBM\"");
    assertThat(http.send("/alerts?edit=nothing", b -> b.header("Cookie", s.cookie())).statusCode()).isEqualTo(404);

    HttpResponse<String> bad = post("/alerts/icbm", s, "_csrf", s.csrf(), "types", "launch", "on", "new");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("<li>unknown event type 'launch' (the dprk profile has: missile_launch, ");
    assertThat(rule("icbm").orElseThrow().eventTypes()).containsExactly("missile_launch");

    HttpResponse<String> changed = post("/alerts/icbm", s, "_csrf", s.csrf(), "types", "missile_launch", "weapons", "ICBM",
        "min_origins", "3", "on", "new", "on", "confirmed", "emails", "desk@example.org");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).contains("Changed alert rule icbm: missile_launch; weapons ICBM (and 8 more of their classes);"
        + " 3+ independent origins; news only; on new,confirmed");
    AlertRule after = rule("icbm").orElseThrow();
    assertThat(after.minOrigins()).isEqualTo(3);
    assertThat(after.emails()).containsExactly("desk@example.org");
    assertThat(store.inTransaction(() -> store.alerts().alertCounts())).containsEntry("icbm", 2);
    assertThat(http.get("/alerts/icbm.atom?token=" + token).statusCode()).as("the feed keeps its token").isEqualTo(200);

    HttpResponse<String> removed = post("/alerts/icbm/remove", s, "_csrf", s.csrf());
    assertThat(removed.statusCode()).isEqualTo(303);
    assertThat(removed.headers().firstValue("Location")).hasValue("/alerts");
    assertThat(rule("icbm")).isEmpty();
    assertThat(post("/alerts/icbm/remove", s, "_csrf", s.csrf()).statusCode()).isEqualTo(404);
  }

  @Test
  void noOneButAnAnalystWithTheSessionsCsrfTokenAddsChangesOrRemovesARule() throws Exception {
    Session s = session();
    String[] rule = {"name", "x", "types", "missile_launch", "on", "new"};
    assertThat(post("/alerts", null, rule).statusCode()).isEqualTo(401);
    assertThat(post("/alerts", s, rule).statusCode()).as("no CSRF token").isEqualTo(403);
    assertThat(post("/alerts", s, concat(rule, "_csrf", s.csrf() + "x")).statusCode()).as("a wrong one").isEqualTo(403);
    assertThat(post("/alerts/icbm", null, "types", "missile_launch", "on", "new").statusCode()).isEqualTo(401);
    assertThat(post("/alerts/icbm", s, "types", "missile_launch", "on", "new").statusCode()).isEqualTo(403);
    assertThat(post("/alerts/icbm/remove", null).statusCode()).isEqualTo(401);
    assertThat(post("/alerts/icbm/remove", s, "_csrf", "forged").statusCode()).isEqualTo(403);
    assertThat(http.get("/alerts?edit=icbm").statusCode()).isEqualTo(401);
    assertThat(rule("x")).isEmpty();
    assertThat(rule("icbm").orElseThrow().fireOn()).hasSize(2);
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void theOpenApiDocumentCoversTheAlertEndpoints() throws Exception {
    com.fasterxml.jackson.databind.JsonNode doc = Http.json(http.get("/api/v1/openapi.json"));
    assertThat(doc.at("/paths/~1alerts/get/responses").has("401")).isTrue();
    assertThat(doc.at("/paths/~1alerts~1{rule}.atom/servers/0/url").asText()).isEqualTo("/");
    assertThat(doc.at("/paths/~1alerts~1{rule}.atom/get/parameters").findValuesAsText("name")).contains("rule", "token");
    assertThat(doc.at("/components/schemas/AlertBody/required").toString()).contains("idempotency_key");
    assertThat(doc.at("/components/schemas/AlertOverview/properties/rules/items/properties/digests/items/properties")
        .has("waiting")).isTrue();
  }
}
