package org.watchfloor.alert;

import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Report;
import org.watchfloor.store.Store;

/** An event's reports, read once and only if a rule asks whether the event is news or what its evidence says. */
final class EventFacts implements RuleMatcher.Facts {

  private final Store store;
  private final String eventId;
  private @Nullable List<Report> reports;

  EventFacts(Store store, String eventId) {
    this.store = store;
    this.eventId = eventId;
  }

  private List<Report> reports() {
    if (reports == null) {
      try {
        reports = store.events().reportsOf(eventId);
      } catch (SQLException e) {
        throw new WatchfloorException("store " + store.dir() + ": " + e.getMessage(), e);
      }
    }
    return reports;
  }

  @Override
  public boolean news() {
    return reports().stream().anyMatch(r -> !r.background());
  }

  @Override
  public String evidence() {
    return String.join("\n", reports().stream().map(Report::evidence).toList());
  }
}
