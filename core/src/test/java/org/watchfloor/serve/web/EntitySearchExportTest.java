package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Entity pages and API, search facets, and the web exports, over the sample corpus. */
class EntitySearchExportTest extends SampleServerTest {

  @Test
  void entitiesAreListedByKindAndPaged() throws Exception {
    JsonNode weapons = Http.json(http.get("/api/v1/entities?kind=weapon&limit=500"));
    assertThat(weapons.get("total").asInt()).isEqualTo(weapons.get("entities").size()).isGreaterThan(10);
    for (JsonNode e : weapons.get("entities")) {
      assertThat(e.get("kind").asText()).isEqualTo("weapon");
      assertThat(e.get("id").asText()).startsWith("weapon/");
    }
    JsonNode page = Http.json(http.get("/api/v1/entities?kind=weapon&limit=3&offset=2"));
    assertThat(page.get("entities").size()).isEqualTo(3);
    assertThat(page.at("/entities/0/id").asText()).isEqualTo(weapons.at("/entities/2/id").asText());
    HttpResponse<String> bad = http.get("/api/v1/entities?kind=spaceship");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).at("/error/parameter").asText()).isEqualTo("kind");
  }

  @Test
  void aWeaponsEventsAreThoseTheTimelineFilterFinds() throws Exception {
    JsonNode entity = Http.json(http.get("/api/v1/entities/weapon/hwasong-18"));
    assertThat(entity.get("name").asText()).isEqualTo("Hwasong-18");
    assertThat(entity.get("aliases").toString()).contains("KN-27");
    Set<String> fromEntity = new HashSet<>();
    entity.get("events").forEach(e -> fromEntity.add(e.get("id").asText()));
    Set<String> fromFilter = new HashSet<>();
    Http.json(http.get("/api/v1/events?weapon=Hwasong-18&limit=500")).get("events")
        .forEach(e -> fromFilter.add(e.get("id").asText()));
    assertThat(fromEntity).isNotEmpty().isEqualTo(fromFilter);
    int charted = 0;
    for (JsonNode c : entity.at("/per_month/counts")) {
      charted += c.asInt();
    }
    assertThat(charted).isPositive().isLessThanOrEqualTo(fromEntity.size());
    assertThat(entity.at("/per_month/months").size()).isEqualTo(entity.at("/per_month/counts").size());
    assertThat(entity.get("events_total").asInt()).isEqualTo(fromEntity.size());
  }

  @Test
  void anEntitysEventsComeInPagesAndItsChartCountsThemAll() throws Exception {
    JsonNode whole = Http.json(http.get("/api/v1/entities/place/north-korea?limit=500"));
    int total = whole.get("events_total").asInt();
    assertThat(total).isGreaterThan(3).isEqualTo(whole.get("events").size());
    JsonNode first = Http.json(http.get("/api/v1/entities/place/north-korea?limit=2"));
    JsonNode second = Http.json(http.get("/api/v1/entities/place/north-korea?limit=2&offset=2"));
    assertThat(first.get("events_total").asInt()).isEqualTo(total);
    assertThat(first.get("events").size()).isEqualTo(2);
    assertThat(first.at("/events/0/id")).isEqualTo(whole.at("/events/0/id"));
    assertThat(second.at("/events/0/id")).isEqualTo(whole.at("/events/2/id"));
    assertThat(first.get("per_month")).isEqualTo(whole.get("per_month"));
    int charted = 0;
    for (JsonNode c : whole.at("/per_month/counts")) {
      charted += c.asInt();
    }
    int datedToAMonth = 0;
    for (JsonNode e : whole.get("events")) {
      String id = e.get("id").asText();
      String precision = Http.json(http.get("/api/v1/events/" + id)).get("date_precision").asText();
      if (precision.equals("day") || precision.equals("week") || precision.equals("month")) {
        datedToAMonth++;
      }
    }
    assertThat(charted).isEqualTo(datedToAMonth);
  }

  @Test
  void entityPagesShowAliasesEventsAndAChart() throws Exception {
    HttpResponse<String> r = http.get("/entity/weapon/hwasong-18");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("KN-27").contains("id=\"chart\"").contains("class=\"event-link\"");
    assertThat(http.get("/entity/weapon/no-such-thing").statusCode()).isEqualTo(404);
    assertThat(Http.json(http.get("/api/v1/entities/weapon/no-such-thing")).at("/error/status").asInt()).isEqualTo(404);
  }

  @Test
  void eventPagesAndTheTimelineLinkEntityNames() throws Exception {
    String id = Http.json(http.get("/api/v1/events?weapon=Hwasong-18&limit=1")).at("/events/0/id").asText();
    assertThat(http.get("/events/" + id).body()).contains("href=\"/entity/weapon/hwasong-18\"");
    assertThat(http.get("/?weapon=Hwasong-18").body()).contains("href=\"/entity/weapon/hwasong-18\"");
  }

  @Test
  void searchFacetsCountHitsAndNarrowThem() throws Exception {
    JsonNode all = Http.json(http.get("/api/v1/search?q=missile&limit=500"));
    assertThat(all.get("facets").has("type")).isTrue();
    assertThat(all.get("facets").has("weapon")).isTrue();
    assertThat(all.get("facets").has("year")).isTrue();
    JsonNode outlets = all.at("/facets/outlet");
    assertThat(outlets.size()).isPositive();
    int total = all.get("total").asInt();
    assertThat(all.get("hits").size()).isEqualTo(total);
    for (JsonNode v : outlets) {
      assertThat(v.get("count").asInt()).isBetween(1, total);
    }
    String outlet = outlets.get(0).get("value").asText();
    int count = outlets.get(0).get("count").asInt();
    JsonNode narrowed = Http.json(http.get("/api/v1/search?q=missile&limit=500&outlet="
        + java.net.URLEncoder.encode(outlet, java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(narrowed.get("total").asInt()).isEqualTo(count).isEqualTo(narrowed.get("hits").size());
    assertThat(narrowed.at("/facets/outlet/0/value").asText()).isEqualTo(outlet);
    assertThat(narrowed.at("/selected/outlet").asText()).isEqualTo(outlet);
  }

  @Test
  void theSearchPageOffersFacetLinks() throws Exception {
    String html = http.get("/search?q=missile").body();
    assertThat(html).contains("id=\"facets\"").contains("data-facet=\"outlet\"").contains("class=\"facet-value");
    assertThat(html).contains("href=\"/search?q=missile&amp;type=");
  }

  @Test
  void theFilteredTimelineExportsAsCsvAndJson() throws Exception {
    int launches = Http.json(http.get("/api/v1/events?type=missile_launch")).get("total").asInt();
    HttpResponse<String> csv = http.get("/api/v1/export/events?type=missile_launch&format=csv");
    assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("content-disposition").orElseThrow()).contains("attachment");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.body())).getRecords();
    assertThat(rows).hasSize(launches).allMatch(r -> r.get("type").equals("missile_launch"))
        .allMatch(r -> !r.get("citations").isEmpty());
    JsonNode json = Http.json(http.get("/api/v1/export/events?type=missile_launch&format=json"));
    assertThat(json.size()).isEqualTo(launches);
    assertThat(http.get("/api/v1/export/events?format=xml").statusCode()).isEqualTo(400);
    String table = http.get("/api/v1/export/launches").body();
    assertThat(table).startsWith("date,time,missile_name,missile_type,facility,landing_location");
    // the page's export is of what the page lists: its default hides background-only and planned events
    assertThat(http.get("/?type=missile_launch").body())
        .contains("/api/v1/export/events?type=missile_launch&amp;background=hide&amp;planned=hide&amp;format=csv");
  }
}
