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

/**
 * The launch table: launches only (planned ones when asked), missiles named, landing areas from the
 * gazetteer, one row per missile counted, the stated time in Korean time and UTC.
 */
class LaunchTableTest {

  @TempDir Path tmp;

  private static Event launch(String id, boolean planned, List<String> weapons, List<String> locations) {
    return new Event(id, "missile_launch", EventDate.day(LocalDate.of(2023, 11, 21)), planned, List.of(), weapons,
        locations, Map.of("range_km", "1000"), "s", 0.6, 1, 1, List.of());
  }

  private static Event launch(String id, LocalDate day, Map<String, String> attributes) {
    return new Event(id, "missile_launch", EventDate.day(day), false, List.of(), List.of("SRBM"), List.of(),
        attributes, "s", 0.6, 1, 1, List.of());
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
  void theLaunchSiteIsANamedFacilityNeverOneNamedOnlyByItsKind() throws Exception {
    // "watched the test-fire at a munitions factory": a kind of place the leader visited, not the site
    List<CSVRecord> rows = table(List.of(
        launch("e1", false, List.of("KN-25"), List.of("munitions factory", "Chunghwa")),
        launch("e2", false, List.of("KN-25"), List.of("munitions factory", "Sea of Japan"))), false);
    assertThat(rows).extracting(r -> r.get("facility")).containsExactly("Chunghwa", "unknown");
  }

  @Test
  void aTownIsTheLaunchSiteOnlyWhereTheReportsSayTheLaunchCameFromIt() throws Exception {
    // a town among the places (a dateline, "the Kaesong industrial zone") is no site; the town
    // the extract stage read as where the launch came from is, unless a facility is named
    List<CSVRecord> rows = table(List.of(
        launch("e1", false, List.of("KN-25"), List.of("Seoul", "Kaesong", "Sea of Japan")),
        new Event("e2", "missile_launch", EventDate.day(LocalDate.of(2023, 11, 21)), false, List.of(), List.of("KN-25"),
            List.of("Pyongyang", "Uiju"), Map.of("launch_site", "Uiju"), "s", 0.6, 1, 1, List.of()),
        new Event("e3", "missile_launch", EventDate.day(LocalDate.of(2023, 11, 21)), false, List.of(), List.of("KN-25"),
            List.of("Uiju", "Pyongyang International Airport"), Map.of("launch_site", "Uiju"), "s", 0.6, 1, 1,
            List.of())), false);
    assertThat(rows).extracting(r -> r.get("facility"))
        .containsExactly("unknown", "Uiju", "Pyongyang International Airport");
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

  @Test
  void aSalvoIsOneRowPerMissileSharingTheEventId() throws Exception {
    List<CSVRecord> rows = table(List.of(
        launch("salvo", LocalDate.of(2022, 3, 5), Map.of("count", "3")),
        launch("single", LocalDate.of(2022, 3, 9), Map.of())), false);
    assertThat(rows).extracting(r -> r.get("event_id")).containsExactly("salvo", "salvo", "salvo", "single");
    assertThat(rows).extracting(r -> r.get("missile")).containsExactly("1 of 3", "2 of 3", "3 of 3", "unknown");
  }

  @Test
  void aCountNoSalvoReachesStaysOneRow() throws Exception {
    List<CSVRecord> rows = table(List.of(launch("e", LocalDate.of(2022, 3, 5), Map.of("count", "400"))), false);
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.get("missiles")).isEqualTo("400");
      assertThat(r.get("missile")).isEqualTo("unknown");
    });
  }

  @Test
  void aKoreanMorningIsTheDayBeforeInUtc() throws Exception {
    List<CSVRecord> rows = table(List.of(
        launch("morning", LocalDate.of(2023, 7, 12), Map.of("time", "07:45")),
        launch("given-in-utc", LocalDate.of(2023, 7, 12), Map.of("time", "22:45 UTC")),
        launch("no-time", LocalDate.of(2023, 7, 12), Map.of())), false);
    assertThat(rows).extracting(r -> r.get("time")).containsExactly("07:45", "07:45", "unknown");
    assertThat(rows).extracting(r -> r.get("time_utc")).containsExactly("22:45", "22:45", "unknown");
    assertThat(rows).extracting(r -> r.get("date_utc")).containsExactly("2023-07-11", "2023-07-11", "unknown");
    assertThat(rows).extracting(r -> r.get("date")).containsOnly("2023-07-12");
  }

  @Test
  void aLaunchOnlyRecalledInPassingIsLeftOutUnlessAskedForAndThenMarked() throws Exception {
    try (Store store = Store.open(tmp.resolve("b"))) {
      NewsAndBackgroundLaunches.fill(store);
      EventExport export = new EventExport(store, WatchProfile.load("dprk"));
      StringWriter byDefault = new StringWriter();
      export.launchTable(false, false, byDefault);
      assertThat(parse(byDefault)).singleElement().satisfies(r -> {
        assertThat(r.get("event_id")).isEqualTo(NewsAndBackgroundLaunches.NEWS);
        assertThat(r.get("background")).isEqualTo("false");
      });
      StringWriter asked = new StringWriter();
      export.launchTable(false, true, asked);
      assertThat(parse(asked)).extracting(r -> r.get("event_id") + " " + r.get("background")).containsExactly(
          NewsAndBackgroundLaunches.NEWS + " false", NewsAndBackgroundLaunches.RECALLED + " true");
    }
  }

  private static List<CSVRecord> parse(StringWriter out) throws Exception {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString())).getRecords();
  }

  @Test
  void theOlderColumnsKeepTheirPlaces() throws Exception {
    try (Store store = Store.open(tmp.resolve("h"))) {
      StringWriter out = new StringWriter();
      new EventExport(store, WatchProfile.load("dprk")).launchTable(List.of(), out);
      assertThat(out.toString().lines().findFirst().orElseThrow()).isEqualTo(
          "date,time,missile_name,missile_type,facility,landing_location,apogee_km,distance_km,outcome,missiles,sources,"
              + "event_id,missile,date_utc,time_utc,background");
    }
  }
}
