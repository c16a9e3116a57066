package org.watchfloor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.watchfloor.WatchfloorException;
import org.watchfloor.extract.EventModel;
import org.watchfloor.extract.Extractor;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import picocli.CommandLine.Option;

/** The options every command shares: where the store is, and which watch profile to use. */
final class StoreOptions {

  @Option(names = "--store", paramLabel = "DIR|URL", defaultValue = "watchfloor-data",
      description = "Data directory of the store, or a PostgreSQL database shared by a team"
          + " (postgresql://host[:port]/db; credentials from PGUSER and PGPASSWORD or a file named by"
          + " WATCHFLOOR_PGPASSWORD_FILE, never in the URL) (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--profile", paramLabel = "NAME|DIR", defaultValue = "dprk",
      description = "Watch profile: a built-in name or a directory (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--events", paramLabel = "rules|learned|DIR", defaultValue = "rules",
      description = "What reads events from an article: rules (the default), learned (the event model shipped"
          + " in the jar) or a folder written by `train events` (default: ${DEFAULT-VALUE}).")
  String events;

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
    Path dir = Path.of(nameOrDir);
    return Files.isDirectory(dir) ? WatchProfile.load(dir) : WatchProfile.load(nameOrDir);
  }

  /** The extractor {@code --events} names, behind the shipped relevance gate. */
  Extractor extractor() {
    return extractor(loadProfile(), events);
  }

  static Extractor extractor(WatchProfile watch, String events) {
    return switch (events) {
      case "rules" -> new Extractor(watch);
      case "learned" -> Extractor.learned(watch, EventModel.shipped());
      default -> {
        Path dir = Path.of(events);
        if (!Files.isDirectory(dir)) {
          throw new WatchfloorException.BadInput(
              "--events " + events + ": neither rules, learned nor a folder of an event model (`train events --out`)");
        }
        try {
          yield Extractor.learned(watch, EventModel.read(dir));
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
          throw new WatchfloorException.BadInput("--events " + events + ": " + e.getMessage());
        }
      }
    };
  }
}
