package org.watchfloor.model;

import java.util.Objects;

/**
 * One field value asserted by one report, with the span of the article that asserts it.
 *
 * @param field the event field: {@code date}, {@code location}, {@code weapon}, {@code count},
 *     {@code range_km}, {@code apogee_km}, {@code flight_time_s}, {@code outcome}, {@code quote}
 * @param value the value as stated, lengths in kilometres and times in seconds whatever unit the
 *     text used; a stated range ("400 to 500 km") as {@code low-high} ({@code 400-500})
 */
public record Claim(String field, String value, int start, int end) {

  public Claim {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
  }
}
