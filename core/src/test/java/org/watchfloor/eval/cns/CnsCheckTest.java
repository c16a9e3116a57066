package org.watchfloor.eval.cns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.eval.events.GoldEvent;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.WatchProfile;

class CnsCheckTest {
  private static final CnsCheck CHECK = new CnsCheck(WatchProfile.load("dprk"));

  private static CnsRow cns(String day, String name, String type) {
    return new CnsRow(EventDate.day(LocalDate.parse(day)), name, type, "unknown", "success", 2);
  }

  private static Launch launch(String day, String... weapons) {
    return new Launch("e-" + day, "missile_launch", EventDate.day(LocalDate.parse(day)), List.of(weapons),
        List.of("https://x/" + day), "fired");
  }

  private static CnsCheck.Result check(List<Launch> launches, List<CnsRow> rows) {
    return CHECK.check(launches, rows, List.of(), Set.of());
  }

  @Test
  void aKoreanMorningLaunchMatchesThePreviousUtcDay() {
    CnsCheck.Result r = check(List.of(launch("2023-07-12", "Hwasong-18")),
        List.of(cns("2023-07-01", "KN-25", "SRBM"), cns("2023-07-11", "Hwasong-18", "ICBM")));

    assertThat(r.checked()).singleElement().satisfies(v -> {
      assertThat(v.cns()).extracting(CnsRow::name).containsExactly("Hwasong-18");
      assertThat(v.agreement()).isEqualTo(CnsCheck.Agreement.NAME);
    });
  }

  @Test
  void twoDaysApartIsNoMatch() {
    CnsCheck.Result r = check(List.of(launch("2023-07-13", "Hwasong-18")),
        List.of(cns("2023-07-11", "Hwasong-18", "ICBM"), cns("2023-07-30", "KN-25", "SRBM")));

    assertThat(r.checked()).singleElement().satisfies(v -> assertThat(v.matchesNeither()).isTrue());
    assertThat(r.neither()).isEqualTo(1);
  }

  @Test
  void theCnsDesignatorInBracketsResolvesToTheSameWeapon() {
    assertThat(CHECK.weaponsNamed("Hwasong-11A (KN-23)")).containsExactly("Hwasong-11A");
  }

  @Test
  void anotherMissileOfTheSameClassAgreesByClassOnly() {
    CnsCheck.Result r = check(List.of(launch("2023-08-30", "Hwasong-11B")), List.of(cns("2023-08-30",
        "Hwasong-11A (KN-23)", "SRBM")));

    assertThat(r.checked().get(0).agreement()).isEqualTo(CnsCheck.Agreement.CLASS);
  }

  @Test
  void anotherClassDiffersAndNoWeaponIsUnknown() {
    CnsRow srbm = cns("2023-08-30", "Hwasong-11A (KN-23)", "SRBM");
    CnsCheck.Result r = check(List.of(launch("2023-08-30", "Hwasong-12"), launch("2023-08-31")), List.of(srbm));

    assertThat(r.checked()).extracting(CnsCheck.Verdict::agreement)
        .containsExactly(CnsCheck.Agreement.DIFFERS, CnsCheck.Agreement.UNKNOWN);
  }

  @Test
  void aGoldLaunchMatchesOnlyThroughOneOfItsArticles() {
    Launch l = launch("2023-09-02");
    GoldEvent same = gold("same", "https://x/2023-09-02");
    GoldEvent other = gold("other", "https://x/elsewhere");
    List<CnsRow> rows = List.of(cns("2023-08-20", "KN-25", "SRBM"), cns("2023-09-20", "KN-25", "SRBM"));

    assertThat(CHECK.check(List.of(l), rows, List.of(other), Set.of()).neither()).isEqualTo(1);
    CnsCheck.Result r = CHECK.check(List.of(l), rows, List.of(other, same), Set.of());
    assertThat(r.checked().get(0).gold()).isEqualTo(same);
    assertThat(r.goldOnly()).isEqualTo(1);
  }

