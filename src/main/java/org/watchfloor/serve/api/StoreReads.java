package org.watchfloor.serve.api;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.model.Mention;
import org.watchfloor.model.Report;
import org.watchfloor.resolve.EditLog;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventViews;
import org.watchfloor.store.EventRows;
import org.watchfloor.store.SearchIndex;
import org.watchfloor.store.SearchVariants;
import org.watchfloor.store.Store;

/**
 * The reads the workbench makes, each one short transaction on a read-only connection of its
 * own from a {@link ReadPool}, so that concurrent requests do not wait for each other; each read
 * ends its transaction so that what another process ingests meanwhile becomes visible.
 */
public final class StoreReads implements AutoCloseable {

  /**
   * A page of events with the number matching the filter, and the analyst's status of those
   * that have one other than {@code open} ({@code confirmed}, {@code rejected}).
   */
  public record EventPage(List<Event> events, long total, int limit, int offset, Map<String, String> statuses) {

    /** The status of {@code e}: open, confirmed or rejected. */
    public String status(Event e) {
      return statuses.getOrDefault(e.id(), "open");
    }
  }

  /** An event with its reports and their articles, and the analyst's edits of it. */
  public record EventDetail(Event event, List<ContractJson.ReportView> reports, ContractJson.EditView edits) {}

  /** An article with its mentions and the reports drawn from it. */
  public record ArticleDetail(Article article, List<Mention> mentions, List<Report> reports) {}

  /** Values the timeline's filter form offers. */
  public record Facets(List<String> types, List<String> weapons) {}

  /**
   * Connections to the store when none is asked for: two per core, so that a read waiting on the
   * disk leaves its core to another, but not so many that CPU-bound reads thrash a small host.
   */
  public static final int DEFAULT_CONNECTIONS = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

  private final ReadPool pool;
  private final SearchVariants variants;

  /** Reads over {@code connections} read-only connections to the store in {@code dir}. */
  public StoreReads(Path dir, int connections) {
    this(dir, connections, SearchVariants.NONE);
  }

  /** The same, a search for a designator also finding its {@code variants} (see {@link SearchVariants}). */
  public StoreReads(Path dir, int connections, SearchVariants variants) {
    this.pool = new ReadPool(dir, connections);
    this.variants = variants;
  }

