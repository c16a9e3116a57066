package org.watchfloor.serve;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.store.Store;

/** Reads events with their reports and articles, for the CLI, exports and (later) the web. */
public final class EventViews {

  private final Store store;

  public EventViews(Store store) {
    this.store = store;
  }

  public List<ContractJson.ReportView> reports(Event e) {
    try {
      List<ContractJson.ReportView> out = new ArrayList<>();
      for (Report r : store.events().reportsOf(e.id())) {
        out.add(new ContractJson.ReportView(r, store.articles().get(r.articleId()).orElseThrow()));
      }
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

  public Event event(String id) {
    try {
      return store.events().get(id).orElseThrow(() -> new WatchfloorException.BadInput("no event with id " + id));
    } catch (SQLException ex) {
      throw new WatchfloorException("store " + store.dir() + ": " + ex.getMessage(), ex);
    }
  }
}
