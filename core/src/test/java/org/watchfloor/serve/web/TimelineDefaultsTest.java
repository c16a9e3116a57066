package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;

/**
 * The timeline as an analyst opens it: the news only (background-only and planned events hidden
 * unless asked for, and badged when shown), readable titles and the confidence; the chart of
 * events by type per month agreeing with the timeline each bar links to; the article browser with
 * copies folded; the API reference, the icon.
 */
class TimelineDefaultsTest extends SampleServerTest {

  private static final Pattern ROW = Pattern.compile("<tr class=\"event-row([^\"]*)\" data-id=\"([^\"]+)\"");

  /** The ids of the events a timeline page lists, with the row classes of each. */
  private List<String[]> rows(String path) throws Exception {
    String html = http.get(path).body();
    Matcher m = ROW.matcher(html);
    List<String[]> out = new ArrayList<>();
    while (m.find()) {
      out.add(new String[] {m.group(2), m.group(1)});
    }
    return out;
  }

  private static int count(String html) {
    Matcher m = Pattern.compile("<span id=\"event-count\">(\\d+) events</span>").matcher(html);
    assertThat(m.find()).as("the event count on the page").isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** The events every report of which is background, read from the store. */
  private static Set<String> backgroundOnly() throws Exception {
    Set<String> out = new HashSet<>();
    for (Event e : store.events().list(null, 0)) {
      List<Report> reports = store.events().reportsOf(e.id());
      if (!reports.isEmpty() && reports.stream().allMatch(Report::background)) {
        out.add(e.id());
      }
    }
    return out;
  }

  private static Set<String> planned() throws Exception {
    Set<String> out = new HashSet<>();
    for (Event e : store.events().list(null, 0)) {
      if (e.planned()) {
        out.add(e.id());
      }
    }
    return out;
  }

  @Test
  void theTimelineHidesBackgroundOnlyAndPlannedEventsUnlessAskedAndBadgesThem() throws Exception {
    Set<String> background = backgroundOnly();
    Set<String> planned = planned();
    assertThat(background).as("the sample corpus has background-only events").isNotEmpty();
    assertThat(planned).as("the sample corpus has planned events").isNotEmpty();
    int all = store.events().list(null, 0).size();

    List<String[]> news = rows("/?limit=500");
    assertThat(news).isNotEmpty();
    assertThat(news).noneMatch(r -> background.contains(r[0]) || planned.contains(r[0]));
    Set<String> hidden = new HashSet<>(background);
    hidden.addAll(planned);
    assertThat(count(http.get("/?limit=500").body())).isEqualTo(all - hidden.size()).isEqualTo(news.size());

    List<String[]> onlyBackground = rows("/?limit=500&background=only&planned=show");
    assertThat(onlyBackground).extracting(r -> r[0]).containsExactlyInAnyOrderElementsOf(background);
    assertThat(onlyBackground).allMatch(r -> r[1].contains("background-row"));
    String html = http.get("/?limit=500&background=only&planned=show").body();
    assertThat(html).contains("class=\"badge badge-background\"");

    List<String[]> onlyPlanned = rows("/?limit=500&planned=only&background=show");
    assertThat(onlyPlanned).extracting(r -> r[0]).containsExactlyInAnyOrderElementsOf(planned);
    assertThat(http.get("/?limit=500&planned=only&background=show").body()).contains("class=\"badge badge-planned\"");

    assertThat(rows("/?limit=500&background=show&planned=show")).hasSize(all);
    // links to the next page keep the choice
    assertThat(http.get("/?limit=1&background=show").body()).contains("href=\"/?background=show&amp;offset=1&amp;limit=1\"");
    assertThat(http.get("/?background=sometimes").statusCode()).isEqualTo(400);
  }

  @Test
  void theApiStillListsEveryEventByDefaultAndFiltersWhenAsked() throws Exception {
    int all = store.events().list(null, 0).size();
    assertThat(Http.json(http.get("/api/v1/events?limit=1")).get("total").asInt()).isEqualTo(all);
    int news = Http.json(http.get("/api/v1/events?limit=1&background=hide&planned=hide")).get("total").asInt();
    assertThat(news).isEqualTo(count(http.get("/").body())).isLessThan(all);
    JsonNode bad = Http.json(http.get("/api/v1/events?planned=maybe"));
    assertThat(bad.at("/error/parameter").asText()).isEqualTo("planned");
    assertThat(Http.json(http.get("/api/v1/events?month=2024-13")).at("/error/parameter").asText()).isEqualTo("month");
    // and says so in its OpenAPI document
    JsonNode doc = Http.json(http.get("/api/v1/openapi.json"));
    List<String> params = new ArrayList<>();
    doc.at("/paths/~1events/get/parameters").forEach(p -> params.add(p.get("name").asText()));
    assertThat(params).contains("month", "background", "planned");
    assertThat(doc.at("/paths/~1stats~1events-per-month/get/responses/200").isMissingNode()).isFalse();
  }

  @Test
  void eachRowHasAReadableTitleFromTheProfileAndItsConfidence() throws Exception {
    String html = http.get("/?type=missile_launch&limit=500").body();
    Matcher titles = Pattern.compile("class=\"event-link event-title\" href=\"/events/[^\"]+\">([^<]+)</a>").matcher(html);
    List<String> all = new ArrayList<>();
    while (titles.find()) {
      all.add(titles.group(1));
    }
    assertThat(all).isNotEmpty().allMatch(t -> t.contains("launch"));
    // a named missile with its class where the name does not say it
    assertThat(all).anyMatch(t -> t.matches("Hwasong-\\d+ (ICBM|IRBM|MRBM|SRBM|hypersonic) launch.*"));
    assertThat(html).contains("<td data-label=\"Type\">missile launch</td>");
    assertThat(html).containsPattern("<td data-label=\"Confidence\" class=\"confidence\" title=\"[^\"]+\">\\d{1,3}%</td>");
    // the type filter offers the profile's labels
    assertThat(html).contains("<option value=\"missile_launch\" selected>missile launch</option>");
  }

  @Test
  void eachCountOfTheEventsByTypeChartIsWhatTheTimelineItLinksToLists() throws Exception {
    JsonNode stats = Http.json(http.get("/api/v1/stats/events-per-month"));
    JsonNode months = stats.get("months");
    assertThat(months.size()).isPositive();
    assertThat(stats.get("series")).anyMatch(s -> s.get("type").asText().equals("missile_launch")
        && s.get("name").asText().equals("missile launch"));
    int checked = 0;
    int total = 0;
    for (JsonNode s : stats.get("series")) {
      for (int i = 0; i < months.size(); i++) {
        int n = s.get("data").get(i).asInt();
        total += n;
        if (n > 0 && checked < 12) {
          String link = Views.Charts.timeline(s.get("type").asText(), months.get(i).asText());
          assertThat(count(http.get(link + "&limit=500").body())).as(link).isEqualTo(n);
          checked++;
        }
      }
    }
    assertThat(checked).isPositive();
    // every event the default timeline lists that is dated to a month or finer is counted once
    int dated = 0;
    for (Event e : store.events().list(null, 0)) {
      if (!e.planned() && !backgroundOnly().contains(e.id()) && switch (e.date().precision()) {
        case DAY, WEEK, MONTH -> true;
        default -> false;
      }) {
        dated++;
      }
    }
    assertThat(total).isEqualTo(dated);
    // the page offers the same counts as links, for those who do not use the chart
    String page = http.get("/charts").body();
    assertThat(page).contains("id=\"type-chart\"").contains("data-link=\"/?type={type}&amp;month={month}\"")
        .contains("href=\"/?type=missile_launch&amp;month=");
  }

  @Test
  void theArticleBrowserFoldsCopiesUnderTheirOriginal() throws Exception {
    String html = http.get("/articles?limit=500").body();
    Matcher rows = Pattern.compile("<tr class=\"article-row\" data-id=\"([^\"]+)\"").matcher(html);
    List<String> originals = new ArrayList<>();
    while (rows.find()) {
      originals.add(rows.group(1));
    }
    Matcher copies = Pattern.compile("<li class=\"copy\" data-id=\"([^\"]+)\"").matcher(html);
    List<String> folded = new ArrayList<>();
    while (copies.find()) {
      folded.add(copies.group(1));
    }
    List<String> copyIds = new ArrayList<>();
    List<String> originalIds = new ArrayList<>();
    for (var a : store.articles().list(null, 0)) {
      (a.copyOf() == null ? originalIds : copyIds).add(a.id());
    }
    assertThat(copyIds).as("the sample corpus has copies").isNotEmpty();
    assertThat(originals).containsExactlyInAnyOrderElementsOf(originalIds);
    assertThat(folded).containsExactlyInAnyOrderElementsOf(copyIds);
    assertThat(html).contains("<details class=\"copies\"");
    assertThat(html).contains("<p id=\"article-count\">" + originalIds.size() + " articles");
    // hostile titles stay text
    assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
    assertThat(http.get("/articles?limit=1").body()).contains("href=\"/articles?offset=1&amp;limit=1\"");
  }

  @Test
  void theApiReferenceAndTheIconAreServedFromTheJar() throws Exception {
    String docs = http.get("/api-docs").body();
    assertThat(docs).contains("id=\"swagger-ui\"").contains(Assets.url("swagger-ui-bundle.js"))
        .contains(Assets.url("api-docs.js")).doesNotContain("http://").doesNotContain("https://");
    assertThat(http.get(Assets.url("swagger-ui-bundle.js")).body()).contains("SwaggerUIBundle");
    assertThat(http.get(Assets.url("swagger-ui.css")).headers().firstValue("content-type").orElseThrow())
        .startsWith("text/css");
    var icon = http.get(Assets.url("favicon.svg"));
    assertThat(icon.headers().firstValue("content-type").orElseThrow()).isEqualTo("image/svg+xml");
    assertThat(icon.body()).startsWith("<svg");
    assertThat(http.get("/").body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + Assets.url("favicon.svg"));
    var ico = http.send("/favicon.ico", b -> b.GET());
    assertThat(ico.statusCode()).isEqualTo(301);
    assertThat(ico.headers().firstValue("location").orElseThrow()).endsWith(Assets.url("favicon.svg"));
  }
}
