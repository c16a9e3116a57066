package org.watchfloor.eval.events;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.watchfloor.extract.Extractor;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.store.ScratchDir;
import org.watchfloor.store.Store;

/**
 * Runs the whole pipeline over a set of articles into a temporary store, reads the events back
 * and scores them against a gold file; also times extraction alone over the parsed articles.
 */
public final class EventEvaluation {

  /** The outcome: the score, how many articles went in, and extraction throughput. */
  public record Result(EventScore score, int articles, double extractArticlesPerSecond, double meanChars) {}

  private final Extractor extractor;

  public EventEvaluation(Extractor extractor) {
    this.extractor = extractor;
  }

  public Result evaluate(Path gold, List<Path> articles) {
    List<GoldEvent> goldEvents = GoldEvents.read(gold, GazetteerMatcher.of(extractor.profile()));
    List<RawDocument> raws = read(articles);
    List<Article> parsed = new ArrayList<>();
    ArticleParser parser = new ArticleParser();
    for (RawDocument raw : raws) {
      ParseResult r = parser.parse(raw);
      if (r.ok()) {
        parsed.add(r.article());
      }
    }
    double perSecond = throughput(parsed);
    double meanChars = parsed.stream().mapToInt(a -> a.text().length()).average().orElse(0);
    try (ScratchDir dir = ScratchDir.create("watchfloor-eval-events"); Store store = Store.open(dir.path())) {
      new Pipeline(store, extractor, new Pipeline.Listener() {}).ingestDocuments(raws);
      List<SystemEvent> system = systemEvents(store);
      return new Result(new EventScorer().score(goldEvents, system), parsed.size(), perSecond, meanChars);
    }
  }

  /** Articles per second of {@link Extractor#extract} alone, the faster of two passes. */
  private double throughput(List<Article> articles) {
    if (articles.isEmpty()) {
      return 0;
    }
    long best = Long.MAX_VALUE;
    for (int pass = 0; pass < 2; pass++) {
      long t0 = System.nanoTime();
      for (Article a : articles) {
        extractor.extract(a);
      }
      best = Math.min(best, System.nanoTime() - t0);
    }
    return articles.size() / (best / 1e9);
  }

  private static List<SystemEvent> systemEvents(Store store) {
    try {
      List<SystemEvent> out = new ArrayList<>();
      for (Event e : store.events().list(null, 0)) {
        List<Report> news = store.events().reportsOf(e.id()).stream().filter(r -> !r.background()).toList();
        if (news.isEmpty()) {
          continue;
        }
        Set<String> ids = new LinkedHashSet<>();
        news.forEach(r -> ids.add(r.articleId()));
        List<SystemEvent.ArticleRef> refs = new ArrayList<>();
        for (String id : ids) {
          Article a = store.articles().get(id).orElse(null);
          if (a != null) {
            refs.add(new SystemEvent.ArticleRef(a.id(), a.url(), a.sourcePath()));
          }
        }
        if (!refs.isEmpty()) {
          out.add(new SystemEvent(e.id(), e.type(), e.date(), e.planned(), new LinkedHashSet<>(e.weapons()), refs,
              news.get(0).evidence()));
        }
      }
      return out;
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot read events back from the evaluation store: " + ex.getMessage(), ex);
    }
  }

  private static List<RawDocument> read(List<Path> paths) {
    List<RawDocument> raws = new ArrayList<>();
    FileSource files = new FileSource();
    DocumentSink sink = new DocumentSink() {
      @Override
      public void accept(RawDocument document) {
        raws.add(document);
      }

      @Override
      public void problem(Problem problem) {
        // a document that cannot be read produces no event; the gold will show it as a miss
      }
    };
    for (Path file : files.list(paths, sink)) {
      files.read(file, sink);
    }
    return raws;
  }

}
