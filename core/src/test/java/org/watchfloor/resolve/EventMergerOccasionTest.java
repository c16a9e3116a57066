package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;

/** How the occasions that reports claim become the event's attribute, and when they conflict. */
class EventMergerOccasionTest {

  private static Report claiming(String id, String origin, String occasion) {
    return Reports.report(id, "production_directive", "Kim ordered more shells.", null, origin,
        List.of(new Claim("occasion", occasion, 0, 10)));
  }

  @Test
  void twoRetellingsOfOneReleaseThatPlaceItDifferentlyAreNoConflict() {
    Event e = EventMerger.merge("e1", List.of(claiming("a-r0", "kcna", "factory visit"), claiming("b-r0", "kcna", "meeting")));
    assertThat(e.conflicts()).isEmpty();
    assertThat(e.independentOrigins()).isEqualTo(1);
    assertThat(e.attributes()).containsEntry("occasion", "factory visit");
  }

  @Test
  void independentOriginsThatPlaceItDifferentlyConflict() {
    Event e = EventMerger.merge("e1", List.of(claiming("a-r0", "kcna", "factory visit"), claiming("b-r0", "jcs", "meeting"),
        claiming("c-r0", "yonhap", "meeting")));
    assertThat(e.conflicts()).extracting(Conflict::field).containsExactly("occasion");
    assertThat(e.conflicts().get(0).values()).extracting(Conflict.Value::value).containsExactly("factory visit", "meeting");
    assertThat(e.attributes()).containsEntry("occasion", "meeting");
  }
}