  @Test
  void aGoldEventOfAnotherTypeIsNoMatch() {
    Launch test = new Launch("t", "weapons_test_other", EventDate.day(LocalDate.parse("2023-09-02")), List.of(),
        List.of("https://x/2023-09-02"), "tested");
    List<CnsRow> rows = List.of(cns("2023-08-20", "KN-25", "SRBM"), cns("2023-09-20", "KN-25", "SRBM"));

    assertThat(CHECK.check(List.of(test), rows, List.of(gold("same", "https://x/2023-09-02")), Set.of()).neither())
        .isEqualTo(1);
  }

  private static GoldEvent gold(String key, String url) {
    return new GoldEvent(key, EventDate.day(LocalDate.parse("2023-09-01")), Set.of("missile_launch"), "", Set.of(),
        List.of(url), false);
  }

  @Test
  void coverageEndsAtTheLastDayCnsKnowsAndLaunchesBeyondAreOutside() {
    CnsRow monthOnly = new CnsRow(EventDate.month(2023, 12), "Unknown", "Unknown", "unknown", "unknown", 9);
    CnsCheck.Result r = check(List.of(launch("2023-09-21"), launch("2023-09-22"), launch("2023-06-30")),
        List.of(cns("2023-07-01", "KN-25", "SRBM"), cns("2023-09-20", "KN-25", "SRBM"), monthOnly));

    assertThat(r.last()).isEqualTo(LocalDate.of(2023, 9, 20));
    assertThat(r.checked()).extracting(v -> v.launch().date().iso()).containsExactly("2023-09-21");
    assertThat(r.outside()).extracting(l -> l.date().iso()).containsExactly("2023-06-30", "2023-09-22");
  }

  @Test
  void aLaunchDatedOnlyToAMonthIsNotCheckedAgainstADay() {
    Launch l = new Launch("m", "missile_launch", EventDate.month(2023, 7), List.of(), List.of(), "fired in July");
    CnsCheck.Result r = check(List.of(l), List.of(cns("2023-07-11", "Hwasong-18", "ICBM")));

    assertThat(r.undated()).containsExactly(l);
    assertThat(r.checked()).isEmpty();
  }

  @Test
  void cnsRowsOfTheArticlesMonthsThatNoLaunchMatchedAreListed() {
    List<CnsRow> rows = List.of(cns("2023-07-11", "Hwasong-18", "ICBM"), cns("2023-07-24", "KN-25", "SRBM"),
        cns("2023-08-30", "KN-25", "SRBM"));
    CnsCheck.Result r = CHECK.check(List.of(launch("2023-07-12")), rows, List.of(), Set.of(YearMonth.of(2023, 7)));

    assertThat(r.missed()).extracting(c -> c.date().iso()).containsExactly("2023-07-24");
  }

