package org.watchfloor.serve.auth;

import java.util.Objects;

/** An authenticated analyst: the account name a request acts as. */
public record Analyst(String name) {
  public Analyst {
    Objects.requireNonNull(name, "name");
  }
}
