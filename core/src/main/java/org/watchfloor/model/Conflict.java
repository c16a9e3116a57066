package org.watchfloor.model;

import java.util.List;
import java.util.Objects;

/** A field on which independent origins claim different values. */
public record Conflict(String field, List<Value> values) {

  /** One claimed value and the reports (ids) that claim it. */
  public record Value(String value, List<String> reports) {
    public Value {
      Objects.requireNonNull(value, "value");
      reports = List.copyOf(reports);
    }
  }

  public Conflict {
    Objects.requireNonNull(field, "field");
    values = List.copyOf(values);
  }
}
