package org.watchfloor.cli;

import org.watchfloor.extract.Extractor;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import picocli.CommandLine.Option;

/**
 * The options every command shares: where the store is, and which watch profile to use. Public
 * for the Flink job, whose command line takes the same.
 */
public final class StoreOptions {

  @Option(names = "--store", paramLabel = "DIR|URL", defaultValue = "watchfloor-data",
      description = "Data directory of the store, or a PostgreSQL database shared by a team"
          + " (postgresql://host[:port]/db; credentials from PGUSER and PGPASSWORD or a file named by"
          + " WATCHFLOOR_PGPASSWORD_FILE, never in the URL) (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--profile", paramLabel = "NAME|DIR", defaultValue = "dprk",
      description = "Watch profile: a built-in name or a directory (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--events", paramLabel = "routed|rules|learned|DIR", defaultValue = "routed",
      description = "What reads events from an article: routed (the default: the event model shipped in the jar,"
          + " the rules for the watched state's own media and the types the profile gives them), rules, learned"
          + " (the model alone) or a folder written by `train events` (default: ${DEFAULT-VALUE}).")
  String events;

  /** {@code --store}: a store directory or a PostgreSQL URL. */
  public String store() {
    return store;
  }

  /** {@code --profile}: a built-in profile's name or a profile's directory. */
  public String profile() {
    return profile;
  }

  /** {@code --events}: rules, learned or a model's folder. */
  public String events() {
    return events;
  }

  /** Opens the store to write to it, creating it in an empty or missing directory. */
  Store open() {
    return Store.open(location());
  }

  /** Where {@code --store} points: a directory, or a PostgreSQL database. */
  StoreLocation location() {
    return StoreLocation.parse(store, System.getenv());
  }

  /** Opens an existing store to read it, beside a writer such as a running {@code run}. */
  Store openToRead() {
    return Store.openReadOnly(location());
  }

  WatchProfile loadProfile() {
    return loadProfile(profile);
  }

  /** A built-in profile by name, or the profile in a directory when one by that path exists. */
  static WatchProfile loadProfile(String nameOrDir) {
    return WatchProfile.named(nameOrDir);
  }

  /** The extractor {@code --events} names, behind the shipped relevance gate. */
  Extractor extractor() {
    return extractor(loadProfile(), events);
  }

  static Extractor extractor(WatchProfile watch, String events) {
    return Extractor.forEvents(watch, events);
  }
}
