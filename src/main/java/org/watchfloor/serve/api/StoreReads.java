package org.watchfloor.serve.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.model.Mention;
import org.watchfloor.model.Report;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.store.EventRows;
import org.watchfloor.store.SearchIndex;
import org.watchfloor.store.Store;

/**
 * The reads the workbench makes, each one short transaction on the store. The store holds one
 * database connection, which is not safe for concurrent use, so requests take turns here; each
 * read ends its transaction so that what another process ingests meanwhile becomes visible.
 */
public final class StoreReads {

  /** A page of events with the number matching the filter. */
  public record EventPage(List<Event> events, long total, int limit, int offset) {}

  /** An event with its reports and their articles. */
  public record EventDetail(Event event, List<ContractJson.ReportView> reports) {}

  /** An article with its mentions and the reports drawn from it. */
  public record ArticleDetail(Article article, List<Mention> mentions, List<Report> reports) {}

  /** Values the timeline's filter form offers. */
  public record Facets(List<String> types, List<String> weapons) {}

  private final Store store;

  public StoreReads(Store store) {
    this.store = store;
  }

  public synchronized EventPage events(EventFilter f, int limit, int offset) {
    return store.inTransaction(() -> {
      EventRows rows = store.events();
      List<Event> events = rows.filtered(f.type(), f.weapon(), f.from(), f.to(), f.minOrigins(), limit, offset);
      long total = rows.countFiltered(f.type(), f.weapon(), f.from(), f.to(), f.minOrigins());
      return new EventPage(events, total, limit, offset);
    });
  }

  public synchronized Optional<EventDetail> event(String id) {
    return store.inTransaction(() -> {
      Optional<Event> e = store.events().get(id);
      return e.isEmpty() ? Optional.<EventDetail>empty() : Optional.of(new EventDetail(e.get(), reportViews(e.get())));
    });
  }

  /** The details of each event on a page, in its order, read in one transaction. */
  public synchronized List<EventDetail> details(List<Event> events) {
    return store.inTransaction(() -> {
      List<EventDetail> out = new ArrayList<>();
      Map<String, Article> articles = new java.util.HashMap<>();
      for (Event e : events) {
        out.add(new EventDetail(e, reportViews(e, articles)));
      }
      return out;
    });
  }

  private List<ContractJson.ReportView> reportViews(Event e) throws java.sql.SQLException {
    return reportViews(e, new java.util.HashMap<>());
  }

  private List<ContractJson.ReportView> reportViews(Event e, Map<String, Article> articles) throws java.sql.SQLException {
    List<ContractJson.ReportView> views = new ArrayList<>();
    for (Report r : store.events().reportsOf(e.id())) {
      Article a = articles.get(r.articleId());
      if (a == null) {
        a = store.articles().get(r.articleId()).orElseThrow();
        articles.put(a.id(), a);
      }
      views.add(new ContractJson.ReportView(r, a));
    }
    return views;
  }

  public synchronized Optional<ArticleDetail> article(String id) {
    return store.inTransaction(() -> {
      Optional<Article> a = store.articles().get(id);
      if (a.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ArticleDetail(a.get(), store.articles().mentions(id), store.events().reportsOfArticle(id)));
    });
  }

  /** The id of the event a report belongs to, if it is attached. */
  public synchronized Optional<String> eventOfReport(String reportId) {
    return store.inTransaction(() -> store.events().eventOfReport(reportId));
  }

  /** Hits {@code offset} to {@code offset + limit} of a full-text search. */
  public synchronized List<SearchIndex.Hit> search(String query, String kind, int limit, int offset) {
    List<SearchIndex.Hit> hits = store.search().search(query, kind, offset + limit);
    return hits.size() <= offset ? List.of() : hits.subList(offset, hits.size());
  }

  public synchronized Facets facets() {
    return store.inTransaction(() -> new Facets(store.events().types(), store.events().weaponNames()));
  }

  /**
   * Launches per month by missile, as ECharts wants them: the months (every month from the
   * first to the last, so gaps show), and one series of counts per weapon.
   */
  public synchronized Map<String, Object> launchesPerMonth() {
    List<EventRows.MonthCount> cells = store.inTransaction(() -> store.events().perMonthByWeapon("missile_launch"));
    Set<String> weapons = new LinkedHashSet<>();
    List<String> months = new ArrayList<>();
    if (!cells.isEmpty()) {
      java.time.YearMonth first = java.time.YearMonth.parse(cells.get(0).month());
      java.time.YearMonth last = java.time.YearMonth.parse(cells.get(cells.size() - 1).month());
      for (java.time.YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        months.add(m.toString());
      }
    }
    cells.stream().map(EventRows.MonthCount::key).sorted().forEach(weapons::add);
    List<Map<String, Object>> series = new ArrayList<>();
    for (String w : weapons) {
      int[] data = new int[months.size()];
      for (EventRows.MonthCount c : cells) {
        if (c.key().equals(w)) {
          data[months.indexOf(c.month())] += c.count();
        }
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", w);
      s.put("data", data);
      series.add(s);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("months", months);
    out.put("series", series);
    return out;
  }
}
