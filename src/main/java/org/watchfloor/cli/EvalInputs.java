package org.watchfloor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The checks every gold-based evaluation makes of its {@code --gold} and {@code --articles}. */
final class EvalInputs {

  private EvalInputs() {}

  /** Whether the gold file and every article path exist; if not, says which on {@code err}. */
  static boolean usable(Path gold, List<Path> articles, PrintWriter err) {
    if (!Files.isRegularFile(gold)) {
      err.println("error: --gold is not a file: " + gold);
      return false;
    }
    for (Path p : articles) {
      if (!Files.exists(p)) {
        err.println("error: --articles path does not exist: " + p);
        return false;
      }
    }
    return true;
  }
}
