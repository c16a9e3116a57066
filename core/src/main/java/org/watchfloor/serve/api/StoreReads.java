package org.watchfloor.serve.api;

import java.nio.file.Path;
import org.watchfloor.store.StoreLocation;
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
import org.jspecify.annotations.Nullable;
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
  public record EventPage(List<Event> events, long total, int limit, int offset, Map<String, String> statuses,
      Set<String> backgroundOnly) {

    /** The status of {@code e}: open, confirmed or rejected. */
    public String status(Event e) {
      return statuses.getOrDefault(e.id(), "open");
    }

    /** Whether every report of {@code e} mentions it in passing: none of its articles is news of it. */
    public boolean backgroundOnly(Event e) {
      return backgroundOnly.contains(e.id());
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
  private final Exports exports;
  private final EventJsonCache jsonCache = new EventJsonCache();
  /** The timeline's filter values, with the version of the event table they were read at. */
  private volatile @Nullable Versioned<Facets> facets;
  /** Recent searches, with the index version each was made at (see {@link #search(String, String, SearchFacets.Selection, int, int)}). */
  private final Map<String, Versioned<SearchFacets.Result>> searches = lru(SEARCHES_KEPT);
  /** Entities' events per month, with the event table's version each was counted at (see {@link #eventsNaming(String, int, int)}). */
  private final Map<String, Versioned<List<EventRows.MonthCount>>> entityMonths = lru(ENTITIES_KEPT);
  private final SearchVariants variants;
  private final java.util.function.LongSupplier nanoTime;

  /** Entities whose months are kept, most recently asked first. */
  static final int ENTITIES_KEPT = 1024;

  private static <V> Map<String, V> lru(int capacity) {
    return java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    });
  }

  /** Searches kept, most recently used first. */
  static final int SEARCHES_KEPT = 256;

  private record Versioned<T>(String version, T value) {}

  /**
   * Reads over {@code connections} read-only connections to the store in {@code dir}, and
   * exports over {@link Exports#THREADS} more of their own.
   */
  public StoreReads(Path dir, int connections) {
    this(dir, connections, SearchVariants.NONE);
  }

  /** The same, a search for a designator also finding its {@code variants} (see {@link SearchVariants}). */
  public StoreReads(Path dir, int connections, SearchVariants variants) {
    this(StoreLocation.directory(dir), connections, variants);
  }

  /** Reads from the store at {@code where}, a directory or a server. */
  public StoreReads(StoreLocation where, int connections, SearchVariants variants) {
    this(where, connections, variants, System::nanoTime);
  }

  /** The same, telling the time for {@link #FACETS_FRESH} by {@code nanoTime} (a test's clock). */
  StoreReads(StoreLocation where, int connections, SearchVariants variants, java.util.function.LongSupplier nanoTime) {
    this.pool = new ReadPool(where, connections);
    this.variants = variants;
    this.exports = new Exports(where, Exports.THREADS, Exports.WAITING);
    this.nanoTime = nanoTime;
  }

  /** The downloads, on their own threads and connections. */
  public Exports exports() {
    return exports;
  }

  /** Lends {@code work} a read-only store of its own (for work that is not one transaction, such as search). */
  public <T> T withStore(java.util.function.Function<Store, T> work) {
    return pool.read(work);
  }

  @Override
  public void close() {
    try {
      exports.close();
    } finally {
      pool.close();
    }
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
    EventRows.Criteria c = f.criteria();
    long total = rows.countFiltered(c);
    Set<String> hidden = new HashSet<>();
    if (!f.includeRejected()) {
      Set<String> rejected = log.rejectedEvents();
      Set<String> background = rows.backgroundOnly(rejected);
      for (String id : rejected) {
        rows.get(id).filter(e -> f.matches(e, background.contains(id))).ifPresent(e -> hidden.add(e.id()));
      }
    }
    List<Event> events;
    if (hidden.isEmpty()) {
      events = rows.filtered(c, limit, offset);
    } else {
      total -= hidden.size();
      List<Event> kept = rows.filtered(c, offset + limit + hidden.size(), 0).stream()
          .filter(e -> !hidden.contains(e.id())).toList();
      events = kept.subList(Math.min(offset, kept.size()), Math.min(offset + limit, kept.size()));
    }
    Map<String, String> statuses = new HashMap<>();
    for (Event e : events) {
      String status = log.status(e.id());
      if (!status.equals("open")) {
        statuses.put(e.id(), status);
      }
    }
    return new EventPage(events, total, limit, offset, statuses,
        rows.backgroundOnly(events.stream().map(Event::id).toList()));
  }

  /**
   * Hands {@code sink} the events the filter keeps, in the timeline's order, starting after the
   * event {@code after} (from the first when {@code null}), at most {@code limit} of them, each as
   * it is read from the database: for exports and cursor pages. Rejected events are skipped here
   * unless the filter includes them. An {@code after} that names no event is a bad parameter.
   */
  public static void forEachEvent(Store store, EventFilter f, @Nullable String after, int limit, EventRows.EventSink sink)
      throws SQLException, java.io.IOException {
    EventRows.TimelineKey key = null;
    if (after != null) {
      key = store.events().timelineKey(after)
          .orElseThrow(() -> ApiException.badParameter("after", "no event with id " + after + " to resume after"));
    }
    Set<String> rejected = f.includeRejected() ? Set.of() : EditLog.fold(store.edits().all()).rejectedEvents();
    int[] sent = {0};
    if (limit <= 0) {
      return;
    }
    store.events().forEachFiltered(f.criteria(), key, e -> {
      if (rejected.contains(e.id())) {
        return true;
      }
      if (!sink.accept(e)) {
        return false;
      }
      return ++sent[0] < limit;
    });
  }

  /**
   * Up to {@code limit} events after the event {@code after} (see {@link #forEachEvent}), with the
   * filter's total as {@link #events(Store, EventFilter, int, int)} counts it; {@code next} is the
   * last event's id when more follow it, the cursor of the next page.
   */
  public record CursorPage(EventPage page, @Nullable String next) {}

  public CursorPage eventsAfter(EventFilter f, String after, int limit) {
    return read(store -> eventsAfter(store, f, after, limit));
  }

  /** {@link #eventsAfter(EventFilter, String, int)} in a transaction of the caller's. */
  static CursorPage eventsAfter(Store store, EventFilter f, String after, int limit) throws SQLException {
    List<Event> events = new ArrayList<>();
    try {
      forEachEvent(store, f, after, limit + 1, events::add);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String next = null;
    if (events.size() > limit) {
      events.remove(limit);
      next = events.get(limit - 1).id();
    }
    EventPage counted = events(store, f, 0, 0);
    EditLog log = EditLog.fold(store.edits().all());
    Map<String, String> statuses = new HashMap<>();
    for (Event e : events) {
      String status = log.status(e.id());
      if (!status.equals("open")) {
        statuses.put(e.id(), status);
      }
    }
    return new CursorPage(new EventPage(events, counted.total(), limit, 0, statuses,
        store.events().backgroundOnly(events.stream().map(Event::id).toList())), next);
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
      return Optional.of(new EventDetail(e, views.reports(e), views.edits(e)));
    });
  }

  /**
   * The event contract's JSON (with the analyst's edits) of the event with this id, with its
   * entity tag; an id merged away leads to the event it was merged into. Made and hashed once per
   * version of the event (see {@link EventJsonCache}).
   */
  Optional<EventJsonCache.Json> eventJson(String id) {
    return read(store -> {
      Event e;
      try {
        e = new EventViews(store).event(id);
      } catch (WatchfloorException.BadInput unknown) {
        return Optional.<EventJsonCache.Json>empty();
      }
      return Optional.of(jsons(store, List.of(e)).get(0));
    });
  }

  /**
   * The JSON of each event (as {@link #eventJson}), in order, in a transaction of the caller's: a
   * list page reads its events and their JSON in one transaction, so that it waits for a
   * connection once, not twice, and its total, cursor and events come from one state of the store.
   */
  List<byte[]> eventJsons(Store store, List<Event> events) throws SQLException {
    return jsons(store, events).stream().map(EventJsonCache.Json::bytes).toList();
  }

  private List<EventJsonCache.Json> jsons(Store store, List<Event> events) throws SQLException {
    String version = store.recordVersion();
    Map<String, Long> seqs = store.events().changeSeqs(events.stream().map(Event::id).toList());
    EventJsonCache.Json[] out = new EventJsonCache.Json[events.size()];
    List<Event> missing = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      out[i] = jsonCache.get(e.id(), seqs.getOrDefault(e.id(), -1L), version);
      if (out[i] == null) {
        missing.add(e);
      }
    }
    if (!missing.isEmpty()) {
      // the events not kept are made together: their reports, claims and articles read at once
      EventViews views = new EventViews(store);
      var edits = views.editViews();
      Map<String, List<ContractJson.ReportView>> reports = views.reports(missing);
      for (int i = 0; i < events.size(); i++) {
        if (out[i] == null) {
          Event e = events.get(i);
          out[i] = EventJsonCache.Json.of(ContractJson.line(ContractJson.event(e, reports.getOrDefault(e.id(), List.of()),
              edits.apply(e))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          long seq = seqs.getOrDefault(e.id(), -1L);
          if (seq >= 0) {
            jsonCache.put(e.id(), seq, version, out[i]);
          }
        }
      }
    }
    return java.util.Arrays.asList(out);
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
      EventViews views = new EventViews(store);
      var edits = views.editViews();
      Map<String, List<ContractJson.ReportView>> reports = views.reports(events);
      for (Event e : events) {
        out.add(new EventDetail(e, reports.getOrDefault(e.id(), List.of()), edits.apply(e)));
      }
      return out;
    });
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

  /**
   * A page of the article browser: originals {@code offset} to {@code offset + limit}, newest
   * first, each with its copies (syndicated copies, re-ingests), and how many originals there are.
   */
  public record ArticleList(List<org.watchfloor.store.ArticleRows.Listed> originals,
      Map<String, List<org.watchfloor.store.ArticleRows.Listed>> copies, long total, int limit, int offset) {

    /** The copies of the original {@code id}, in storing order. */
    public List<org.watchfloor.store.ArticleRows.Listed> copiesOf(String id) {
      return copies.getOrDefault(id, List.of());
    }
  }

  public ArticleList articles(int limit, int offset) {
    return read(store -> {
      var originals = store.articles().originals(limit, offset);
      Map<String, List<org.watchfloor.store.ArticleRows.Listed>> copies = new HashMap<>();
      for (var c : store.articles().copiesOf(originals.stream().map(org.watchfloor.store.ArticleRows.Listed::id).toList())) {
        copies.computeIfAbsent(c.copyOf(), k -> new ArrayList<>()).add(c);
      }
      return new ArticleList(originals, copies, store.articles().countOriginals(), limit, offset);
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
    return pool.read(store -> {
      // the staleness check runs every time: it may repair the index, and says what the hits answer for
      String stale = store.checkIndex().orElse(null);
      String key = query + '\u0000' + kind + '\u0000' + new java.util.TreeMap<>(selection.chosen()) + '\u0000' + limit
          + '\u0000' + offset;
      String version = store.search().version() + ":" + stale;
      Versioned<SearchFacets.Result> kept = searches.get(key);
      if (kept != null && kept.version().equals(version) && !kept.value().partial()) {
        return kept.value();
      }
      SearchFacets.Result r = SearchFacets.search(store, query, kind, selection, limit, offset, stale, variants);
      searches.put(key, new Versioned<>(version, r));
      return r;
    });
  }

  /**
   * The timeline's filter values, read again only when the event table changed (weapons are read
   * from every event), and while it keeps changing (an ingest commits every few seconds) at most
   * once per {@link #FACETS_FRESH}: a new weapon joins the form's list a few seconds late rather
   * than every page of the timeline reading the whole table.
   */
  public Facets facets() {
    Versioned<Facets> fresh = facets;
    if (fresh != null && nanoTime.getAsLong() - facetsRead < FACETS_FRESH.toNanos()) {
      // within the window after a read the values stand whatever the table's version, so it is not asked
      return fresh.value();
    }
    return read(store -> {
      String version = Long.toString(store.events().tableVersion()); // before the rows: see tableVersion
      Versioned<Facets> kept = facets;
      if (kept != null && kept.version().equals(version)) {
        return kept.value();
      }
      Facets f = new Facets(store.events().types(), store.events().weaponNames());
      facets = new Versioned<>(version, f);
      facetsRead = nanoTime.getAsLong();
      return f;
    });
  }

  /** How long the timeline's filter values stand while the event table changes. */
  static final java.time.Duration FACETS_FRESH = java.time.Duration.ofSeconds(10);

  private volatile long facetsRead;

  /** The events naming {@code name} (a canonical entity name), newest first, from the entity index. */
  public List<Event> eventsNaming(String name) {
    return read(store -> store.events().naming(name));
  }

  /** A page of the events naming an entity, newest first, how many there are, and how many per month. */
  public record Naming(List<Event> events, long total, List<EventRows.MonthCount> perMonth) {}

  /**
   * Events {@code offset} to {@code offset + limit} naming {@code name}, with the count and the
   * months, from the entity index. The months are kept per entity until the event table changes:
   * they count every event naming it, most of the table for the country itself.
   */
  public Naming eventsNaming(String name, int limit, int offset) {
    return read(store -> {
      String version = Long.toString(store.events().tableVersion()); // before the rows: see tableVersion
      Versioned<List<EventRows.MonthCount>> kept = entityMonths.get(name);
      List<EventRows.MonthCount> months;
      if (kept != null && kept.version().equals(version)) {
        months = kept.value();
      } else {
        months = List.copyOf(store.events().perMonthNaming(name));
        entityMonths.put(name, new Versioned<>(version, months));
      }
      return new Naming(store.events().naming(name, limit, offset), store.events().countNaming(name), months);
    });
  }

  /**
   * Events per month by type, as ECharts wants them: the months (every month from the first to
   * the last, so gaps show), and one series of counts per type, with its id and the profile's
   * {@code labelOf} it. Each count is what the timeline lists by default for that type and month
   * ({@code /?type=T&month=M}): events that happened, dated to a month or finer, told as news by
   * a report, not rejected by an analyst.
   */
  public PerMonth eventsPerMonth(java.util.function.Function<String, String> labelOf) {
    List<EventRows.MonthCount> cells = read(store -> {
      List<EventRows.MonthCount> counted = store.events().perMonthByType();
      Set<String> rejected = EditLog.fold(store.edits().all()).rejectedEvents();
      if (rejected.isEmpty()) {
        return counted;
      }
      // the few rejected events are taken out here, as the timeline takes them out (see events())
      Map<String, Integer> minus = new HashMap<>();
      Set<String> background = store.events().backgroundOnly(rejected);
      for (String id : rejected) {
        store.events().get(id).filter(e -> e.date().isKnown() && new EventFilter(null, null, null, null, 0, false,
                java.time.YearMonth.from(e.date().earliest()), EventRows.Visibility.HIDE, EventRows.Visibility.HIDE)
                .matches(e, background.contains(id)))
            .ifPresent(e -> minus.merge(java.time.YearMonth.from(e.date().earliest()) + "\u0000" + e.type(), 1, Integer::sum));
      }
      List<EventRows.MonthCount> out = new ArrayList<>();
      for (EventRows.MonthCount c : counted) {
        int n = c.count() - minus.getOrDefault(c.month() + "\u0000" + c.key(), 0);
        if (n > 0) {
          out.add(new EventRows.MonthCount(c.month(), c.key(), n));
        }
      }
      return out;
    });
    List<String> months = new ArrayList<>();
    if (!cells.isEmpty()) {
      java.time.YearMonth first = java.time.YearMonth.parse(cells.get(0).month());
      java.time.YearMonth last = java.time.YearMonth.parse(cells.get(cells.size() - 1).month());
      for (java.time.YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        months.add(m.toString());
      }
    }
    Map<String, int[]> byType = new java.util.TreeMap<>();
    for (EventRows.MonthCount c : cells) {
      byType.computeIfAbsent(c.key(), k -> new int[months.size()])[months.indexOf(c.month())] += c.count();
    }
    List<PerMonth.Series> series = new ArrayList<>();
    byType.forEach((type, data) -> series.add(new PerMonth.Series(type, labelOf.apply(type), data)));
    return new PerMonth(months, series);
  }

  /**
   * Counts per month of several series: every month from the first to the last, and each series'
   * key (an event type), its name for people and its count for each month.
   */
  public record PerMonth(List<String> months, List<Series> series) {

    public PerMonth {
      months = List.copyOf(months);
      series = List.copyOf(series);
    }

    /** One series: its key, its name and a count per month. */
    public record Series(String type, String name, int[] data) {

      /** The count of month {@code i}. */
      public int count(int i) {
        return data[i];
      }
    }

    /** As the API answers it: {@code months} and {@code series} [{@code type}, {@code name}, {@code data}]. */
    public Map<String, Object> json() {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Series s : series) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", s.type());
        m.put("name", s.name());
        m.put("data", s.data());
        out.add(m);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("months", months);
      body.put("series", out);
      return body;
    }
  }

  /**
   * Launches per month by missile, as ECharts wants them: the months (every month from the
   * first to the last, so gaps show), and one series of counts per missile. Each launch counts
   * once, under the missile {@code missileOf} names for its weapons, however many weapons,
   * classes and payloads its reports name. Each month counts what the timeline lists by default
   * for it ({@code /?type=missile_launch&month=M}): planned, background-only and rejected launches
   * are not counted.
   */
  public Map<String, Object> launchesPerMonth(java.util.function.Function<List<String>, String> missileOf) {
    List<EventRows.MonthEvent> launches = read(store -> {
      Set<String> rejected = EditLog.fold(store.edits().all()).rejectedEvents();
      return store.events().perMonth("missile_launch").stream().filter(l -> !rejected.contains(l.id())).toList();
    });
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
