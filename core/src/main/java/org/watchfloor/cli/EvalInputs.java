package org.watchfloor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.watchfloor.extract.Extractor;
import picocli.CommandLine.Option;

/**
 * The options every gold-based evaluation takes ({@code --gold}, {@code --articles},
 * {@code --profile}) and the checks it makes of them; mixed into the eval commands.
 */
final class EvalInputs {

  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold events CSV.")
  Path gold;

  @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Article files or folders, in any format ingest takes.")
  List<Path> articles;

  @Option(names = "--profile", paramLabel = "NAME|DIR", defaultValue = "dprk",
      description = "Watch profile: a built-in name or a directory (default: ${DEFAULT-VALUE}).")
  String profile;

  /** Whether the gold file and every article path exist; if not, says which on {@code err}. */
  boolean usable(PrintWriter err) {
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

  @Option(names = "--events", paramLabel = "routed|rules|learned|DIR", defaultValue = "routed",
      description = "What reads events: routed (the shipped event model, the rules for state media and the types the"
          + " profile gives them), rules, learned (the model alone) or a folder from `train events`"
          + " (default: ${DEFAULT-VALUE}).")
  String events;

  Extractor extractor() {
    return StoreOptions.extractor(StoreOptions.loadProfile(profile), events);
  }
}
