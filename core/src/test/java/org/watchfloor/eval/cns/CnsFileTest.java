package org.watchfloor.eval.cns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CnsFileTest {
  private static final String HEADER = "date_utc,time_utc,missile_name,missile_type,facility_name,outcome\n";

  @Test
  void readsDaysAndMonthsWithTheirLines() throws Exception {
    List<CnsRow> rows = CnsFile.read(new StringReader(HEADER
        + "2023-07-11,01:00,Hwasong-18,ICBM,Pyongyang,success\n"
        + "1984-09,unknown,Scud-B,SRBM,\"Tonghae, east coast\",failure\n"), "t.csv");

    assertThat(rows).extracting(r -> r.date().iso(), CnsRow::name, CnsRow::type, CnsRow::facility, CnsRow::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2023-07-11", "Hwasong-18", "ICBM", "Pyongyang", 2L),
            org.assertj.core.groups.Tuple.tuple("1984-09", "Scud-B", "SRBM", "Tonghae, east coast", 3L));
  }

  @Test
  void aBadDateNamesTheFileAndLine() {
    assertThatThrownBy(() -> CnsFile.read(new StringReader(HEADER
        + "2023-07-11,01:00,Hwasong-18,ICBM,Pyongyang,success\n"
        + "11/07/2023,01:00,Hwasong-18,ICBM,Pyongyang,success\n"), "t.csv"))
        .isInstanceOf(CnsFile.CnsException.class)
        .hasMessage("bad date_utc '11/07/2023' (source=t.csv, line=3)");
  }

  @Test
  void aMissingColumnIsAnError() {
    assertThatThrownBy(() -> CnsFile.read(new StringReader("date_utc,missile_name\n2023-07-11,Hwasong-18\n"), "t.csv"))
        .isInstanceOf(CnsFile.CnsException.class)
        .hasMessage("CNS row lacks missile_type (source=t.csv, line=2)");
  }

  @Test
  void readsTheLandingApogeeAndDistanceAndLeavesThemUnknownWhereTheFileLacksThem() throws Exception {
    List<CnsRow> rows = CnsFile.read(new StringReader(
        "date_utc,time_utc,missile_name,missile_type,facility_name,landing,apogee_km,distance_km,outcome\n"
            + "2023-07-11,unknown,Hwasong-18,ICBM,Pyongyang,sea-of-japan,6648,1001,success\n"
            + "2016-05-30,unknown,Musudan,IRBM,Wonsan,na,na,na,failure\n"), "t.csv");
    assertThat(rows).extracting(CnsRow::landing, CnsRow::apogeeKm, CnsRow::distanceKm).containsExactly(
        org.assertj.core.groups.Tuple.tuple("sea-of-japan", "6648", "1001"),
        org.assertj.core.groups.Tuple.tuple("na", "na", "na"));

    CnsRow older = CnsFile.read(new StringReader(HEADER + "2023-07-11,01:00,Hwasong-18,ICBM,Pyongyang,success\n"),
        "t.csv").get(0);
    assertThat(List.of(older.landing(), older.apogeeKm(), older.distanceKm())).containsOnly("unknown");
  }

  @Test
  void theUtcTimeIsReadWithoutItsZoneMark() throws Exception {
    List<CnsRow> rows = CnsFile.read(new StringReader(HEADER
        + "2023-07-11,21:13 (UTC),Hwasong-18,ICBM,Pyongyang,success\n"
        + "2023-07-12,unknown,Hwasong-18,ICBM,Pyongyang,success\n"
        + "2023-07-13,late evening,Hwasong-18,ICBM,Pyongyang,success\n"), "t.csv");
    assertThat(rows).extracting(CnsRow::timeUtc).containsExactly("21:13", "unknown", "unknown");
  }
}
