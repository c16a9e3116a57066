package org.watchfloor.alert;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.watchfloor.model.AlertRule;
import org.watchfloor.model.Event;
import org.watchfloor.resolve.EditLog;
import org.watchfloor.store.Store;

/** Which stored events a rule matches now: {@code alert test}, deciding and delivering nothing. */
public final class RuleTest {

  private RuleTest() {}

  /** The events the rule matches, newest first, leaving out those an analyst rejected; runs in the caller's transaction. */
  public static List<Event> matching(Store store, AlertRule rule) throws SQLException {
    Set<String> rejected = EditLog.fold(store.edits().all()).rejectedEvents();
    List<Event> out = new ArrayList<>();
    for (Event e : store.events().list(null, 0)) {
      if (!rejected.contains(e.id()) && RuleMatcher.matches(rule, e, new EventFacts(store, e.id()))) {
        out.add(e);
      }
    }
    return out;
  }
}
