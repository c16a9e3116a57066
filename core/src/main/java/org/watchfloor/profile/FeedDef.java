package org.watchfloor.profile;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A default feed of a profile: a display name, the URL of an RSS or Atom feed, and how often
 * {@code run} polls it ({@code null}: as often as it looks at its inbox, {@code --interval}). A
 * wire's feed may be worth a look every minute, a weekly analysis site's once an hour.
 */
public record FeedDef(String name, String url, @Nullable Duration interval) {

  public FeedDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      throw new IllegalArgumentException("feed " + name + ": interval must be positive, not " + interval);
    }
  }

  /** A feed polled as often as {@code run} looks at its inbox. */
  public FeedDef(String name, String url) {
    this(name, url, null);
  }
}
