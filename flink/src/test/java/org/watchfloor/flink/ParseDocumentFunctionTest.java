package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;

/** The parse stage of a WARC archive's pages in Flink's operator test harness. */
class ParseDocumentFunctionTest {

  private static Staged.Arrived page(String source, String url, String html) {
    return new Staged.Arrived(new RawDocument(source, "crawl.warc.gz", RawDocument.Format.HTML,
        html.getBytes(StandardCharsets.UTF_8), Map.of("url", url, "warc_date", "2025-05-09T03:00:00Z")));
  }

  @Test
  void aPageBecomesAnArticleAndWhatTheSourceCouldNotReadPassesOn() throws Exception {
    Staged.Failed unreadable = new Staged.Failed(new Problem("crawl.warc.gz@812", "WARC record cut short: the file ends inside it"));

    List<Staged> out = Harnesses.run(new ParseDocumentFunction(), List.of(
        page("crawl.warc.gz@0", "https://reader:pw@quay.example/drill",
            "<html><head><title>Harbour drill ends</title></head><body><article><p>The navy ended a week of"
                + " harbour drills on Friday, its spokesman said, and the ferries run again from Monday.</p>"
                + "</article></body></html>"),
        unreadable,
        page("crawl.warc.gz@400", "https://quay.example/empty", "<html><body></body></html>")));

    assertThat(out).hasSize(3);
    assertThat(out.get(0)).isInstanceOfSatisfying(Staged.Parsed.class, p -> {
      assertThat(p.article().title()).isEqualTo("Harbour drill ends");
      assertThat(p.article().url()).isEqualTo("https://quay.example/drill");
      assertThat(p.article().sourcePath()).isEqualTo("crawl.warc.gz");
    });
    assertThat(out.get(1)).isEqualTo(unreadable);
    assertThat(out.get(2)).isInstanceOfSatisfying(Staged.Failed.class,
        f -> assertThat(f.problem().source()).isEqualTo("crawl.warc.gz@400"));
  }

  @Test
  void theRecordsThatHoldNoArticleAreCountedAndGoNoFurther() throws Exception {
    Staged.Arrived article = page("crawl.warc.gz@900", "https://quay.example/drill",
        "<html><body><article><p>The navy ended a week of harbour drills on Friday.</p></article></body></html>");

    List<Staged> out = Harnesses.run(new ParseDocumentFunction(), List.of(
        new Staged.PassedOver("crawl.warc.gz@0", "WARC warcinfo"),
        new Staged.PassedOver("crawl.warc.gz@310", "WARC request"),
        article,
        new Staged.PassedOver("crawl.warc.gz@1700", "WARC request")));

    assertThat(out).singleElement().isInstanceOf(Staged.Parsed.class);
  }
}
