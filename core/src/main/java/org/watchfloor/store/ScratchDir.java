package org.watchfloor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for a store that lives as long as one evaluation: created empty, and
 * deleted with everything in it when closed. Close it after the store in it.
 */
public final class ScratchDir implements AutoCloseable {

  private final Path path;

  private ScratchDir(Path path) {
    this.path = path;
  }

  /** A new empty folder under the system's temporary folder, named with the prefix. */
  public static ScratchDir create(String prefix) {
    try {
      return new ScratchDir(Files.createTempDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder left behind is harmless, and the evaluation's result stands
    }
  }
}