  @Test
  void rowsDatedOnlyToMonthsAreNoCoverage() {
    CnsRow monthOnly = new CnsRow(EventDate.month(2023, 12), "Unknown", "Unknown", "unknown", "unknown", 9);
    assertThatThrownBy(() -> check(List.of(), List.of(monthOnly)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dated to a day");
  }

  private static CnsRow missile(String day, String outcome, String timeUtc) {
    return new CnsRow(EventDate.day(LocalDate.parse(day)), "KN-25", "SRBM", "unknown", outcome, 2, timeUtc);
  }

  private static Launch salvo(String day, int rows, String outcome, String timeUtc) {
    return new Launch("e-" + day, "missile_launch", EventDate.day(LocalDate.parse(day)), List.of("KN-25"),
        List.of("https://x/" + day), "fired", rows, outcome, timeUtc);
  }

  @Test
  void rowsAreComparedMissileByMissile() {
    CnsCheck.Result r = check(
        List.of(salvo("2023-03-05", 2, "unknown", "unknown"), salvo("2023-03-20", 1, "unknown", "unknown")),
        List.of(missile("2023-03-05", "success", "unknown"), missile("2023-03-05", "success", "unknown"),
            missile("2023-03-20", "success", "unknown"), missile("2023-03-20", "success", "unknown"),
            missile("2023-03-20", "success", "unknown")));
    assertThat(r.tableRows()).isEqualTo(3);
    assertThat(r.cnsRows()).isEqualTo(5);
    assertThat(r.rowsPaired()).isEqualTo(3);
    assertThat(r.countAgrees()).as("the salvo of two only").isEqualTo(1);
  }

  @Test
  void anOutcomeAndATimeAgreeWithThoseOfTheirCnsRows() {
    CnsCheck.Result r = check(List.of(
            salvo("2023-04-03", 1, "failure", "00:05"),
            salvo("2023-04-10", 1, "success", "03:00"),
            salvo("2023-04-20", 1, "unknown", "unknown")),
        List.of(missile("2023-04-02", "Failure", "23:55"), missile("2023-04-10", "failure", "02:30"),
            missile("2023-04-20", "success", "06:00")));
    assertThat(r.outcomeStated()).isEqualTo(2);
    assertThat(r.outcomeAgrees()).as("failure against CNS's Failure, whatever the case").isEqualTo(1);
    assertThat(r.timeStated()).isEqualTo(2);
    assertThat(r.timeAgrees()).as("ten minutes apart across midnight; half an hour is too far").isEqualTo(1);
  }

  private static CnsRow placed(String day, String facility, String landing, String apogee, String distance) {
    return new CnsRow(EventDate.day(LocalDate.parse(day)), "KN-25", "SRBM", facility, "success", 2, "unknown",
        landing, apogee, distance);
  }

  private static Launch placedLaunch(String day, String facility, String landing, String apogee, String distance) {
    return new Launch("e-" + day, "missile_launch", EventDate.day(LocalDate.parse(day)), List.of("KN-25"),
        List.of("https://x/" + day), "fired", 1, "unknown", "unknown", facility, landing, apogee, distance);
  }

  @Test
  void lengthsAgreeWithinTheSourcesRounding() {
    assertThat(CnsCheck.closeInKm("6648.4", "6648")).isTrue();
    assertThat(CnsCheck.closeInKm("805", "800")).as("500 miles against CNS's 800 km").isTrue();
    assertThat(CnsCheck.closeInKm("55", "50")).as("five kilometres on a short flight").isTrue();
    assertThat(CnsCheck.closeInKm("400", "350")).isFalse();
    assertThat(CnsCheck.closeInKm("60", "50")).isFalse();
    assertThat(CnsCheck.closeInKm("300-400", "350")).as("a span holds CNS's value").isTrue();
    assertThat(CnsCheck.closeInKm("300-320", "350")).isTrue();
    assertThat(CnsCheck.closeInKm("200-300", "350")).isFalse();
    assertThat(CnsCheck.closeInKm("350", "na")).isFalse();
    assertThat(CnsCheck.closeInKm("unknown", "350")).isFalse();
    assertThat(CnsCheck.closeInKm(">1000", "1400")).as("\"over 1,000 km\" against CNS's 1,400").isTrue();
    assertThat(CnsCheck.closeInKm(">1000", "950")).as("within the rounding of the bound").isTrue();
    assertThat(CnsCheck.closeInKm(">1000", "700")).isFalse();
  }

  @Test
  void theSiteAndTheSeaAreComparedAsTheGazetteerResolvesCnsNames() {
    CnsCheck.Result r = check(List.of(
            placedLaunch("2023-08-30", "Pyongyang International Airport", "Sea of Japan", "unknown", "unknown"),
            placedLaunch("2023-09-13", "Sohae Satellite Launching Station", "Japan's exclusive economic zone",
                "unknown", "unknown"),
            placedLaunch("2023-10-20", "Hwangju", "Yellow Sea", "unknown", "unknown")),
        List.of(placed("2023-08-30", "Sunan", "sea-of-japan", "50", "350"),
            placed("2023-09-13", "Sunan", "sea-of-japan", "50", "350"),
            placed("2023-10-20", "unknown", "na", "unknown", "unknown")));

    assertThat(r.checked()).extracting(v -> v.column(CnsCheck.Column.FACILITY), v -> v.column(CnsCheck.Column.LANDING))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CnsCheck.ColumnMatch.AGREES, CnsCheck.ColumnMatch.AGREES),
            org.assertj.core.groups.Tuple.tuple(CnsCheck.ColumnMatch.DIFFERS, CnsCheck.ColumnMatch.DIFFERS),
            org.assertj.core.groups.Tuple.tuple(CnsCheck.ColumnMatch.NO_CNS_VALUE, CnsCheck.ColumnMatch.NO_CNS_VALUE));
    assertThat(r.stated(CnsCheck.Column.FACILITY)).isEqualTo(3);
    assertThat(r.comparable(CnsCheck.Column.FACILITY)).isEqualTo(2);
    assertThat(r.agrees(CnsCheck.Column.FACILITY)).isEqualTo(1);
  }

