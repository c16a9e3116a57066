package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.ArticleReader;
import org.watchfloor.extract.EventModel;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.train.AnnotatedCorpus;
import org.watchfloor.train.EventTrainer;
import org.watchfloor.train.LabelledArticle;
import picocli.CommandLine.Command;
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

  /** Thresholds grouped cross-validation chose (`eval cv`). */
  static final double TYPE_THRESHOLD = 0.25;
  static final double NEWS_THRESHOLD = 0.25;
  static final double PLANNED_THRESHOLD = 0.5;

  @Spec CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE",
      description = "Annotated articles (JSON Lines, each with its events and evidence sentences).")
  Path corpus;

  @Option(names = "--unrelated", paramLabel = "FILE", description = "Articles with no event of the watch.")
  @Nullable Path unrelated;

  @Option(names = "--gold-articles", paramLabel = "FILE",
      description = "A second corpus whose happenings are known per article, not by sentence (with --gold): its candidates of a happening's type and day stand for its sentences.")
  @Nullable Path goldArticles;

  @Option(names = "--gold", paramLabel = "CSV", description = "The gold events of --gold-articles (event_key, event_date, event_type, article_urls …).")
  @Nullable Path gold;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the model to.")
  Path out;

  @Option(names = "--model-version", required = true, paramLabel = "V",
      description = "The model's version, recorded with every article it extracts.")
  String version;

  @Option(names = "--seed", defaultValue = "" + TrainCommand.SEED, description = "Training seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--profile", paramLabel = "NAME|DIR", defaultValue = "dprk",
      description = "Watch profile: a built-in name or a directory (default: ${DEFAULT-VALUE}).")
  String profile;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((goldArticles == null) != (gold == null)) {
      err.println("error: --gold-articles and --gold go together");
      return Main.BAD_INPUT;
    }
    if (!InputFiles.present(err, corpus, unrelated, goldArticles, gold)) {
      return Main.BAD_INPUT;
    }
    try {
      WatchProfile watch = StoreOptions.loadProfile(profile);
      ArticleReader reader = new ArticleReader(watch, Clock.systemUTC());
      List<LabelledArticle> articles = new ArrayList<>(AnnotatedCorpus.annotated(corpus));
      if (unrelated != null) {
        articles.addAll(AnnotatedCorpus.unrelated(unrelated));
      }
      if (goldArticles != null && gold != null) {
        articles.addAll(AnnotatedCorpus.withGold(goldArticles, gold, GazetteerMatcher.of(watch)));
      }
      EventModel model = new EventTrainer(reader, seed, EventTrainer.COST).train(articles,
          new EventModel.Settings(version, TYPE_THRESHOLD, NEWS_THRESHOLD, PLANNED_THRESHOLD));
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
