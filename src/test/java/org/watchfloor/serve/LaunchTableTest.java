package org.watchfloor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/** The launch table: launches only (planned ones when asked), missiles named, landing areas from the gazetteer. */
class LaunchTableTest {

  @TempDir Path tmp;

  private static Event launch(String id, boolean planned, List<String> weapons, List<String> locations) {
    return new Event(id, "missile_launch", EventDate.day(LocalDate.of(2023, 11, 21)), planned, List.of(), weapons,
        locations, Map.of("range_km", "1000"), "s", 0.6, 1, 1, List.of());
  }

  private List<CSVRecord> table(List<Event> events, boolean includePlanned) throws Exception {
    try (Store store = Store.open(tmp.resolve("s"))) {
      StringWriter out = new StringWriter();
      new EventExport(store, WatchProfile.load("dprk")).launchTable(events, includePlanned, out);
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(out.toString())).getRecords();
    }
  }

  @Test
  void aPlannedLaunchIsLeftOutUnlessAskedFor() throws Exception {
    List<Event> events = List.of(launch("e1", false, List.of("Hwasong-18"), List.of()),
        launch("e2", true, List.of("space launch vehicle"), List.of()));
    assertThat(table(events, false)).extracting(r -> r.get("missile_name")).containsExactly("Hwasong-18");
    assertThat(table(events, true)).extracting(r -> r.get("outcome")).containsExactly("unknown", "planned");
  }

  @Test
  void theLandingPlaceIsWaterNeverADatelineCity() throws Exception {
    List<CSVRecord> rows = table(List.of(
        launch("e1", false, List.of("Hwasong-18"), List.of("Seoul", "Sea of Japan")),
        launch("e2", false, List.of("KN-25"), List.of("Washington", "Pyongyang"))), false);
    assertThat(rows).extracting(r -> r.get("landing_location")).containsExactly("Sea of Japan", "unknown");
  }

  @Test
  void aPayloadIsNoMissile() throws Exception {
    List<CSVRecord> rows = table(List.of(
        launch("e1", false, List.of("nuclear weapon", "SRBM", "Hwasong-11A"), List.of()),
        launch("e2", false, List.of("nuclear weapon"), List.of()),
        launch("e3", false, List.of("nuclear weapon", "ICBM"), List.of())), false);
    assertThat(rows).extracting(r -> r.get("missile_name")).containsExactly("Hwasong-11A", "unknown", "ICBM");
    assertThat(rows).extracting(r -> r.get("missile_type")).containsExactly("SRBM", "unknown", "ICBM");
  }
}
