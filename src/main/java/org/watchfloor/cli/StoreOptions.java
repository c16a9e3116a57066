package org.watchfloor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.watchfloor.extract.Extractor;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;
import picocli.CommandLine.Option;

/** The options every command shares: where the store is, and which watch profile to use. */
final class StoreOptions {

  @Option(names = "--store", paramLabel = "DIR", defaultValue = "watchfloor-data",
      description = "Data directory of the store (default: ${DEFAULT-VALUE}).")
  Path store;

  @Option(names = "--profile", paramLabel = "NAME|DIR", defaultValue = "dprk",
      description = "Watch profile: a built-in name or a directory (default: ${DEFAULT-VALUE}).")
  String profile;

  /** Opens the store to write to it, creating it in an empty or missing directory. */
  Store open() {
    return Store.open(store);
  }

  /** Opens an existing store to read it, beside a writer such as a running {@code run}. */
  Store openToRead() {
    return Store.openReadOnly(store);
  }

  WatchProfile loadProfile() {
    return loadProfile(profile);
  }

  /** A built-in profile by name, or the profile in a directory when one by that path exists. */
  static WatchProfile loadProfile(String nameOrDir) {
    Path dir = Path.of(nameOrDir);
    return Files.isDirectory(dir) ? WatchProfile.load(dir) : WatchProfile.load(nameOrDir);
  }

  Extractor extractor() {
    return new Extractor(loadProfile());
  }
}
