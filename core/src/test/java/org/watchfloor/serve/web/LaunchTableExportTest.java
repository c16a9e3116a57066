package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.serve.NewsAndBackgroundLaunches;
import org.watchfloor.store.Store;

/**
 * The launch table over HTTP and from the timeline page: the launches told as news by default,
 * those only recalled in passing when asked for ({@code background=show}, the timeline's word),
 * marked {@code background=true}.
 */
class LaunchTableExportTest {

  @TempDir Path tmp;
  private Store store;
  private Workbench workbench;
  private Http http;

  @BeforeEach
  void start() {
    store = Store.open(tmp.resolve("s"));
    NewsAndBackgroundLaunches.fill(store);
    workbench = Workbench.over(store).start("127.0.0.1", 0);
    http = new Http(workbench.port());
  }

  @AfterEach
  void stop() {
    workbench.stop();
    store.close();
  }

  private List<CSVRecord> rows(String url) throws Exception {
    HttpResponse<String> r = http.get(url);
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(r.body())).getRecords();
  }

  @Test
  void theExportListsTheNewsLaunchAloneUnlessAskedForThePassingMentions() throws Exception {
    assertThat(rows("/api/v1/export/launches")).extracting(r -> r.get("event_id"))
        .containsExactly(NewsAndBackgroundLaunches.NEWS);
    assertThat(rows("/api/v1/export/launches?background=show"))
        .extracting(r -> r.get("event_id") + " " + r.get("background"))
        .containsExactly(NewsAndBackgroundLaunches.NEWS + " false", NewsAndBackgroundLaunches.RECALLED + " true");
    assertThat(rows("/api/v1/export/launches?background=only")).extracting(r -> r.get("event_id"))
        .containsExactly(NewsAndBackgroundLaunches.RECALLED);
    assertThat(http.get("/api/v1/export/launches?background=yes").statusCode()).isEqualTo(400);
  }

  @Test
  void theTimelinesLinkGivesTheTableOfWhatThePageShows() throws Exception {
    assertThat(http.get("/").body()).contains("id=\"export-launches\" href=\"/api/v1/export/launches\"");
    assertThat(rows("/api/v1/export/launches")).hasSize(1);
    String shown = http.get("/?background=show").body();
    assertThat(shown).contains("id=\"export-launches\" href=\"/api/v1/export/launches?background=show\"");
    assertThat(rows("/api/v1/export/launches?background=show")).hasSize(2);
  }
}
