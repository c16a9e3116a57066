package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST API against a real server per test, over a store of the sample corpus. */
class WorkbenchApiTest extends SampleServerTest {

  @Test
  void eventsFollowTheContractNewestFirst() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/events?limit=500");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
    JsonNode body = Http.json(r);
    JsonNode events = body.get("events");
    assertThat(events.size()).isGreaterThan(3).isEqualTo(body.get("total").asInt());
    List<String> keys = new ArrayList<>();
    events.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsSubsequence("id", "type", "date", "date_precision", "planned", "actors", "weapons",
        "locations", "attributes", "summary", "confidence", "corroboration", "conflicts", "reports");
    assertThat(events.get(0).get("reports").get(0).has("outlet")).isTrue();
    String previous = null;
    for (JsonNode e : events) {
      JsonNode range = e.get("date_range");
      if (range == null) {
        continue;
      }
      String latest = range.get(1).asText();
      if (previous != null) {
        assertThat(latest).isLessThanOrEqualTo(previous);
      }
      previous = latest;
    }
  }

  @Test
  void pagesAreSlicesOfTheWholeList() throws Exception {
    JsonNode all = Http.json(http.get("/api/v1/events?limit=500")).get("events");
    JsonNode second = Http.json(http.get("/api/v1/events?limit=2&offset=1"));
    assertThat(second.get("events").size()).isEqualTo(2);
    assertThat(second.get("offset").asInt()).isEqualTo(1);
    assertThat(second.get("events").get(0).get("id")).isEqualTo(all.get(1).get("id"));
    assertThat(second.get("events").get(1).get("id")).isEqualTo(all.get(2).get("id"));
  }

  @Test
  void filtersNarrowTheList() throws Exception {
    JsonNode body = Http.json(http.get("/api/v1/events?type=missile_launch&min_origins=2&limit=500"));
    assertThat(body.get("total").asInt()).isPositive();
    for (JsonNode e : body.get("events")) {
      assertThat(e.get("type").asText()).isEqualTo("missile_launch");
      assertThat(e.get("corroboration").get("independent_origins").asInt()).isGreaterThanOrEqualTo(2);
    }
    JsonNode none = Http.json(http.get("/api/v1/events?from=1990-01-01&to=1990-12-31"));
    assertThat(none.get("total").asInt()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
      "/api/v1/events?limit=abc, limit",
      "/api/v1/events?limit=0, limit",
      "/api/v1/events?limit=100000, limit",
      "/api/v1/events?offset=-1, offset",
      "/api/v1/events?from=2025-13-01, from",
      "/api/v1/events?from=2025-02-01&to=2025-01-01, to",
      "/api/v1/events?min_origins=many, min_origins",
      "/api/v1/search, q",
      "/api/v1/search?q=%28unclosed, q",
      "/api/v1/search?q=launch&kind=tweet, kind"})
  void badParametersGet400NamingTheParameter(String path, String parameter) throws Exception {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode error = Http.json(r).get("error");
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("parameter").asText()).isEqualTo(parameter);
    assertThat(error.get("message").asText()).contains(parameter);
  }

  @ParameterizedTest
  @CsvSource({"/api/v1/events/no-such-event", "/api/v1/articles/no-such-article", "/api/v1/nothing-here"})
  void unknownIdsGet404AsJson(String path) throws Exception {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.json(r).get("error").get("status").asInt()).isEqualTo(404);
  }

  @Test
  void oneEventAndItsArticleByIdMatchTheList() throws Exception {
    JsonNode first = Http.json(http.get("/api/v1/events?limit=1")).get("events").get(0);
    JsonNode event = Http.json(http.get("/api/v1/events/" + first.get("id").asText()));
    assertThat(event).isEqualTo(first);
    String articleId = event.get("reports").get(0).get("article_id").asText();
    JsonNode article = Http.json(http.get("/api/v1/articles/" + articleId));
    assertThat(article.get("id").asText()).isEqualTo(articleId);
    assertThat(article.get("text").asText()).isNotBlank();
    for (JsonNode m : article.get("mentions")) {
      int start = m.get("span").get(0).asInt();
      int end = m.get("span").get(1).asInt();
      assertThat(article.get("text").asText().substring(start, end)).isEqualTo(m.get("text").asText());
    }
  }

  @Test
  void searchFindsArticlesWithMarkedSnippets() throws Exception {
    JsonNode body = Http.json(http.get("/api/v1/search?q=hwasong&limit=5"));
    assertThat(body.get("hits").size()).isBetween(1, 5);
    assertThat(body.get("hits").get(0).get("snippet").asText()).containsIgnoringCase("[hwasong");
  }

  @Test
  void openApiDocumentDescribesTheEndpoints() throws Exception {
    JsonNode doc = Http.json(http.get("/api/v1/openapi.json"));
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("paths").has("/events")).isTrue();
    assertThat(doc.get("paths").has("/events/{id}")).isTrue();
    assertThat(doc.get("paths").has("/articles/{id}")).isTrue();
    assertThat(doc.get("paths").has("/search")).isTrue();
    assertThat(doc.get("paths").has("/entities")).isTrue();
    assertThat(doc.get("paths").has("/entities/{kind}/{slug}")).isTrue();
    assertThat(doc.get("paths").has("/export/events")).isTrue();
    assertThat(doc.at("/components/schemas/SearchPage/properties").has("facets")).isTrue();
  }

  @Test
  void everyResponseCarriesAStrictContentSecurityPolicy() throws Exception {
    for (String path : List.of("/", "/api/v1/events", "/api/v1/events/nope", "/search?q=launch")) {
      String csp = http.get(path).headers().firstValue("content-security-policy").orElseThrow();
      assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }
  }

  @Test
  void oversizedRequestsAreRefused() throws Exception {
    HttpResponse<String> r = http.post("/api/v1/events", "x".repeat((int) Workbench.MAX_REQUEST_BYTES + 1));
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void launchesPerMonthHaveOneSeriesPerMissile() throws Exception {
    JsonNode body = Http.json(http.get("/api/v1/stats/launches-per-month"));
    int months = body.get("months").size();
    assertThat(months).isPositive();
    assertThat(body.get("series").size()).isPositive();
    for (JsonNode s : body.get("series")) {
      assertThat(s.get("data").size()).isEqualTo(months);
    }
  }

  @Test
  void launchesPerMonthCountEachLaunchOnce_notEachWeaponItNames() throws Exception {
    JsonNode body = Http.json(http.get("/api/v1/stats/launches-per-month"));
    int counted = 0;
    for (JsonNode s : body.get("series")) {
      for (JsonNode n : s.get("data")) {
        counted += n.asInt();
      }
    }
    List<org.watchfloor.model.Event> all = store.inTransaction(() -> store.events().list("missile_launch", 0));
    java.util.Set<String> backgroundOnly = store.inTransaction(() -> store.events().backgroundOnly(
        all.stream().map(org.watchfloor.model.Event::id).collect(java.util.stream.Collectors.toSet())));
    List<org.watchfloor.model.Event> launches = all.stream()
        .filter(e -> !e.planned() && e.date().precision().compareTo(org.watchfloor.model.DatePrecision.MONTH) <= 0
            && e.date().isKnown() && !backgroundOnly.contains(e.id()))
        .toList();
    assertThat(launches.stream().mapToInt(e -> e.weapons().size()).sum()).as("weapons named")
        .isGreaterThan(launches.size());
    assertThat(counted).isEqualTo(launches.size());
    List<String> names = new ArrayList<>();
    body.get("series").forEach(s -> names.add(s.get("name").asText()));
    assertThat(names).doesNotContain("nuclear weapon");
  }

  @Test
  void eachMonthOfTheLaunchChartCountsWhatTheTimelineListsForIt() throws Exception {
    JsonNode body = Http.json(http.get("/api/v1/stats/launches-per-month"));
    JsonNode months = body.get("months");
    int checked = 0;
    for (int i = 0; i < months.size(); i++) {
      int inMonth = 0;
      for (JsonNode s : body.get("series")) {
        inMonth += s.get("data").get(i).asInt();
      }
      String month = months.get(i).asText();
      JsonNode listed = Http.json(http.get("/api/v1/events?type=missile_launch&month=" + month
          + "&background=hide&planned=hide&limit=1"));
      assertThat(inMonth).as(month).isEqualTo(listed.get("total").asInt());
      checked += inMonth;
    }
    assertThat(checked).as("launches counted").isPositive();
  }
}
