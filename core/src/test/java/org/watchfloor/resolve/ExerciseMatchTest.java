package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Origin;
import org.watchfloor.store.Store;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/** Reports of one named exercise, dated by different days of it, are one event. */
class ExerciseMatchTest {

  private static Report drill(String id, String type, String exercise, LocalDate day, boolean planned, String place) {
    return new Report(id, id.substring(0, id.indexOf('-')), type, EventDate.day(day), planned, false, List.of(),
        List.of(), List.of(place), exercise == null ? Map.of() : Map.of("exercise", exercise),
        "The allies hold a drill.", 0, 10, null, Certainty.ASSERTED, "kcna", List.of());
  }

  private static Event event(Report first) {
    return EventMerger.merge("e1", List.of(first));
  }

  private static final LocalDate AUG_19 = LocalDate.of(2024, 8, 19);

  @Test
  void anAnnouncedDrillAndItsSecondWeekAreTheDrillStaged() {
    Event staged = event(drill("a-r0", "military_exercise", "Autumn Shield", AUG_19, false, "South Korea"));
    assertThat(Resolver.score(drill("b-r0", "military_exercise", "Autumn Shield", AUG_19, true, "Japan"), staged,
        WeaponClasses.NONE)).isPositive();
    assertThat(Resolver.score(drill("c-r0", "military_exercise", "Autumn Shield", AUG_19.plusDays(9), false, "Japan"),
        staged, WeaponClasses.NONE)).isPositive();
  }

  @Test
  void oneNameHeldAgainMonthsLaterIsAnotherDrill() {
    Event staged = event(drill("a-r0", "military_exercise", "Autumn Shield", AUG_19, false, "South Korea"));
    assertThat(Resolver.score(drill("b-r0", "military_exercise", "Autumn Shield", AUG_19.plusDays(20), false,
        "South Korea"), staged, WeaponClasses.NONE)).isZero();
  }

  @Test
  void twoNamedDrillsOnOneDayInOnePlaceStayApart() {
    Event staged = event(drill("a-r0", "military_exercise", "Autumn Shield", AUG_19, false, "South Korea"));
    assertThat(Resolver.score(drill("b-r0", "military_exercise", "Sea Lance", AUG_19, false, "South Korea"), staged,
        WeaponClasses.NONE)).isZero();
  }

  @Test
  void statementsNamingOneDrillDaysApartAreTwoStatements() {
    Event said = event(drill("a-r0", "threat_statement", "Autumn Shield", AUG_19, false, "South Korea"));
    assertThat(Resolver.score(drill("b-r0", "threat_statement", "Autumn Shield", AUG_19.plusDays(4), false,
        "South Korea"), said, WeaponClasses.NONE)).isZero();
  }

  @Test
  void anArticlesAnnouncementAndItsPassingMentionOfTheDrillAreOneEvent(@TempDir Path tmp) throws Exception {
    try (Store store = Store.open(tmp.resolve("s"))) {
      Resolver resolver = new Resolver(store.events(), null);
      Article a = Reports.article("a", "The allies hold a drill.", null, null);
      Report announced = drill("a-r0", "military_exercise", "Autumn Shield", AUG_19, true, "South Korea");
      Report mention = drill("a-r1", "military_exercise", "Autumn Shield", AUG_19.minusDays(2), false, "Japan");
      Report other = drill("a-r2", "military_exercise", null, AUG_19, false, "South Korea");
      Set<String> touched = store.inTransaction(() -> {
        store.articles().insert(a, new RawDocument(a.id(), null, RawDocument.Format.TEXT, new byte[0], Map.of()),
            List.of());
        return resolver.attach(a, List.of(announced, mention, other), id -> new Origin(id, id));
      });
      assertThat(touched).hasSize(2);
      assertThat(store.events().eventOfReport("a-r1")).isEqualTo(store.events().eventOfReport("a-r0"));
      assertThat(store.events().eventOfReport("a-r2")).isNotEqualTo(store.events().eventOfReport("a-r0"));
    }
  }
}
