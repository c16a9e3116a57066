package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.serve.auth.Accounts;

/**
 * The edit endpoints of {@code /api/v1} against a real server over the sample store: each edit
 * answers the event as it now stands, lists and exports hide rejected events, a merge leaves
 * one event (under the survivor's id, which the absorbed id now leads to) and takes the absorbed
 * event out of search, and a refused edit is a 400 or 404 that says why. Each test edits events
 * of its own.
 */
class EditApiTest extends SampleServerTest {

  static String token;

  @BeforeAll
  static void addAnalyst() {
    try (Accounts accounts = Accounts.beside(store)) {
      accounts.add("ana", "correct horse battery".toCharArray());
      token = accounts.issueToken("ana");
    }
  }

  private HttpResponse<String> edit(String id, String kind, String json) throws Exception {
    return http.send("/api/v1/events/" + id + "/" + kind, b -> b.header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private List<JsonNode> events(String query) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    Http.json(http.get("/api/v1/events?limit=500" + query)).get("events").forEach(out::add);
    return out;
  }

  private static List<String> ids(List<JsonNode> events) {
    return events.stream().map(e -> e.get("id").asText()).toList();
  }

  /** Two events of one type that no other test uses: the {@code n}-th such pair in the store's order. */
  private List<JsonNode> pairOfOneType(int n) throws Exception {
    List<JsonNode> all = events("");
    int seen = 0;
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        if (all.get(i).get("type").equals(all.get(j).get("type")) && seen++ == n) {
          return List.of(all.get(i), all.get(j));
        }
      }
    }
    throw new AssertionError("the sample store has fewer than " + (n + 1) + " pairs of events of one type");
  }

  private static Set<String> articlesOf(JsonNode event) {
    Set<String> out = new HashSet<>();
    event.get("reports").forEach(r -> out.add(r.get("article_id").asText()));
    return out;
  }

  @Test
  void aConfirmedEventSaysSoAndARejectedOneLeavesListsAndExports() throws Exception {
    List<JsonNode> before = events("");
    long total = Http.json(http.get("/api/v1/events")).get("total").asLong();
    String confirmed = before.get(0).get("id").asText();
    String rejected = before.get(1).get("id").asText();

    HttpResponse<String> c = edit(confirmed, "confirm", "{\"note\": \"seen on satellite imagery\"}");
    assertThat(c.statusCode()).isEqualTo(200);
    assertThat(Http.json(c).at("/edit/kind").asText()).isEqualTo("confirm");
    assertThat(Http.json(c).at("/edit/analyst").asText()).isEqualTo("ana");
    assertThat(Http.json(c).at("/event/status").asText()).isEqualTo("confirmed");
    assertThat(Http.json(http.get("/api/v1/events/" + confirmed)).at("/edits/0/note").asText())
        .isEqualTo("seen on satellite imagery");

    assertThat(edit(rejected, "reject", "").statusCode()).isEqualTo(200);
    assertThat(Http.json(http.get("/api/v1/events")).get("total").asLong()).isEqualTo(total - 1);
    assertThat(ids(events(""))).contains(confirmed).doesNotContain(rejected);
    List<JsonNode> all = events("&include_rejected=true");
    assertThat(ids(all)).contains(rejected);
    assertThat(all.stream().filter(e -> e.get("id").asText().equals(rejected)).findFirst().orElseThrow()
        .get("status").asText()).isEqualTo("rejected");
    assertThat(http.get("/api/v1/export/events?format=csv").body()).contains(confirmed).doesNotContain(rejected);
    assertThat(http.get("/api/v1/export/events?format=csv&include_rejected=true").body()).contains(rejected);

    // (the two events may be background-only or planned, which the timeline hides by default)
    String timeline = http.get("/?limit=500&background=show&planned=show").body();
    assertThat(timeline).doesNotContain("/events/" + rejected + "\"").contains("✓ confirmed");
    assertThat(http.get("/?limit=500&background=show&planned=show&include_rejected=true").body())
        .contains("/events/" + rejected + "\"");
    assertThat(http.get("/api/v1/events?include_rejected=maybe").statusCode()).isEqualTo(400);
  }

  @Test
  void aMergeLeavesOneEventUnderTheSurvivorsIdAndTakesTheOtherOutOfSearch() throws Exception {
    List<JsonNode> pair = pairOfOneType(1);
    String survivor = pair.get(0).get("id").asText();
    String other = pair.get(1).get("id").asText();
    Set<String> articles = new HashSet<>(articlesOf(Http.json(http.get("/api/v1/events/" + survivor))));
    articles.addAll(articlesOf(Http.json(http.get("/api/v1/events/" + other))));
    String query = "/api/v1/search?kind=event&limit=500&q="
        + URLEncoder.encode(pair.get(0).get("type").asText().replace('_', ' '), StandardCharsets.UTF_8);
    assertThat(http.get(query).body()).contains(other);

    HttpResponse<String> r = edit(survivor, "merge", "{\"other\": \"" + other + "\", \"note\": \"same launch\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode event = Http.json(r).get("event");
    assertThat(event.get("id").asText()).isEqualTo(survivor);
    assertThat(articlesOf(event)).isEqualTo(articles);
    assertThat(Http.json(r).at("/edit/merged_event").asText()).isEqualTo(other);

    assertThat(ids(events(""))).contains(survivor).doesNotContain(other);
    assertThat(Http.json(http.get("/api/v1/events/" + other)).get("id").asText()).isEqualTo(survivor);
    HttpResponse<String> page = http.get("/events/" + other);
    assertThat(page.statusCode()).isEqualTo(301);
    assertThat(page.headers().firstValue("location")).hasValue("/events/" + survivor);
    String hits = http.get(query).body();
    assertThat(hits).contains(survivor).doesNotContain(other);
  }

  @Test
  void aCorrectionChangesTheFieldAndIsInTheHistory() throws Exception {
    String id = pairOfOneType(2).get(0).get("id").asText();
    HttpResponse<String> r = edit(id, "correct", "{\"field\": \"date\", \"value\": \"2023-07-12\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Http.json(r).at("/event/date").asText()).startsWith("2023-07-12");
    assertThat(Http.json(http.get("/api/v1/events/" + id)).at("/edits/0/kind").asText()).isEqualTo("correct");
  }

  @Test
  void refusedEditsSayWhy() throws Exception {
    String id = pairOfOneType(3).get(0).get("id").asText();
    HttpResponse<String> self = edit(id, "merge", "{\"other\": \"" + id + "\"}");
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(Http.json(self).at("/error/message").asText()).contains("with itself");
    assertThat(Http.json(edit(id, "merge", "{}")).at("/error/message").asText()).contains("other: required");
    assertThat(Http.json(edit(id, "merge", "{\"other\": \"e000\"}")).at("/error/message").asText())
        .contains("no event with id e000");
    assertThat(edit(id, "merge", "{\"colour\": \"red\"}").statusCode()).isEqualTo(400);
    assertThat(edit(id, "merge", "not json").statusCode()).isEqualTo(400);
    assertThat(Http.json(edit(id, "correct", "{\"field\": \"date\", \"value\": \"yesterday\"}")).at("/error/message").asText())
        .contains("date: 'yesterday' is not a date");
    assertThat(Http.json(edit(id, "correct", "{\"field\": \"Colour!\", \"value\": \"red\"}")).at("/error/message").asText())
        .contains("Colour!");
    HttpResponse<String> colour = edit(id, "correct", "{\"field\": \"colour\", \"value\": \"red\"}");
    assertThat(colour.statusCode()).isEqualTo(400);
    assertThat(Http.json(colour).at("/error/message").asText())
        .startsWith("cannot correct 'colour': not a field of the event contract (fields: type, date, ");
    assertThat(Http.json(edit(id, "correct", "{\"field\": \"type\", \"value\": \"bogus_type\"}")).at("/error/message")
        .asText()).startsWith("type: 'bogus_type' is not an event type of profile dprk (").contains("missile_launch");
    assertThat(Http.json(edit(id, "correct", "{\"field\": \"apogee_km\", \"value\": \"-5\"}")).at("/error/message")
        .asText()).startsWith("apogee_km: '-5' is not positive (apogee_km takes a positive number of kilometres");
    assertThat(Http.json(edit(id, "split", "{\"articles\": [\"a-none\"]}")).at("/error/message").asText())
        .contains("a-none");
    HttpResponse<String> unknown = edit("e-nothing", "confirm", "");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Http.json(unknown).at("/error/message").asText()).contains("e-nothing");
    HttpResponse<String> anonymous = http.post("/api/v1/events/" + id + "/confirm", "");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(Http.json(http.get("/api/v1/events/" + id)).get("status").asText()).isEqualTo("open");
  }

  @Test
  void theOpenApiDocumentDescribesEveryEdit() throws Exception {
    JsonNode doc = Http.json(http.get("/api/v1/openapi.json"));
    for (String kind : EditRoutes.KINDS) {
      JsonNode post = doc.at("/paths/~1events~1{id}~1" + kind + "/post");
      assertThat(post.isMissingNode()).as(kind).isFalse();
      assertThat(post.at("/responses").has("503")).as(kind).isTrue();
    }
    assertThat(doc.at("/paths/~1events/get/parameters").findValuesAsText("name")).contains("include_rejected");
    List<String> fields = new ArrayList<>();
    doc.at("/paths/~1events~1{id}~1correct/post/requestBody/content/application~1json/schema/properties/field/enum")
        .forEach(f -> fields.add(f.asText()));
    assertThat(fields).isEqualTo(org.watchfloor.resolve.Editor.correctableFields());
  }

  @Test
  void theEventPagesFormsEditWithTheSessionsCsrfTokenAndShowTheHistory() throws Exception {
    String id = pairOfOneType(4).get(0).get("id").asText();
    assertThat(http.get("/events/" + id).body()).doesNotContain("id=\"reject-form\"").contains("Log in</a> to confirm");

    HttpResponse<String> page = http.get("/login");
    String pre = AccessTest.cookie(page, "wf_login");
    HttpResponse<String> in = http.send("/login", b -> b.header("Cookie", "wf_login=" + pre)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(AccessTest.form("name", "ana", "password", "correct horse battery", "_csrf", AccessTest.field(page.body(), "_csrf"))));
    String session = "wf_session=" + AccessTest.cookie(in, "wf_session");
    String eventPage = http.send("/events/" + id, b -> b.header("Cookie", session)).body();
    assertThat(eventPage).contains("id=\"reject-form\"", "id=\"merge-form\"", "id=\"split-form\"", "id=\"correct-form\"");
    String csrf = AccessTest.field(eventPage, "_csrf");

    HttpResponse<String> forged = http.send("/events/" + id + "/reject", b -> b.header("Cookie", session)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(AccessTest.form("_csrf", "forged", "note", "x")));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> done = http.send("/events/" + id + "/reject", b -> b.header("Cookie", session)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(AccessTest.form("_csrf", csrf, "note", "a <b>duplicate</b> of a drill")));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.headers().firstValue("location")).hasValue("/events/" + id + "#edits");
    String after = http.send("/events/" + id, b -> b.header("Cookie", session)).body();
    assertThat(after).contains("data-status=\"rejected\"", "ana", "rejected", "a &lt;b&gt;duplicate&lt;/b&gt; of a drill")
        .doesNotContain("<b>duplicate</b>");

    HttpResponse<String> refused = http.send("/events/" + id + "/merge", b -> b.header("Cookie", session)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(AccessTest.form("_csrf", csrf, "other", id)));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("cannot merge event " + id + " with itself");
  }
}
