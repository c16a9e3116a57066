package org.watchfloor.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the files of one profile are read from: a directory or a classpath prefix. */
interface ProfileFiles {

  /** The bytes of {@code relative} (e.g. {@code gazetteer/weapons.yaml}), if it exists. */
  Optional<byte[]> read(String relative);

  /** How to name {@code relative} in an error: a path or a resource name. */
  String describe(String relative);

  /** A filesystem path for {@code relative}, when the profile is a directory. */
  Optional<Path> path(String relative);

  static ProfileFiles directory(Path dir) {
    return new ProfileFiles() {
      @Override
      public Optional<byte[]> read(String relative) {
        Path file = dir.resolve(relative);
        try {
          return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
          return Optional.empty();
        } catch (IOException e) {
          throw new ProfileException(file, "cannot read: " + e, e);
        }
      }

      @Override
      public String describe(String relative) {
        return dir.resolve(relative).toString();
      }

      @Override
      public Optional<Path> path(String relative) {
        return Optional.of(dir.resolve(relative));
      }
    };
  }

  static ProfileFiles classpath(String prefix) {
    return new ProfileFiles() {
      @Override
      public Optional<byte[]> read(String relative) {
        ClassLoader loader = ProfileFiles.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(prefix + relative)) {
          return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
          throw new ProfileException(describe(relative), "cannot read: " + e, e);
        }
      }

      @Override
      public String describe(String relative) {
        return "classpath:" + prefix + relative;
      }

      @Override
      public Optional<Path> path(String relative) {
        return Optional.empty();
      }
    };
  }
}
