package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.extract.EventModel;
import org.watchfloor.train.AnnotatedCorpus;
import org.watchfloor.train.EventTrainer;
import org.watchfloor.train.LabelledArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor train events}: the learned event model from annotated articles. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the event model (type, news or passing mention, plan) from annotated articles and writes it,",
      "with its settings, to a folder. The same inputs and seed learn the same weights.",
      "Measure it first with `eval cv`."
    })
final class TrainEventsCommand implements Callable<Integer> {

  /**
   * Thresholds grouped cross-validation chose (`eval cv` sweeping them: the best mean F1 over the
   * annotated corpus by month and by outlet and KCNA by month; README, "Extraction").
   */
  static final double TYPE_THRESHOLD = 0.2;
  static final double NEWS_THRESHOLD = 0.3;
  static final double PLANNED_THRESHOLD = 0.5;
  static final double MORE_NEWS_THRESHOLD = 0.4;

  @Spec CommandSpec spec;

  @Mixin TrainingData data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the model to.")
  Path out;

  @Option(names = "--model-version", required = true, paramLabel = "V",
      description = "The model's version, recorded with every article it extracts.")
  String version;

  @Option(names = "--seed", defaultValue = "" + TrainCommand.SEED, description = "Training seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!data.check(err)) {
      return Main.BAD_INPUT;
    }
    try {
      TrainingData.Loaded loaded = data.load();
      List<LabelledArticle> articles = loaded.all();
      EventModel model = new EventTrainer(loaded.reader(), seed, EventTrainer.COST).train(articles,
          new EventModel.Settings(version, TYPE_THRESHOLD, NEWS_THRESHOLD, PLANNED_THRESHOLD, MORE_NEWS_THRESHOLD));
      model.write(out);
      stdout.printf(Locale.ROOT, "event model %s trained on %d articles, written to %s%n", version, articles.size(), out);
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
