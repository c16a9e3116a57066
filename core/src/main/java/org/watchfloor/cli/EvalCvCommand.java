package org.watchfloor.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.watchfloor.extract.ArticleReader;
import org.watchfloor.extract.EventModel;
import org.watchfloor.train.AnnotatedCorpus;
import org.watchfloor.train.AnnotatedScore;
import org.watchfloor.train.CrossValidation;
import org.watchfloor.train.EventTrainer;
import org.watchfloor.train.GroupedFolds;
import org.watchfloor.train.LabelledArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor eval cv}: grouped cross-validation of the learned extraction, through the whole pipeline. */
@Command(
    name = "cv",
    mixinStandardHelpOptions = true,
    description = {
      "Grouped cross-validation of the extraction models over an annotated corpus: folds by outlet and by",
      "publication month, no happening told as news on both sides. Each fold's models are trained on the",
      "rest, its articles ingested into a fresh store, and the events of all folds scored together as the",
      "team's scorer does. The events are written to OUT/cv-GROUPING.jsonl for any other scorer."
    })
public final class EvalCvCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin TrainingData data;

  @Option(names = "--grouping", split = ",", defaultValue = "month,outlet", paramLabel = "month|outlet",
      description = "Groupings to run (default: ${DEFAULT-VALUE}).")
  List<GroupedFolds.Grouping> groupings;

  @Option(names = "--folds", defaultValue = "5", description = "Folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--seed", defaultValue = "" + TrainCommand.SEED, description = "Training seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--cost", defaultValue = "" + EventTrainer.COST, description = "LIBLINEAR's C (default: ${DEFAULT-VALUE}).")
  double cost;

  @Option(names = "--type-threshold", split = ",", defaultValue = "" + TrainEventsCommand.TYPE_THRESHOLD,
      description = "Probability a type needs (default: ${DEFAULT-VALUE}).")
  List<Double> typeThresholds;

  @Option(names = "--news-threshold", split = ",", defaultValue = "" + TrainEventsCommand.NEWS_THRESHOLD,
      description = "Probability news needs (default: ${DEFAULT-VALUE}).")
  List<Double> newsThresholds;

  @Option(names = "--planned-threshold", split = ",", defaultValue = "" + TrainEventsCommand.PLANNED_THRESHOLD,
      description = "Probability a plan needs (default: ${DEFAULT-VALUE}).")
  List<Double> plannedThresholds;

  @Option(names = "--more-news-threshold", split = ",", defaultValue = "" + TrainEventsCommand.MORE_NEWS_THRESHOLD,
      description = "How sure (type times news probability) an article's second and later news must be; over 1:"
          + " one news happening an article (default: ${DEFAULT-VALUE}).")
  List<Double> moreNewsThresholds;

  @Option(names = "--routed", description = "Read each test side as --events routed does: the rules read state media"
      + " and the types the profile gives them (reader: rules), each fold's model the rest.")
  boolean routed;

  @Option(names = "--out", defaultValue = "cv", paramLabel = "DIR", description = "Where the events go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!data.check(err)) {
      return Main.BAD_INPUT;
    }
    try {
      TrainingData.Loaded loaded = data.load();
      ArticleReader reader = loaded.reader();
      List<LabelledArticle> articles = loaded.annotated();
      List<LabelledArticle> general = loaded.unrelated();
      List<LabelledArticle> second = loaded.gold();
      List<LabelledArticle> extra = new java.util.ArrayList<>(general);
      extra.addAll(second);
      EventTrainer trainer = new EventTrainer(reader, seed, cost).remembering();
      List<EventModel.Settings> variants = variants();
      EventTrainer.Instances all = trainer.instances(articles);
      stdout.printf(Locale.ROOT, "corpus: %d articles, %d evidence sentences, %d not in any candidate sentence (%.1f%%)%n",
          articles.size(), all.evidence(), all.uncovered(), 100.0 * all.uncovered() / Math.max(1, all.evidence()));
      CrossValidation.Models models = CrossValidation.of(trainer, variants.get(0), train -> a -> true);
      for (GroupedFolds.Grouping g : groupings) {
        List<GroupedFolds.Fold> split = GroupedFolds.of(articles, g, folds);
        Function<EventModel.Settings, Path> file = v -> out.resolve("cv-" + g.label() + suffix(v, variants) + ".jsonl");
        var events = CrossValidation.run(split, extra, reader, models, variants, out.resolve("work"), file, routed);
        events.forEach((v, lines) -> {
          stdout.println("grouped by " + g.label() + " (" + folds + " folds)" + label(v, variants) + ": "
              + AnnotatedScore.score(lines, articles).line() + "  events: " + file.apply(v));
          stdout.flush();
        });
      }
      if (!second.isEmpty()) {
        List<LabelledArticle> others = new java.util.ArrayList<>(general);
        others.addAll(articles);
        Function<EventModel.Settings, Path> file = v -> out.resolve("cv-gold-month" + suffix(v, variants) + ".jsonl");
        var events = CrossValidation.run(GroupedFolds.of(second, GroupedFolds.Grouping.MONTH, folds), others, reader,
            models, variants, out.resolve("work"), file, routed);
        events.forEach((v, lines) -> stdout.println(data.goldArticles + " grouped by month (" + folds + " folds)"
            + label(v, variants) + ": " + AnnotatedScore.score(lines, loaded.goldScored()).line() + "  events: "
            + file.apply(v)));
      }
      return Main.OK;
    } catch (AnnotatedCorpus.CorpusException | UncheckedIOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }

  /**
   * Every combination of the thresholds given: each fold's models are trained once and decide
   * under each, so a sweep costs little more than one run.
   */
  private List<EventModel.Settings> variants() {
    List<EventModel.Settings> out = new java.util.ArrayList<>();
    for (double t : typeThresholds) {
      for (double n : newsThresholds) {
        for (double p : plannedThresholds) {
          for (double m : moreNewsThresholds) {
            out.add(new EventModel.Settings(String.format(Locale.ROOT, "t%s-n%s-p%s-m%s", t, n, p, m), t, n, p, m));
          }
        }
      }
    }
    return out;
  }

  /** A variant's part of a file name, when there are several. */
  private static String suffix(EventModel.Settings v, List<EventModel.Settings> variants) {
    return variants.size() == 1 ? "" : "-" + v.version();
  }

  private static String label(EventModel.Settings v, List<EventModel.Settings> variants) {
    return variants.size() == 1 ? "" : " [" + v.version() + "]";
  }
}
