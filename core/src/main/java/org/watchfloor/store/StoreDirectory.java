package org.watchfloor.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;
import org.watchfloor.WatchfloorException;

/**
 * Which directories are stores, and how one becomes a store. The marker file ({@link
 * Store#MARKER}) appears only once the store is whole: creation first writes {@link #CREATING},
 * then migrates the database and opens the index, and last renames that file to the marker in one
 * atomic step. A process killed in between leaves a directory that is recognisably a store being
 * created, which readers refuse with that reason and the next writer finishes creating, instead of
 * a marked store with half a schema or a directory that is refused as someone else's.
 */
final class StoreDirectory {

  /** The marker's name while the store is being created. */
  static final String CREATING = Store.MARKER + ".creating";

  /** What creation writes into a directory before it renames {@link #CREATING} to the marker. */
  private static final Set<String> CREATION_LEFTOVERS = Set.of(CREATING, Store.DB_FILE, Store.DB_FILE + "-wal",
      Store.DB_FILE + "-shm", Store.DB_FILE + "-journal", "index");

  private StoreDirectory() {}

  /**
   * Readies {@code dir} for a writer: true when the store is (still) being created there, and
   * {@link #finishCreating} must follow once its database and index are in place. Refuses a
   * directory that is neither empty, nor a store of this format, nor one whose creation was cut
   * short, without touching it.
   */
  static boolean prepareToWrite(Path dir) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new WatchfloorException.StoreRefused(dir, "not a directory");
      }
      Path marker = dir.resolve(Store.MARKER);
      if (Files.exists(marker)) {
        checkMarker(dir, marker);
        return false;
      }
      if (Files.isDirectory(dir) && !isEmpty(dir)) {
        if (creationInterrupted(dir)) {
          return true;
        }
        throw new WatchfloorException.StoreRefused(
            dir, "not a Watchfloor store (no " + Store.MARKER + " file and not empty); left untouched");
      }
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(CREATING), Store.MARKER_TEXT, StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      throw new WatchfloorException.StoreRefused(dir, "cannot prepare: " + e.getMessage());
    }
  }

  /** Marks the store whole: the last step of creating it. */
  static void finishCreating(Path dir) {
    try {
      Files.writeString(dir.resolve(CREATING), Store.MARKER_TEXT, StandardCharsets.UTF_8);
      Files.move(dir.resolve(CREATING), dir.resolve(Store.MARKER), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new WatchfloorException.StoreRefused(dir, "cannot mark the new store: " + e.getMessage());
    }
  }

  /** Refuses, without creating anything, a directory a reader cannot use as a store of this format. */
  static void checkToRead(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new WatchfloorException.StoreRefused(dir, "no store here yet: ingest something first");
    }
    Path marker = dir.resolve(Store.MARKER);
    if (!Files.exists(marker)) {
      if (creationInterrupted(dir)) {
        throw new WatchfloorException.StoreRefused(dir, "the store's creation was interrupted before it was"
            + " complete: a writing command (ingest, run, user add) finishes creating it");
      }
      throw new WatchfloorException.StoreRefused(
          dir, "not a Watchfloor store (no " + Store.MARKER + " file); left untouched");
    }
    try {
      checkMarker(dir, marker);
    } catch (IOException e) {
      throw new WatchfloorException.StoreRefused(dir, "cannot read: " + e.getMessage());
    }
  }

  private static void checkMarker(Path dir, Path marker) throws IOException {
    String text = Files.readString(marker, StandardCharsets.UTF_8);
    if (!text.equals(Store.MARKER_TEXT)) {
      throw new WatchfloorException.StoreRefused(
          dir, "written by another version of Watchfloor (" + text.strip() + "); left untouched");
    }
  }

  /** Whether {@code dir} holds what an unfinished creation left there, and nothing else. */
  private static boolean creationInterrupted(Path dir) {
    if (!Files.isRegularFile(dir.resolve(CREATING))) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.allMatch(p -> CREATION_LEFTOVERS.contains(p.getFileName().toString()));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
