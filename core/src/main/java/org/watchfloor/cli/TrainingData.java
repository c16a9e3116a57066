package org.watchfloor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.ArticleReader;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.train.AnnotatedCorpus;
import org.watchfloor.train.LabelledArticle;
import picocli.CommandLine.Option;

/**
 * The labelled data the event model learns from and is cross-validated on, as options shared by
 * {@code train events} and {@code eval cv}: an annotated corpus (events with their evidence
 * sentences), general news with no event, and a second corpus whose events are known per article
 * from a gold CSV.
 */
final class TrainingData {

  @Option(names = "--corpus", required = true, paramLabel = "FILE",
      description = "Annotated articles (JSON Lines, each with its events and evidence sentences).")
  Path corpus;

  @Option(names = "--unrelated", paramLabel = "FILE", description = "Articles with no event of the watch.")
  @Nullable Path unrelated;

  @Option(names = "--gold-articles", paramLabel = "FILE",
      description = "A second corpus whose events are known per article, not by sentence (with --gold, e.g. state"
          + " media): its candidates of an event's type and day stand for its sentences.")
  @Nullable Path goldArticles;

  @Option(names = "--gold", paramLabel = "CSV",
      description = "The gold events of --gold-articles (event_key, event_date, event_type, article_urls …).")
  @Nullable Path gold;

  @Option(names = "--gold-evidence", paramLabel = "FILE",
      description = "Sentence-level labels for articles of --gold-articles (their lines, events and evidence"
          + " offsets; see data/annotations/README.md): those articles are trained on their annotated sentences"
          + " instead of the gold's distant labels. Scores still use --gold.")
  @Nullable Path goldEvidence;

  @Option(names = "--profile", paramLabel = "NAME|DIR", defaultValue = "dprk",
      description = "Watch profile: a built-in name or a directory (default: ${DEFAULT-VALUE}).")
  String profile;

  /**
   * The corpora read, with the profile and the reader that turns their articles into candidates.
   *
   * @param gold the second corpus as it is trained on: with the labels of {@code --gold-evidence}
   *     where it has some, else the gold's
   * @param goldScored the second corpus labelled by the gold alone, as its events are scored
   */
  record Loaded(WatchProfile watch, ArticleReader reader, List<LabelledArticle> annotated,
      List<LabelledArticle> unrelated, List<LabelledArticle> gold, List<LabelledArticle> goldScored) {

    /** Every article: the annotated, then the unrelated, then the second corpus. */
    List<LabelledArticle> all() {
      List<LabelledArticle> out = new ArrayList<>(annotated);
      out.addAll(unrelated);
      out.addAll(gold);
      return out;
    }
  }

  /** Whether the options go together and name files that exist; says what is wrong on {@code err} if not. */
  boolean check(PrintWriter err) {
    if ((goldArticles == null) != (gold == null)) {
      err.println("error: --gold-articles and --gold go together");
      return false;
    }
    if (goldEvidence != null && goldArticles == null) {
      err.println("error: --gold-evidence labels articles of --gold-articles; give that too");
      return false;
    }
    return InputFiles.present(err, corpus, unrelated, goldArticles, gold, goldEvidence);
  }

  /** Reads the corpora; a malformed one throws {@link AnnotatedCorpus.CorpusException} naming it. */
  Loaded load() {
    WatchProfile watch = StoreOptions.loadProfile(profile);
    ArticleReader reader = new ArticleReader(watch, Clock.systemUTC());
    List<LabelledArticle> annotated = AnnotatedCorpus.annotated(corpus);
    List<LabelledArticle> general = unrelated == null ? List.of() : AnnotatedCorpus.unrelated(unrelated);
    List<LabelledArticle> scored = goldArticles == null || gold == null ? List.of()
        : AnnotatedCorpus.withGold(goldArticles, gold, GazetteerMatcher.of(watch));
    List<LabelledArticle> trained = goldEvidence == null ? scored : AnnotatedCorpus.withEvidence(scored, goldEvidence);
    return new Loaded(watch, reader, annotated, general, trained, scored);
  }
}
