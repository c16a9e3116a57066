package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.EventExport;

/**
 * Exports over HTTP, streamed: JSON Lines, JSON and CSV carry the same events as the export the
 * command line writes; {@code limit} and {@code after} take the record in parts that join up to
 * the whole, and the event list pages by the same cursor ({@code next}); a cursor that names no
 * event is a 400 before anything is streamed.
 */
class ExportStreamTest extends SampleServerTest {

  private static List<String> lines(String body) {
    return body.lines().filter(l -> !l.isEmpty()).toList();
  }

  private static String idOf(String jsonLine) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonLine).get("id").asText();
  }

  @Test
  void jsonLinesAreTheCommandLinesExportByteForByte() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/export/events?format=jsonl");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/x-ndjson");
    assertThat(r.headers().firstValue("content-disposition").orElseThrow()).contains("events.jsonl");
    StringWriter expected = new StringWriter();
    store.inTransaction(() -> {
      try {
        new EventExport(store, WatchProfile.load("dprk")).events((String) null, EventExport.Format.jsonl, expected);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return null;
    });
    assertThat(r.body()).isEqualTo(expected.toString());
    assertThat(lines(r.body())).hasSizeGreaterThan(6);
  }

  @Test
  void jsonAndCsvCarryTheSameEvents() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String l : lines(http.get("/api/v1/export/events?format=jsonl").body())) {
      ids.add(idOf(l));
    }
    JsonNode json = Http.json(http.get("/api/v1/export/events?format=json"));
    List<String> jsonIds = new ArrayList<>();
    json.forEach(e -> jsonIds.add(e.get("id").asText()));
    assertThat(jsonIds).isEqualTo(ids);
    HttpResponse<String> csv = http.get("/api/v1/export/events");
    assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("id,type,date");
    for (String id : ids) {
      assertThat(csv.body()).contains(id);
    }
  }

  @Test
  void partsTakenAfterTheLastEventReceivedJoinUpToTheWhole() throws Exception {
    List<String> whole = lines(http.get("/api/v1/export/events?format=jsonl").body());
    List<String> joined = new ArrayList<>();
    String after = null;
    for (int part = 0; part < 100; part++) {
      String url = "/api/v1/export/events?format=jsonl&limit=3" + (after == null ? "" : "&after=" + after);
      List<String> got = lines(http.get(url).body());
      if (got.isEmpty()) {
        break;
      }
      assertThat(got).hasSizeLessThanOrEqualTo(3);
      joined.addAll(got);
      after = idOf(got.get(got.size() - 1));
    }
    assertThat(joined).isEqualTo(whole);
  }

  @Test
  void theEventListPagesByTheSameCursor() throws Exception {
    JsonNode byOffset = Http.json(http.get("/api/v1/events?limit=500"));
    List<String> whole = new ArrayList<>();
    byOffset.get("events").forEach(e -> whole.add(e.get("id").asText()));
    assertThat(byOffset.get("next").isNull()).isTrue();
    List<String> joined = new ArrayList<>();
    JsonNode page = Http.json(http.get("/api/v1/events?limit=4"));
    while (true) {
      page.get("events").forEach(e -> joined.add(e.get("id").asText()));
      assertThat(page.get("total").asLong()).isEqualTo(whole.size());
      if (page.get("next").isNull()) {
        break;
      }
      page = Http.json(http.get("/api/v1/events?limit=4&after=" + page.get("next").asText()));
    }
    assertThat(joined).isEqualTo(whole);
    JsonNode typed = Http.json(http.get("/api/v1/events?type=missile_launch&limit=2"));
    String next = typed.get("next").asText();
    JsonNode rest = Http.json(http.get("/api/v1/events?type=missile_launch&limit=500&after=" + next));
    rest.get("events").forEach(e -> assertThat(e.get("type").asText()).isEqualTo("missile_launch"));
    assertThat(rest.get("events").size() + 2).isEqualTo(typed.get("total").asInt());
  }

  @Test
  void aCursorNamingNoEventIsRefusedBeforeAnythingIsStreamed() throws Exception {
    for (String url : List.of("/api/v1/export/events?after=nope", "/api/v1/export/launches?after=nope",
        "/api/v1/events?after=nope")) {
      HttpResponse<String> r = http.get(url);
      assertThat(r.statusCode()).as(url).isEqualTo(400);
      assertThat(Http.json(r).at("/error/parameter").asText()).isEqualTo("after");
    }
    assertThat(http.get("/api/v1/events?after=x&offset=3").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/v1/export/events?format=xml").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/v1/export/events?limit=0").statusCode()).isEqualTo(400);
  }
}
