package org.watchfloor.eval.cns;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.watchfloor.eval.events.GoldEvent;
import org.watchfloor.extract.Extractor;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.serve.EventExport;
import org.watchfloor.serve.LaunchClock;
import org.watchfloor.store.ScratchDir;
import org.watchfloor.store.Store;

/**
 * Runs the whole pipeline over a set of articles into a temporary store and checks the launches
 * it holds, the events of the given types, with {@link CnsCheck}.
 */
public final class CnsEvaluation {

  /** The check, with the months the articles were published in. */
  public record Outcome(CnsCheck.Result result, Set<YearMonth> articleMonths, int articles) {}

  private final Extractor extractor;

  public CnsEvaluation(Extractor extractor) {
    this.extractor = extractor;
  }

  public Outcome evaluate(List<CnsRow> cns, List<GoldEvent> gold, List<Path> articles, Set<String> types) {
    try (ScratchDir dir = ScratchDir.create("watchfloor-eval-cns"); Store store = Store.open(dir.path())) {
      new Pipeline(store, extractor, new Pipeline.Listener() {}).ingest(articles);
      Set<YearMonth> months = new TreeSet<>();
      List<Article> stored = store.articles().list(null, 0);
      stored.stream().filter(a -> a.published() != null)
          .forEach(a -> months.add(YearMonth.from(a.published().localDay())));
      CnsCheck.Result result = new CnsCheck(extractor.profile())
          .check(launches(store, new EventExport(store, extractor.profile()), types), cns, gold, months);
      return new Outcome(result, months, stored.size());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the evaluation store: " + e.getMessage(), e);
    }
  }

  /** The launches of the store that some article reports as news, not only as background. */
  static List<Launch> launches(Store store, EventExport table, Set<String> types) throws SQLException {
    List<Launch> out = new ArrayList<>();
    for (Event e : store.events().list(null, 0)) {
      if (!types.contains(e.type())) {
        continue;
      }
      Set<String> urls = new LinkedHashSet<>();
      boolean news = false;
      for (Report r : store.events().reportsOf(e.id())) {
        news |= !r.background();
        if (!r.background()) {
          store.articles().get(r.articleId()).map(Article::url).ifPresent(urls::add);
        }
      }
      if (news) {
        // as the launch table has it: the rows, outcome, UTC time, site, landing, apogee and
        // distance an analyst reads there
        Map<String, String> a = e.attributes();
        out.add(new Launch(e.id(), e.type(), e.date(), e.weapons(), List.copyOf(urls), e.summary(),
            EventExport.missileRows(a.getOrDefault("count", "unknown")), a.getOrDefault("outcome", "unknown"),
            LaunchClock.of(e.date(), a.get("time")).utc(), table.facilityOf(e), table.landingOf(e),
            a.getOrDefault("apogee_km", "unknown"), a.getOrDefault("range_km", "unknown")));
      }
    }
    return out;
  }

}
