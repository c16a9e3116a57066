package org.watchfloor.model;

import org.jspecify.annotations.Nullable;
import java.util.Locale;
import java.util.Objects;

/**
 * A span of an article naming an entity, a time expression, a number or a quote.
 *
 * @param start character offset of the first character in the article text
 * @param end character offset after the last character
 * @param value the normalised value: an entity id, an ISO date, a number with its unit, a
 *     speaker; {@code null} when there is none
 */
public record Mention(Kind kind, int start, int end, String text, @Nullable String value) {

  /** What a mention names. */
  public enum Kind {
    ENTITY,
    TIME,
    NUMBER,
    QUOTE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Mention {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
