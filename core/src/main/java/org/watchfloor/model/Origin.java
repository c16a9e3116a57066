package org.watchfloor.model;

import java.util.Objects;

/**
 * The primary source a report traces to: a state medium, a government body, or an outlet's own
 * reporting ({@code outlet:<name>}).
 */
public record Origin(String id, String name) {

  public static final String OWN_REPORTING_PREFIX = "outlet:";

  public Origin {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
