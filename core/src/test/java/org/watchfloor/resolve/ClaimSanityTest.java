package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/** Which stated numbers a report keeps: ranges as the extractor writes them are numbers too. */
class ClaimSanityTest {

  private static Report claiming(Claim... claims) {
    return new Report("a1-r0", "a1", "missile_launch", EventDate.UNKNOWN, false, false, List.of(), List.of(),
        List.of(), Map.of(), "e", 0, 1, null, Certainty.ASSERTED, "jcs", List.of(claims));
  }

  @Test
  void aRangeOfTwoPositiveNumbersIsKept() {
    Report r = ClaimSanity.check(claiming(new Claim("range_km", "400-500", 0, 1), new Claim("apogee_km", "6648.4", 2, 3)));
    assertThat(r.claims()).extracting(Claim::value).containsExactly("400-500", "6648.4");
    assertThat(r.attributes()).isEmpty();
  }

  @Test
  void aRangeOutOfBoundsOrBackwardsIsDroppedWithItsReason() {
    Report r = ClaimSanity.check(claiming(new Claim("range_km", "500-25000", 0, 1),
        new Claim("flight_time_s", "600-60", 2, 3), new Claim("apogee_km", "0-10", 4, 5), new Claim("count", "2.5", 6, 7)));
    assertThat(r.claims()).isEmpty();
    assertThat(r.attributes())
        .containsEntry("rejected:range_km", "500-25000: range above 20000 km")
        .containsEntry("rejected:flight_time_s", "600-60: a range whose end is below its start")
        .containsEntry("rejected:apogee_km", "0-10: not positive")
        .containsEntry("rejected:count", "2.5: not a whole number");
  }

  @Test
  void boundsReadOneNumberOrARange() {
    assertThat(ClaimSanity.bounds("600")).containsExactly(600, 600);
    assertThat(ClaimSanity.bounds("-300")).containsExactly(-300, -300);
    assertThat(ClaimSanity.bounds("400-500")).containsExactly(400, 500);
    assertThat(ClaimSanity.bounds("400--500")).isNull();
    assertThat(ClaimSanity.bounds("NaN")).isNull();
    assertThat(ClaimSanity.bounds("far")).isNull();
    assertThat(ClaimSanity.bounds(">1000")).as("a lower bound states its bound").containsExactly(1000, 1000);
    assertThat(ClaimSanity.bounds(">400-500")).isNull();
  }
}
