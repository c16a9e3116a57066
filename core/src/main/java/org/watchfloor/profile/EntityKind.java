package org.watchfloor.profile;

import java.util.Locale;
import java.util.Optional;

/** The kind of a gazetteer entity; written in lower case in the profile files and in ids. */
public enum EntityKind {
  WEAPON,
  FACILITY,
  ORGANISATION,
  PERSON,
  PLACE,
  EXERCISE;

  /** The lower-case label used in YAML files and as the first segment of entity ids. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind whose {@link #label()} is {@code label}, if any. */
  public static Optional<EntityKind> fromLabel(String label) {
    for (EntityKind kind : values()) {
      if (kind.label().equals(label)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
