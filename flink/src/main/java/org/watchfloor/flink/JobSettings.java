package org.watchfloor.flink;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.watchfloor.extract.Extractor;
import org.watchfloor.profile.WatchProfile;

/**
 * What each parallel instance of the job's functions builds its stages from, shipped to the task
 * managers with the functions: the watch profile and the event reader (as {@code --profile} and
 * {@code --events} name them) and the store to write to ({@code --store}: a PostgreSQL URL for a
 * job of more than one writer; credentials come from the task manager's environment, as for the
 * CLI, never from the URL), and how long the writer of a candidate block remembers the articles
 * it was handed ({@code --repeat-window}, see {@link RepeatFilter}; zero: it remembers none).
 */
public record JobSettings(String store, String profile, String events, Duration repeatWindow) implements Serializable {

  /** How long a block remembers an article without {@code --repeat-window}: a day of a firehose's repeats. */
  public static final Duration REPEAT_WINDOW = Duration.ofHours(24);

  public JobSettings {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(repeatWindow, "repeatWindow");
    if (repeatWindow.isNegative()) {
      throw new IllegalArgumentException("a repeat window cannot be negative: " + repeatWindow);
    }
  }

  /** The settings with the default repeat window. */
  public JobSettings(String store, String profile, String events) {
    this(store, profile, events, REPEAT_WINDOW);
  }

  /** The extractor these settings name: loaded once per parallel instance, in its {@code open}. */
  Extractor extractor() {
    return Extractor.forEvents(WatchProfile.named(profile), events);
  }
}
