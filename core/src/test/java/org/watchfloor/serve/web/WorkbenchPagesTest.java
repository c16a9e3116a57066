package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The HTML pages against a real server: they render, keep hostile text inert, and show conflicts. */
class WorkbenchPagesTest extends SampleServerTest {

  private String hostileArticleId() throws Exception {
    JsonNode hits = Http.json(http.get("/api/v1/search?q=outlet:hostile&kind=article")).get("hits");
    assertThat(hits.size()).isEqualTo(1);
    return hits.get(0).get("id").asText();
  }

  @Test
  void hostileArticleTextRendersEscaped() throws Exception {
    HttpResponse<String> r = http.get("/articles/" + hostileArticleId());
    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body();
    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>Outlet")
        .doesNotContain("javascript:");
    assertThat(html).contains("&lt;script&gt;alert(");
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(html).doesNotContain("\u202E").contains("[U+202E]evil");
  }

  @Test
  void timelineListsEventsWithLinks() throws Exception {
    HttpResponse<String> r = http.get("/?type=missile_launch");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("class=\"event-link event-title\" href=\"/events/");
    assertThat(http.get("/?limit=abc").statusCode()).isEqualTo(400);
  }

  @Test
  void eventPagePutsConflictingClaimsSideBySide() throws Exception {
    JsonNode conflicted = null;
    for (JsonNode e : Http.json(http.get("/api/v1/events?limit=500")).get("events")) {
      if (e.get("conflicts").size() > 0) {
        conflicted = e;
        break;
      }
    }
    assertThat(conflicted).as("the sample corpus has an event with conflicting claims").isNotNull();
    String field = conflicted.get("conflicts").get(0).get("field").asText();
    String html = http.get("/events/" + conflicted.get("id").asText()).body();
    assertThat(html).contains("class=\"field conflict\" data-field=\"" + field + "\"");
    for (JsonNode v : conflicted.get("conflicts").get(0).get("values")) {
      assertThat(html).contains(v.get("value").asText().replace("'", "&#39;"));
    }
  }

  @Test
  void anEventPageIsHeadedByTheTitleTheTimelineGivesTheEvent() throws Exception {
    JsonNode launch = null;
    for (JsonNode e : Http.json(http.get("/api/v1/events?limit=500&type=missile_launch")).get("events")) {
      if (e.get("weapons").size() > 0) {
        launch = e;
        break;
      }
    }
    assertThat(launch).as("the sample corpus has a launch with its missile").isNotNull();
    String html = http.get("/events/" + launch.get("id").asText()).body();
    String heading = html.substring(html.indexOf("<h1>") + 4, html.indexOf("</h1>"));
    assertThat(heading).contains("launch").doesNotContain("missile_launch");
    assertThat(http.get("/?type=missile_launch&background=show&planned=show").body()).contains(heading);
  }

  @Test
  void searchPagesLeadOnToTheNextHitsAndBackAndStopAtTheLast() throws Exception {
    String first = http.get("/search?q=missile&limit=5").body();
    assertThat(first).contains("id=\"next-page\" href=\"/search?q=missile&amp;limit=5&amp;offset=5\"")
        .doesNotContain("id=\"previous-page\"").containsPattern("1–5 of \\d+");
    String second = http.get("/search?q=missile&limit=5&offset=5").body();
    assertThat(second).contains("id=\"previous-page\" href=\"/search?q=missile&amp;limit=5\"").contains("6–10 of ");
    int total = Integer.parseInt(first.replaceAll("(?s).*id=\"hit-count\">(\\d+) hits.*", "$1"));
    String last = http.get("/search?q=missile&limit=5&offset=" + ((total - 1) / 5 * 5)).body();
    assertThat(last).doesNotContain("id=\"next-page\"").contains("id=\"previous-page\"");
  }

  @Test
  void theArticleReaderMarksTheSentenceAConflictLinksTo() throws Exception {
    String id = hostileArticleId();
    HttpResponse<String> r = http.get("/articles/" + id + "?from=0&to=5#sentence");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<mark class=\"claim-sentence\" id=\"sentence\">");
    assertThat(http.get("/articles/" + id).body()).doesNotContain("id=\"sentence\"");
    // a span that is no span of the text is refused, naming the parameter
    HttpResponse<String> backwards = http.get("/articles/" + id + "?from=5&to=2");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("to");
    assertThat(http.get("/articles/" + id + "?from=0&to=99999999").statusCode()).isEqualTo(400);
    assertThat(http.get("/articles/" + id + "?to=3").statusCode()).isEqualTo(400);
  }

  @Test
  void unknownPagesGet404Html() throws Exception {
    HttpResponse<String> r = http.get("/events/no-such-event");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
    assertThat(http.get("/assets/..%2Fwatchfloor.db").statusCode()).isEqualTo(404);
  }

  @Test
  void searchPageMarksMatches() throws Exception {
    String html = http.get("/search?q=hwasong").body();
    assertThat(html).contains("<mark>");
    assertThat(http.get("/search?q=%28").statusCode()).isEqualTo(400);
  }

  @Test
  void frontEndLibrariesComeFromTheJar() throws Exception {
    assertThat(http.get("/assets/htmx.min.js").statusCode()).isEqualTo(200);
    assertThat(http.get("/assets/echarts.min.js").body()).contains("echarts");
    assertThat(http.get("/charts").body()).contains("src=\"" + Assets.url("echarts.min.js") + "\"")
        .doesNotContain("http://").doesNotContain("https://");
  }
}
