package org.watchfloor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.SampleCorpus;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Event;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.EventRows;
import org.watchfloor.store.Store;

/**
 * A page of events reads its reports, their claims and their articles together (a few statements
 * for the page rather than a few per report): what it reads is what the rows say, report by report
 * and claim by claim in their stored order, and the same as each event read alone.
 */
class EventReportsTogetherTest {

  @TempDir Path tmp;

  @Test
  void aPageOfEventsReadsTheReportsEachEventHas() throws Exception {
    Path dir = tmp.resolve("store");
    try (Store store = Store.open(dir)) {
      new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {})
          .ingest(List.of(SampleCorpus.articles()));
      List<Event> events = store.events().filtered(EventRows.Criteria.ALL, 500, 0);
      assertThat(events).hasSizeGreaterThan(3);
      EventViews views = new EventViews(store);
      Map<String, List<ContractJson.ReportView>> together = views.reports(events);
      try (Connection rows = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.DB_FILE))) {
        int claims = 0;
        for (Event e : events) {
          List<ContractJson.ReportView> page = together.getOrDefault(e.id(), List.of());
          assertThat(page.stream().map(v -> v.report().id()).toList()).as(e.id())
              .isEqualTo(strings(rows, "SELECT id FROM reports WHERE event_id = ? ORDER BY id", e.id()));
          for (ContractJson.ReportView v : page) {
            assertThat(v.article().id()).isEqualTo(v.report().articleId());
            List<String> stored = strings(rows, "SELECT field || '=' || value || '@' || start_pos || '-' || end_pos"
                + " FROM claims WHERE report_id = ? ORDER BY rowid", v.report().id());
            assertThat(v.report().claims().stream().map(EventReportsTogetherTest::text).toList()).as(v.report().id())
                .isEqualTo(stored);
            claims += stored.size();
          }
          // alone, the event reads the same reports
          assertThat(ContractJson.line(ContractJson.event(e, views.reports(e))))
              .isEqualTo(ContractJson.line(ContractJson.event(e, page)));
        }
        assertThat(claims).as("claims read in all").isPositive();
      }
    }
  }

  private static String text(Claim c) {
    return c.field() + "=" + c.value() + "@" + c.start() + "-" + c.end();
  }

  private static List<String> strings(Connection db, String sql, String key) throws Exception {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
