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
}