  @Test
  void apogeeAndDistanceAgreeWithAnyOfTheSalvosRows() {
    CnsCheck.Result r = check(List.of(
            placedLaunch("2023-07-24", "unknown", "unknown", "100", "400"),
            placedLaunch("2023-08-30", "unknown", "unknown", "unknown", "600")),
        List.of(placed("2023-07-24", "unknown", "unknown", "100", "350"),
            placed("2023-07-24", "unknown", "unknown", "100", "400"),
            placed("2023-08-30", "unknown", "unknown", "50", "350")));

    assertThat(r.checked()).extracting(v -> v.column(CnsCheck.Column.APOGEE), v -> v.column(CnsCheck.Column.DISTANCE))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CnsCheck.ColumnMatch.AGREES, CnsCheck.ColumnMatch.AGREES),
            org.assertj.core.groups.Tuple.tuple(CnsCheck.ColumnMatch.UNSTATED, CnsCheck.ColumnMatch.DIFFERS));
    assertThat(r.stated(CnsCheck.Column.APOGEE)).isEqualTo(1);
    assertThat(r.agrees(CnsCheck.Column.DISTANCE)).isEqualTo(1);
    assertThat(r.comparable(CnsCheck.Column.DISTANCE)).isEqualTo(2);
  }

  @Test
  void aLaunchOfANamedSiteIsCountedAgainstThatSitesRowsOfTheDay() {
    List<CnsRow> day = List.of(placed("2023-06-15", "Sunan", "sea-of-japan", "50", "850"),
        placed("2023-06-15", "Sunan", "sea-of-japan", "50", "900"),
        placed("2023-06-15", "Jangyon", "sea-of-japan", "unknown", "600"));
    Launch sunan = new Launch("e-sunan", "missile_launch", EventDate.day(LocalDate.parse("2023-06-15")),
        List.of("KN-25"), List.of("https://x/sunan"), "fired two", 2, "unknown", "unknown",
        "Pyongyang International Airport", "unknown", "unknown", "unknown");
    CnsCheck.Result r = CHECK.check(List.of(sunan), day, List.of(), Set.of(YearMonth.of(2023, 6)));

    assertThat(r.checked().get(0).cns()).extracting(CnsRow::facility).containsExactly("Sunan", "Sunan");
    assertThat(r.countAgrees()).as("two missiles from Sunan; the Jangyon one is another launch").isEqualTo(1);
    assertThat(r.missed()).as("no launch found the Jangyon one").extracting(CnsRow::facility).containsExactly("Jangyon");

    CnsCheck.Result siteless = check(List.of(placedLaunch("2023-06-15", "unknown", "unknown", "unknown", "unknown"),
        placedLaunch("2023-06-15", "Hwangju", "unknown", "unknown", "unknown")), day);
    assertThat(siteless.checked()).allSatisfy(v -> assertThat(v.cns()).hasSize(3));
  }
}
