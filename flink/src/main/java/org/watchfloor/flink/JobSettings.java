package org.watchfloor.flink;

import java.io.Serializable;
import java.util.Objects;
import org.watchfloor.extract.Extractor;
import org.watchfloor.profile.WatchProfile;

/**
 * What each parallel instance of the job's functions builds its stages from, shipped to the task
 * managers with the functions: the watch profile and the event reader (as {@code --profile} and
 * {@code --events} name them) and the store to write to ({@code --store}: a PostgreSQL URL for a
 * job of more than one writer; credentials come from the task manager's environment, as for the
 * CLI, never from the URL).
 */
public record JobSettings(String store, String profile, String events) implements Serializable {

  public JobSettings {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(events, "events");
  }

  /** The extractor these settings name: loaded once per parallel instance, in its {@code open}. */
  Extractor extractor() {
    return Extractor.forEvents(WatchProfile.named(profile), events);
  }
}
