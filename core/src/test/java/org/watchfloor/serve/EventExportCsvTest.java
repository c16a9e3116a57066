package org.watchfloor.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/** An outlet that names itself like a formula gets no formula into a spreadsheet through the export. */
class EventExportCsvTest {

  @TempDir Path tmp;

  @Test
  void aCitationThatLooksLikeAFormulaIsEscapedInTheCsvExport() throws Exception {
    WatchProfile profile = WatchProfile.load("dprk");
    String text = "Title: Missile fired into the sea\nOutlet: =HYPERLINK(\"http://evil.example/\",\"Wire\")\n"
        + "Published: 2025-11-03\n\n"
        + "North Korea fired a ballistic missile off its east coast on Monday, the military in Seoul said. "
        + "The missile flew about 400 km before falling into the sea.\n";
    try (Store store = Store.open(tmp.resolve("s"))) {
      new Pipeline(store, new Extractor(profile), new Pipeline.Listener() {}, Optional.empty())
          .ingestDocuments(List.of(new RawDocument("formula.txt", "formula.txt", RawDocument.Format.TEXT,
              text.getBytes(UTF_8), Map.of())));
      StringWriter out = new StringWriter();

      new EventExport(store, profile).events((String) null, EventExport.Format.csv, out);

      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(out.toString())).getRecords();
      assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("citations")).startsWith("'=HYPERLINK("));
      assertThat(out.toString()).contains(",\"'=HYPERLINK(");
    }
  }
}
