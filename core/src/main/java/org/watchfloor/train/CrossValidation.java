package org.watchfloor.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.watchfloor.extract.ArticleReader;
import org.watchfloor.extract.EventModel;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventViews;
import org.watchfloor.store.Store;

/**
 * Grouped cross-validation of the extraction through the whole pipeline: for each fold, the
 * models are trained on the fold's training side (and on the extra articles that share nothing
 * with the corpus), the test side is ingested into a fresh store, and its events are written in
 * the public event contract. The events of all folds together are what {@link AnnotatedScore}
 * (and the team's scorer) measure: each article was read by a model that never saw it, nor any
 * article telling its news, nor its outlet (or month).
 */
public final class CrossValidation {

  /** What one fold's models are. */
  public interface Models {
    EventModel events(List<LabelledArticle> train);

    Predicate<Article> relevance(List<LabelledArticle> train);
  }

  private CrossValidation() {}

  /**
   * Runs the folds once for each of {@code variants}, decision thresholds of one fold's learned
   * models (none: the models' own): each fold's models are trained once, and the test side is
   * ingested into a fresh store under each variant. Writes the events of each variant to {@code
   * out} of it and returns them, by variant in the order given.
   */
  public static Map<EventModel.Settings, List<String>> run(List<GroupedFolds.Fold> folds, List<LabelledArticle> extra,
      ArticleReader reader, Models models, List<EventModel.Settings> variants, Path work,
      Function<EventModel.Settings, Path> out) {
    return run(folds, extra, reader, models, variants, work, out, false);
  }

  /**
   * As {@link #run(List, List, ArticleReader, Models, List, Path, Function)}; {@code routed}
   * reads each test side as {@code --events routed} does, the rules reading state media and the
   * types the profile gives them, each fold's model the rest.
   */
  public static Map<EventModel.Settings, List<String>> run(List<GroupedFolds.Fold> folds, List<LabelledArticle> extra,
      ArticleReader reader, Models models, List<EventModel.Settings> variants, Path work,
      Function<EventModel.Settings, Path> out, boolean routed) {
    Map<EventModel.Settings, List<String>> lines = new LinkedHashMap<>();
    for (GroupedFolds.Fold fold : folds) {
      List<LabelledArticle> train = new ArrayList<>(fold.train());
      train.addAll(extra);
      EventModel model = models.events(train);
      Predicate<Article> relevance = models.relevance(train);
      for (EventModel.Settings v : variants.isEmpty() ? List.of(model.settings()) : variants) {
        Extractor extractor = routed ? Extractor.routed(reader, model.withSettings(v), relevance, "cv")
            : new Extractor(reader, model.withSettings(v), relevance, "cv");
        Path store = work.resolve("fold-" + fold.index());
        deleteTree(store);
        lines.computeIfAbsent(v, x -> new ArrayList<>()).addAll(ingest(store, extractor, fold.test()));
        deleteTree(store);
      }
    }
    lines.forEach((v, events) -> {
      Path file = out.apply(v);
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, events, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    });
    return lines;
  }

  private static List<String> ingest(Path dir, Extractor extractor, List<LabelledArticle> test) {
    List<RawDocument> docs = test.stream().map(LabelledArticle::raw).toList();
    if (docs.contains(null)) {
      throw new IllegalArgumentException("a test article has no document to ingest");
    }
    try (Store store = Store.open(dir)) {
      new Pipeline(store, extractor, new Pipeline.Listener() {}, Optional.empty()).ingestDocuments(docs);
      EventViews views = new EventViews(store);
      List<String> lines = new ArrayList<>();
      for (Event e : views.events(null, 0, false)) {
        lines.add(ContractJson.line(ContractJson.event(e, views.reports(e), views.edits(e))));
      }
      return lines;
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** Models of fixed settings trained per fold; {@code relevance} is the fold's gate. */
  public static Models of(EventTrainer trainer, EventModel.Settings settings,
      Function<List<LabelledArticle>, Predicate<Article>> relevance) {
    return new Models() {
      @Override
      public EventModel events(List<LabelledArticle> train) {
        return trainer.train(train, settings);
      }

      @Override
      public Predicate<Article> relevance(List<LabelledArticle> train) {
        return relevance.apply(train);
      }
    };
  }
}
