package org.watchfloor.profile;

import java.util.Objects;

/** A default feed of a profile: a display name and the URL of an RSS or Atom feed. */
public record FeedDef(String name, String url) {

  public FeedDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
  }
}
