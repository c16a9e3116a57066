package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/** The outcome of a launch told differently by its reports: a failure others saw outweighs a claimed success. */
class EventMergerOutcomeTest {

  private static Report telling(String id, String origin, String outcome) {
    return new Report(id, id.substring(0, id.indexOf('-')), "missile_launch", EventDate.day(LocalDate.of(2023, 5, 31)),
        false, false, List.of(), List.of("space launch vehicle"), List.of(), Map.of("outcome", outcome),
        "A rocket was launched.", 0, 22, null, Certainty.ASSERTED, origin, List.of(new Claim("outcome", outcome, 0, 5)));
  }

  @Test
  void aFailureToldByAnyReportStandsOverAClaimedSuccess() {
    Event e = EventMerger.merge("e1", List.of(telling("a-r0", "kcna", "success"), telling("b-r0", "jcs", "failure")));
    assertThat(e.attributes()).containsEntry("outcome", "failure");
  }

  @Test
  void reportsThatAgreeKeepTheirOutcome() {
    Event e = EventMerger.merge("e1", List.of(telling("a-r0", "kcna", "success"), telling("b-r0", "jcs", "success")));
    assertThat(e.attributes()).containsEntry("outcome", "success");
  }
}