  /** Lends {@code work} a read-only store of its own (for work that is not one transaction, such as search). */
  public <T> T withStore(java.util.function.Function<Store, T> work) {
    return pool.read(work);
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Work on a store lent for one transaction. */
  @FunctionalInterface
  public interface StoreWork<T> {
    T run(Store store) throws SQLException;
  }

  /** Runs {@code work} on a read-only store of its own, in one transaction. */
  public <T> T read(StoreWork<T> work) {
    return pool.read(store -> store.inTransaction(() -> work.run(store)));
  }

  public EventPage events(EventFilter f, int limit, int offset) {
    return read(store -> events(store, f, limit, offset));
  }

  /**
   * Events {@code offset} to {@code offset + limit} of those the filter keeps, in the store's
   * order, without the rejected ones unless the filter includes them. The store's query knows
   * nothing of edits, so rejected events are taken out here: the few that match the filter are
   * subtracted from its count, and the page is read from the start with room for them.
   */
  public static EventPage events(Store store, EventFilter f, int limit, int offset) throws SQLException {
    EventRows rows = store.events();
    EditLog log = EditLog.fold(store.edits().all());
    long total = rows.countFiltered(f.type(), f.weapon(), f.from(), f.to(), f.minOrigins());
    Set<String> hidden = new HashSet<>();
    if (!f.includeRejected()) {
      for (String id : log.rejectedEvents()) {
        rows.get(id).filter(f::matches).ifPresent(e -> hidden.add(e.id()));
      }
    }
    List<Event> events;
    if (hidden.isEmpty()) {
      events = rows.filtered(f.type(), f.weapon(), f.from(), f.to(), f.minOrigins(), limit, offset);
    } else {
      total -= hidden.size();
      List<Event> kept = rows.filtered(f.type(), f.weapon(), f.from(), f.to(), f.minOrigins(),
          offset + limit + hidden.size(), 0).stream().filter(e -> !hidden.contains(e.id())).toList();
      events = kept.subList(Math.min(offset, kept.size()), Math.min(offset + limit, kept.size()));
    }
    Map<String, String> statuses = new HashMap<>();
    for (Event e : events) {
      String status = log.status(e.id());
      if (!status.equals("open")) {
        statuses.put(e.id(), status);
      }
    }
    return new EventPage(events, total, limit, offset, statuses);
  }

  /**
   * The event with this id with its reports and edits; an id an analyst merged away leads to the
   * event it was merged into (so the detail's event id may differ from {@code id}).
   */
  public Optional<EventDetail> event(String id) {
    return read(store -> {
      EventViews views = new EventViews(store);
      Event e;
      try {
        e = views.event(id);
      } catch (WatchfloorException.BadInput unknown) {
        return Optional.<EventDetail>empty();
      }
      return Optional.of(new EventDetail(e, reportViews(store, e, new HashMap<>()), views.edits(e)));
    });
  }

  /** Events of the same type as {@code e} whose dates come within {@code days} of it: merge candidates. */
  public List<Event> neighbours(Event e, int days) {
    if (!e.date().isKnown()) {
      return List.of();
    }
    return read(store -> store.events().candidates(e.type(), e.date().earliest().minusDays(days),
        e.date().latest().plusDays(days)).stream().filter(x -> !x.id().equals(e.id())).toList());
  }

  /** The details of each event on a page, in its order, read in one transaction. */
  public List<EventDetail> details(List<Event> events) {
    return read(store -> {
      List<EventDetail> out = new ArrayList<>();
      Map<String, Article> articles = new HashMap<>();
      var edits = new EventViews(store).editViews();
      for (Event e : events) {
        out.add(new EventDetail(e, reportViews(store, e, articles), edits.apply(e)));
      }
      return out;
    });
  }

  static List<ContractJson.ReportView> reportViews(Store store, Event e, Map<String, Article> articles)
      throws SQLException {
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

  public Optional<ArticleDetail> article(String id) {
    return read(store -> {
      Optional<Article> a = store.articles().get(id);
      if (a.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ArticleDetail(a.get(), store.articles().mentions(id), store.events().reportsOfArticle(id)));
    });
  }

  /** The id of the event a report belongs to, if it is attached. */
  public Optional<String> eventOfReport(String reportId) {
    return read(store -> store.events().eventOfReport(reportId));
  }

  /** Hits {@code offset} to {@code offset + limit} of a full-text search. */
  public List<SearchIndex.Hit> search(String query, String kind, int limit, int offset) {
    List<SearchIndex.Hit> hits = pool.read(store -> store.search().search(query, kind, offset + limit, variants));
    return hits.size() <= offset ? List.of() : hits.subList(offset, hits.size());
  }

  /** A full-text search narrowed by facet values, with the facets' counts (see {@link SearchFacets}). */
  public SearchFacets.Result search(String query, String kind, SearchFacets.Selection selection, int limit, int offset) {
    return pool.read(store -> SearchFacets.search(store, query, kind, selection, limit, offset, variants));
  }

  public Facets facets() {
    return read(store -> new Facets(store.events().types(), store.events().weaponNames()));
  }

  /** The events naming {@code name} (a canonical entity name), newest first, from the entity index. */
  public List<Event> eventsNaming(String name) {
    return read(store -> store.events().naming(name));
  }

  /**
   * Launches per month by missile, as ECharts wants them: the months (every month from the
   * first to the last, so gaps show), and one series of counts per missile. Each launch counts
   * once, under the missile {@code missileOf} names for its weapons, however many weapons,
   * classes and payloads its reports name; planned launches are not counted.
   */
  public Map<String, Object> launchesPerMonth(java.util.function.Function<List<String>, String> missileOf) {
    List<EventRows.MonthEvent> launches = read(store -> store.events().perMonth("missile_launch"));
    List<String> months = new ArrayList<>();
    if (!launches.isEmpty()) {
      java.time.YearMonth first = java.time.YearMonth.parse(launches.get(0).month());
      java.time.YearMonth last = java.time.YearMonth.parse(launches.get(launches.size() - 1).month());
      for (java.time.YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        months.add(m.toString());
      }
    }
    Map<String, int[]> byMissile = new java.util.TreeMap<>();
    for (EventRows.MonthEvent launch : launches) {
      byMissile.computeIfAbsent(missileOf.apply(launch.weapons()), k -> new int[months.size()])
          [months.indexOf(launch.month())]++;
    }
    List<Map<String, Object>> series = new ArrayList<>();
    byMissile.forEach((missile, data) -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", missile);
      s.put("data", data);
      series.add(s);
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("months", months);
    out.put("series", series);
    return out;
  }
}
