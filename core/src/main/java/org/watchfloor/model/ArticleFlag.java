package org.watchfloor.model;

import java.util.Locale;

/** Facts about an article that resolution and analysts weigh; lower-case labels in the contract. */
public enum ArticleFlag {
  /** The article says it was written or assisted by AI. */
  AI_GENERATED,
  /** A copy or rewrite of another outlet's story ("originally published by", wire credit). */
  SYNDICATED,
  /** Opinion, analysis or commentary rather than news. */
  OPINION,
  /** No title could be found. */
  NO_TITLE,
  /** No publication date could be found. */
  NO_DATE,
  /** No outlet could be found. */
  NO_OUTLET;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ArticleFlag fromLabel(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
