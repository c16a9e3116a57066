package org.watchfloor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The maps of the domain records iterate in key order, whatever order they were given in: the
 * JSON contracts are written from them, and must be the same bytes for the same input in every
 * process (the order of {@link Map#copyOf} is salted per JVM).
 */
class AttributeOrderTest {

  private static Map<String, String> given() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : List.of("range_km", "count", "occasion", "apogee_km", "flight_time_s", "exercise", "zone", "alpha")) {
      m.put(k, k.length() + "");
    }
    return m;
  }

  @Test
  void eventAttributesIterateInKeyOrder() {
    Event e = new Event("e1", "missile_launch", EventDate.day(LocalDate.of(2025, 3, 10)), false, List.of(), List.of(),
        List.of(), given(), "s", 0.5, 1, 1, List.of());
    assertThat(e.attributes().keySet()).containsExactly(
        "alpha", "apogee_km", "count", "exercise", "flight_time_s", "occasion", "range_km", "zone");
    assertThat(e.attributes()).isEqualTo(given());
  }

  @Test
  void nullValuesAreRefusedAsBefore() {
    Map<String, String> m = given();
    m.put("count", null);
    assertThatThrownBy(() -> SortedMaps.copyOf(m)).isInstanceOf(NullPointerException.class).hasMessageContaining("count");
  }

  @Test
  void theCopyCannotBeChanged() {
    assertThatThrownBy(() -> SortedMaps.copyOf(given()).put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }
}
