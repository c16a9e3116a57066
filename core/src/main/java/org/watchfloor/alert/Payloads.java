package org.watchfloor.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.watchfloor.model.Event;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventViews;
import org.watchfloor.store.Store;

/**
 * The body of an alert, the same for every transport: the rule, the reason and the idempotency
 * key, and the event in the public event contract ({@code events --format jsonl}) with its
 * reports, evidence and the analyst's status, as it stood when the alert was decided.
 */
final class Payloads {

  private Payloads() {}

  static String of(Store store, Event e, String ruleId, String reason, String key, Instant decidedAt) {
    EventViews views = new EventViews(store);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("rule", ruleId);
    body.put("reason", reason);
    body.put("idempotency_key", key);
    body.put("decided_at", decidedAt.toString());
    body.put("event", ContractJson.event(e, views.reports(e), views.edits(e)));
    return ContractJson.line(body);
  }
}
