package org.watchfloor.flink;

import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.store.Store;

/**
 * What a store holds, to compare two ways of filling it: the ids of its articles, and each event
 * as the ids of its reports (an event's own id is named after the report that came first, which
 * two writers racing over the same input may meet in another order).
 */
record StoredEvents(Set<String> articles, Set<Set<String>> events) {

  static StoredEvents of(Store store) throws SQLException {
    Set<String> articles = new TreeSet<>();
    store.articles().refs().forEach(r -> articles.add(r.id()));
    Set<Set<String>> events = new HashSet<>();
    store.inTransaction(() -> {
      for (Event e : store.events().list(null, 0)) {
        Set<String> reports = new TreeSet<>();
        for (Report r : store.events().reportsOf(e.id())) {
          reports.add(r.id());
        }
        if (!events.add(Collections.unmodifiableSet(reports))) {
          throw new AssertionError("event " + e.id() + " twice: " + reports);
        }
      }
      return null;
    });
    return new StoredEvents(articles, events);
  }
}
