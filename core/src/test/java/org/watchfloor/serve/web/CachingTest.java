package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What clients may keep: an event's JSON carries a strong ETag and is revalidated ({@code
 * If-None-Match} answers 304 with no body while it is unchanged); pages link assets under names
 * holding a hash of their bytes, served as immutable, and the plain names stay cached for a day.
 */
class CachingTest extends SampleServerTest {

  private String anEventId() throws Exception {
    return Http.json(http.get("/api/v1/events?limit=1")).at("/events/0/id").asText();
  }

  @Test
  void anUnchangedEventIsNotSentAgain() throws Exception {
    String id = anEventId();
    HttpResponse<String> first = http.get("/api/v1/events/" + id);
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(first.headers().firstValue("cache-control")).hasValue("no-cache");
    assertThat(http.get("/api/v1/events/" + id).headers().firstValue("etag")).hasValue(etag);

    HttpResponse<String> again = http.send("/api/v1/events/" + id, b -> b.header("If-None-Match", etag));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(http.send("/api/v1/events/" + id, b -> b.header("If-None-Match", "\"other\", W/" + etag)).statusCode())
        .isEqualTo(304);
    HttpResponse<String> changed = http.send("/api/v1/events/" + id, b -> b.header("If-None-Match", "\"other\""));
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).isEqualTo(first.body());
  }

  @Test
  void anEditMakesTheEventNewAgainInTheItemAndInTheList() throws Exception {
    String token;
    try (org.watchfloor.serve.auth.Accounts accounts = org.watchfloor.serve.auth.Accounts.beside(store)) {
      accounts.add("cache", "correct horse battery".toCharArray());
      token = accounts.issueToken("cache");
    }
    String id = Http.json(http.get("/api/v1/events?limit=500")).at("/events/5/id").asText();
    HttpResponse<String> before = http.get("/api/v1/events/" + id);
    assertThat(Http.json(before).get("status").asText()).isEqualTo("open");
    String etag = before.headers().firstValue("etag").orElseThrow();
    HttpResponse<String> confirm = http.send("/api/v1/events/" + id + "/confirm", b -> b.header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
    HttpResponse<String> after = http.send("/api/v1/events/" + id, b -> b.header("If-None-Match", etag));
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(Http.json(after).get("status").asText()).isEqualTo("confirmed");
    assertThat(Http.json(http.get("/api/v1/events?limit=500")).at("/events/5/status").asText()).isEqualTo("confirmed");
  }

  @Test
  void aReportIngestedMeanwhileMakesTheEventNewAgainInTheItemAndInTheList() throws Exception {
    String day = "/api/v1/events?type=missile_launch&from=2024-05-30&to=2024-05-30";
    List<JsonNode> listed = new ArrayList<>();
    Http.json(http.get(day)).get("events").forEach(e -> {
      if (e.get("date").asText().equals("2024-05-30")) {
        listed.add(e);
      }
    });
    assertThat(listed).as("the sample's launch of 2024-05-30").hasSize(1);
    String id = listed.get(0).get("id").asText();
    HttpResponse<String> before = http.get("/api/v1/events/" + id);
    int reports = Http.json(before).get("reports").size();
    String etag = before.headers().firstValue("etag").orElseThrow();
    assertThat(http.send("/api/v1/events/" + id, b -> b.header("If-None-Match", etag)).statusCode()).isEqualTo(304);

    java.nio.file.Path dir = tmp.resolve("same-launch");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.writeString(dir.resolve("later.txt"), """
        url: https://example.net/2024/05/30/second-look
        outlet: Another Example Wire
        published: 2024-05-30T15:30:00+09:00
        title: Pyongyang launches short-range missile off east coast
        language: en

        SEOUL, May 30 - North Korea launched a short-range ballistic missile toward the East Sea on Thursday
        morning, according to South Korea's military, which said it was tracking the flight with Japan.
        """);
    new org.watchfloor.pipeline.Pipeline(store, new org.watchfloor.extract.Extractor(
        org.watchfloor.profile.WatchProfile.load("dprk")), new org.watchfloor.pipeline.Pipeline.Listener() {})
        .ingest(java.util.List.of(dir));

    HttpResponse<String> after = http.send("/api/v1/events/" + id, b -> b.header("If-None-Match", etag));
    assertThat(after.statusCode()).as("the event gained a report").isEqualTo(200);
    assertThat(Http.json(after).get("reports").size()).isEqualTo(reports + 1);
    assertThat(after.headers().firstValue("etag")).isPresent().get().isNotEqualTo(etag);
    JsonNode inList = null;
    for (JsonNode e : Http.json(http.get(day)).get("events")) {
      inList = e.get("id").asText().equals(id) ? e : inList;
    }
    assertThat(inList).isEqualTo(Http.json(after));
  }

  @Test
  void theListAndTheItemSayTheSame() throws Exception {
    HttpResponse<String> page = http.get("/api/v1/events?limit=20");
    // the made JSON is spliced into a body sized for it: nothing after the closing brackets
    assertThat(page.body()).endsWith("}]}");
    var events = Http.json(page).get("events");
    assertThat(events).hasSize(20);
    HttpResponse<String> beyond = http.get("/api/v1/events?limit=20&offset=100000");
    assertThat(beyond.body()).endsWith(",\"events\":[]}");
    assertThat(Http.json(beyond).get("events")).isEmpty();
    for (var e : events) {
      assertThat(Http.json(http.get("/api/v1/events/" + e.get("id").asText()))).isEqualTo(e);
    }
  }

  @Test
  void aSearchAskedAgainSeesWhatWasIndexedMeanwhile() throws Exception {
    String q = "/api/v1/search?q=zyxwvutsrq";
    assertThat(Http.json(http.get(q)).get("total").asInt()).isZero();
    assertThat(Http.json(http.get(q)).get("total").asInt()).isZero();
    java.nio.file.Path dir = tmp.resolve("more");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.writeString(dir.resolve("new.txt"), """
        url: https://example.org/zyx
        outlet: Example
        published: 2025-02-01T09:00:00+09:00
        title: The zyxwvutsrq launch
        language: en

        North Korea fired a zyxwvutsrq missile, South Korea's Joint Chiefs of Staff said.
        """);
    new org.watchfloor.pipeline.Pipeline(store, new org.watchfloor.extract.Extractor(
        org.watchfloor.profile.WatchProfile.load("dprk")), new org.watchfloor.pipeline.Pipeline.Listener() {})
        .ingest(java.util.List.of(dir));
    store.syncIndex();
    assertThat(Http.json(http.get(q)).get("total").asInt()).isPositive();
  }

  @Test
  void eventsDifferInTheirTags() throws Exception {
    var events = Http.json(http.get("/api/v1/events?limit=2")).get("events");
    String a = http.get("/api/v1/events/" + events.get(0).get("id").asText()).headers().firstValue("etag").orElseThrow();
    String b = http.get("/api/v1/events/" + events.get(1).get("id").asText()).headers().firstValue("etag").orElseThrow();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void pagesLinkImmutableAssetsUnderTheirHash() throws Exception {
    String page = http.get("/").body();
    String css = Assets.url("app.css");
    assertThat(css).matches("/assets/[0-9a-f]{12}/app\\.css");
    assertThat(page).contains("href=\"" + css + "\"").contains("src=\"" + Assets.url("htmx.min.js") + "\"");
    HttpResponse<String> versioned = http.get(css);
    assertThat(versioned.statusCode()).isEqualTo(200);
    assertThat(versioned.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
    HttpResponse<String> plain = http.get("/assets/app.css");
    assertThat(plain.body()).isEqualTo(versioned.body());
    assertThat(plain.headers().firstValue("cache-control")).hasValue("public, max-age=86400");
    HttpResponse<String> oldHash = http.get("/assets/000000000000/app.css");
    assertThat(oldHash.statusCode()).isEqualTo(200);
    assertThat(oldHash.headers().firstValue("cache-control")).hasValue("public, max-age=86400");
    assertThat(http.get("/assets/" + css.split("/")[2] + "/nope.js").statusCode()).isEqualTo(404);
  }
}
