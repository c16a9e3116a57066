package org.watchfloor.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;

class ConflictScoresTest {

  private static Event event(String id, String... conflictFields) {
    List<Conflict> conflicts = java.util.Arrays.stream(conflictFields)
        .map(f -> new Conflict(f, List.of(new Conflict.Value("600", List.of("r1")), new Conflict.Value("430",
            List.of("r2")))))
        .toList();
    return new Event(id, "missile_launch", EventDate.day(LocalDate.of(2024, 5, 17)), false, List.of(), List.of(),
        List.of(), Map.of(), "s", 0.5, 2, 2, conflicts);
  }

  @Test
  void scoresFlaggedFieldsAgainstTheGoldEventsTheyRepresent() {
    Set<ConflictScores.Key> gold = Set.of(new ConflictScores.Key("g1", "range_km"),
        new ConflictScores.Key("g2", "range_km"), new ConflictScores.Key("g3", "apogee_km"));
    // g1 found; g2's event flags the wrong field; g3's articles found no event; e9 represents no gold event
    Map<String, String> representative = Map.of("g1", "e1", "g2", "e2", "g4", "e4");
    List<Event> events = List.of(event("e1", "range_km"), event("e2", "apogee_km"), event("e4"),
        event("e9", "range_km"));

    ConflictScores s = ConflictScores.score(gold, representative, events);

    assertThat(s.gold()).isEqualTo(3);
    assertThat(s.system()).isEqualTo(3);
    assertThat(s.correct()).isEqualTo(1);
    assertThat(s.found()).isEqualTo(1);
    assertThat(s.precision()).isEqualTo(1.0 / 3);
    assertThat(s.recall()).isEqualTo(1.0 / 3);
  }

  @Test
  void readsTheGoldFileAndNamesItWhenAColumnIsMissing(@TempDir Path tmp) throws IOException {
    Path good = Files.writeString(tmp.resolve("c.csv"), "event_key,field,values\nev1,range_km,600 430\n");
    assertThat(ConflictScores.read(good)).containsExactly(new ConflictScores.Key("ev1", "range_km"));

    Path bad = Files.writeString(tmp.resolve("bad.csv"), "event_key,values\nev1,600 430\n");
    assertThatThrownBy(() -> ConflictScores.read(bad)).isInstanceOf(IOException.class)
        .hasMessageContaining("bad.csv").hasMessageContaining("field");
  }
}
