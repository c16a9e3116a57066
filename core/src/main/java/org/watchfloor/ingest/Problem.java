package org.watchfloor.ingest;

import java.util.Objects;

/** An input that could not be used, with the reason, for the user and the quarantine. */
public record Problem(String source, String reason) {

  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }

  /** One line: {@code source: reason}. */
  public String message() {
    return source + ": " + reason;
  }
}
