package org.watchfloor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The check the training and cross-validation commands make of the files they are given. */
final class InputFiles {

  private InputFiles() {}

  /** Whether every path given (an option left out is {@code null}) is a file; if not, says which on {@code err}. */
  static boolean present(PrintWriter err, @Nullable Path... paths) {
    for (Path p : paths) {
      if (p != null && !Files.isRegularFile(p)) {
        err.println("error: not a file: " + p);
        return false;
      }
    }
    return true;
  }
}
