package org.watchfloor.store;

import java.time.Instant;

/** Analyst accounts for tests that edit: only an account may edit. */
public final class Analysts {

  private Analysts() {}

  /** Adds accounts of these names to {@code store} (their passwords are never used). */
  public static void add(Store store, String... names) {
    try (AccountRows rows = AccountRows.beside(store)) {
      for (String name : names) {
        rows.insertAccount(name, "unused", Instant.EPOCH);
      }
    }
  }
}
