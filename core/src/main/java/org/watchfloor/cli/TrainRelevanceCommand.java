package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.train.AnnotatedCorpus;
import org.watchfloor.train.RelevanceTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor train relevance}: the article relevance gate, threshold chosen by grouped cross-validation. */
@Command(
    name = "relevance",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the relevance gate from a data folder laid out as the team's (train/articles-annotated.jsonl;",
      "kcna/articles-dev.jsonl with kcna/gold-events-dev-full.csv; negatives/articles-dev.jsonl as general",
      "news), chooses its threshold by grouped cross-validation (at most 1 in 1,000 general news articles",
      "passes), and writes the model with its figures to a folder (the jar's: core/src/main/resources/models)."
    })
final class TrainRelevanceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data folder.")
  Path data;

  @Option(names = "--out", defaultValue = "core/src/main/resources/models", paramLabel = "DIR",
      description = "Folder to write the model to (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "" + RelevanceTrainer.SEED, description = "Training seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--profile", paramLabel = "NAME|DIR", defaultValue = "dprk",
      description = "Watch profile: a built-in name or a directory (default: ${DEFAULT-VALUE}).")
  String profile;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(data)) {
      err.println("error: --data is not a folder: " + data);
      return Main.BAD_INPUT;
    }
    try {
      RelevanceTrainer.Trained t = RelevanceTrainer.trainAndWrite(StoreOptions.loadProfile(profile), data, out, seed);
      stdout.printf(Locale.ROOT, "relevance model %s, threshold %.4f, written to %s%n", t.settings().version(),
          t.settings().threshold(), out);
      t.figures().forEach(f -> stdout.println("  " + f));
      return Main.OK;
    } catch (AnnotatedCorpus.CorpusException | UncheckedIOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (IOException e) {
      err.println("error: cannot write the model to " + out + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }
}
