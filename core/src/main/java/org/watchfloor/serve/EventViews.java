package org.watchfloor.serve;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.resolve.EditLog;
import org.watchfloor.store.EventRows;
import org.watchfloor.store.Store;

/** Reads events with their reports and articles, for the CLI, exports and (later) the web. */
public final class EventViews {

  private final Store store;

  public EventViews(Store store) {
    this.store = store;
  }

  public List<ContractJson.ReportView> reports(Event e) {
    return reports(List.of(e)).getOrDefault(e.id(), List.of());
  }

  /**
   * The reports of each of these events with their articles, by event id: three statements for
   * a page of events (reports, their claims, their articles), not three per report.
   */
  public Map<String, List<ContractJson.ReportView>> reports(java.util.Collection<Event> events) {
    try {
      Map<String, List<Report>> reports = store.events().reportsOfEvents(events.stream().map(Event::id).toList());
      Map<String, org.watchfloor.model.Article> articles = store.articles().get(
          reports.values().stream().flatMap(List::stream).map(Report::articleId).toList());
      Map<String, List<ContractJson.ReportView>> out = new HashMap<>();
      reports.forEach((event, rs) -> {
        List<ContractJson.ReportView> views = new ArrayList<>();
        for (Report r : rs) {
          org.watchfloor.model.Article a = articles.get(r.articleId());
          if (a == null) {
            throw new IllegalStateException("report " + r.id() + " names article " + r.articleId() + ", which is not stored");
          }
          views.add(new ContractJson.ReportView(r, a));
        }
        out.put(event, views);
      });
      return out;
    } catch (SQLException ex) {
      throw new WatchfloorException("store " + store.dir() + ": " + ex.getMessage(), ex);
    }
  }

  public List<Event> events(String type, int limit) {
    try {
      return store.events().list(type, limit);
    } catch (SQLException ex) {
      throw new WatchfloorException("store " + store.dir() + ": " + ex.getMessage(), ex);
    }
  }

  /**
   * Events newest first, optionally of one type, without those an analyst rejected unless
   * {@code includeRejected}; {@code limit} 0 for all.
   */
  public List<Event> events(String type, int limit, boolean includeRejected) {
    if (includeRejected) {
      return events(type, limit);
    }
    Set<String> rejected = edits().rejectedEvents();
    if (rejected.isEmpty()) {
      return events(type, limit);
    }
    List<Event> kept = events(type, 0).stream().filter(e -> !rejected.contains(e.id())).toList();
    return limit > 0 && kept.size() > limit ? kept.subList(0, limit) : kept;
  }

  /**
   * The events {@link #events(String, int, boolean)} lists, in its order, handed to {@code sink}
   * as they are read from the database cursor, so that no list of them is held: what the exports
   * of the whole record write from. Stops when the sink says so or after {@code limit} (0: all).
   */
  public void forEachEvent(@Nullable String type, int limit, boolean includeRejected, EventRows.EventSink sink)
      throws SQLException, IOException {
    forEachEvent(type, limit, includeRejected, EventRows.Visibility.SHOW, sink);
  }

  /**
   * As {@link #forEachEvent(String, int, boolean, EventRows.EventSink)}, the background-only
   * events (none of whose reports is news of it) kept, left out or alone kept as {@code background} says.
   */
  public void forEachEvent(@Nullable String type, int limit, boolean includeRejected, EventRows.Visibility background,
      EventRows.EventSink sink) throws SQLException, IOException {
    Set<String> rejected = includeRejected ? Set.of() : edits().rejectedEvents();
    int[] sent = {0};
    EventRows.Criteria c = new EventRows.Criteria(type, null, null, null, 0, null, background,
        EventRows.Visibility.SHOW);
    store.events().forEachFiltered(c, null, e -> {
      if (rejected.contains(e.id())) {
        return true;
      }
      if (!sink.accept(e)) {
        return false;
      }
      return limit <= 0 || ++sent[0] < limit;
    });
  }

  /** Whether every report of {@code e} mentions it only in passing (none is news of it), as the store counts them. */
  public boolean backgroundOnly(Event e) {
    try {
      return store.events().backgroundOnly(List.of(e.id())).contains(e.id());
    } catch (SQLException ex) {
      throw new WatchfloorException("store " + store.dir() + ": " + ex.getMessage(), ex);
    }
  }

  /**
   * The event with this id; an id merged away by an analyst leads to the event it was merged
   * into, so that links to it stay valid.
   */
  public Event event(String id) {
    try {
      var found = store.events().get(id);
      if (found.isEmpty()) {
        String survivor = edits().survivorOf(id);
        if (!survivor.equals(id)) {
          found = store.events().get(survivor);
        }
      }
      return found.orElseThrow(() -> new WatchfloorException.BadInput("no event with id " + id));
    } catch (SQLException ex) {
      throw new WatchfloorException("store " + store.dir() + ": " + ex.getMessage(), ex);
    }
  }

  /**
   * The analyst's status of the event and the edits that name it, each with the status the
   * store recorded for it (which also knows the edits whose events or reports are gone).
   */
  public ContractJson.EditView edits(Event e) {
    return editViews().apply(e);
  }

  /** {@link #edits(Event)} for many events, the edit log read once for all of them. */
  public Function<Event, ContractJson.EditView> editViews() {
    try {
      Map<Long, Edit> stored = new HashMap<>();
      List<Edit> all = store.edits().all();
      all.forEach(x -> stored.put(x.id(), x));
      EditLog log = EditLog.fold(all);
      return e -> new ContractJson.EditView(log.status(e.id()), log.about(e.id()).stream().map(x -> stored.get(x.id())).toList());
    } catch (SQLException ex) {
      throw new WatchfloorException("store " + store.dir() + ": " + ex.getMessage(), ex);
    }
  }

  private EditLog edits() {
    try {
      return EditLog.fold(store.edits().all());
    } catch (SQLException ex) {
      throw new WatchfloorException("store " + store.dir() + ": " + ex.getMessage(), ex);
    }
  }
}
