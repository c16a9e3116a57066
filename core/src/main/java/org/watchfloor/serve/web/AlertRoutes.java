package org.watchfloor.serve.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.alert.AlertSettings;
import org.watchfloor.alert.AtomFeed;
import org.watchfloor.alert.RuleText;
import org.watchfloor.alert.Tokens;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertDelivery;
import org.watchfloor.model.AlertRule;
import org.watchfloor.serve.api.ApiException;
import org.watchfloor.serve.api.ApiRoutes;
import org.watchfloor.serve.api.StoreReads;
import org.watchfloor.serve.auth.Access;
import org.watchfloor.store.AlertRows;

/**
 * The alerts on the workbench.
 *
 * <ul>
 *   <li>{@code GET /alerts/RULE.atom?token=…}: a rule's Atom feed, readable without a session by
 *       any feed reader that has the rule's token (the analyst got it once from {@code alert add}).
 *       An unknown rule and a wrong token answer the same 404, so feeds cannot be found by guessing.
 *   <li>{@code GET /alerts} (page) and {@code GET /api/v1/alerts} (JSON), analysts only: the rules,
 *       what each selects, how their deliveries stand with the last failure, and the latest alerts.
 *       Rules are added and removed with {@code watchfloor alert}.
 * </ul>
 */
final class AlertRoutes {

  /** Alerts listed on the page and in the API. */
  static final int LATEST = 50;

  private final StoreReads reads;
  private final Access.Pages pages;

  AlertRoutes(StoreReads reads, Access.Pages pages) {
    this.reads = reads;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get("/alerts/{file}", this::feed);
    routes.get("/alerts", ctx -> pages.render(ctx, "alerts.jte", overview(ctx)));
    routes.get(ApiRoutes.PREFIX + "/alerts", ctx -> ApiRoutes.json(ctx, json(overview(ctx))));
  }

  private record Feed(AlertRule rule, List<Alert> alerts, AlertSettings settings) {}

  private void feed(Context ctx) {
    String token = ctx.queryParam("token");
    String id = AtomFeed.ruleOf(ctx.pathParam("file")).orElseThrow(AlertRoutes::noFeed);
    Feed f = reads.read(store -> {
      String digest = store.alerts().feedTokenHash(id).orElse(null);
      if (digest == null || token == null || !Tokens.matches(token, digest)) {
        return null;
      }
      return new Feed(store.alerts().rule(id).orElseThrow(), store.alerts().recent(id, AtomFeed.ENTRIES),
          AlertSettings.of(store.alerts().settings()));
    });
    if (f == null) {
      throw noFeed();
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(AtomFeed.atom(f.rule(), f.alerts(), f.settings().get(AlertSettings.BASE_URL)));
  }

  private static NotFoundResponse noFeed() {
    return new NotFoundResponse("no such alert feed, or a wrong token");
  }

  private Views.Alerts overview(Context ctx) {
    if (Access.analyst(ctx).isEmpty()) {
      throw ApiException.unauthorized("the alerts are for analysts: log in first");
    }
    return reads.read(store -> {
      AlertRows rows = store.alerts();
      Map<String, Integer> counts = rows.alertCounts();
      List<AlertRows.Tally> tallies = rows.tallies();
      List<Views.AlertRule> rules = new ArrayList<>();
      for (AlertRule r : rows.rules()) {
        rules.add(new Views.AlertRule(r, RuleText.describe(r), counts.getOrDefault(r.id(), 0),
            tallies.stream().filter(t -> t.ruleId().equals(r.id())).toList()));
      }
      List<Views.AlertSent> latest = new ArrayList<>();
      for (Alert a : rows.latest(LATEST)) {
        latest.add(new Views.AlertSent(a, rows.deliveriesOf(a.seq())));
      }
      return new Views.Alerts(rules, latest);
    });
  }

  private static Map<String, Object> json(Views.Alerts v) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Views.AlertRule r : v.rules()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.rule().id());
      m.put("description", r.description());
      m.put("event_types", r.rule().eventTypes());
      m.put("weapons", r.rule().weapons());
      m.put("actors", r.rule().actors());
      m.put("places", r.rule().places());
      m.put("min_origins", r.rule().minOrigins());
      m.put("min_confidence", r.rule().minConfidence());
      m.put("include_background", r.rule().includeBackground());
      m.put("include_planned", r.rule().includePlanned());
      m.put("query", r.rule().query());
      m.put("fire_on", r.rule().fireOn().stream().sorted().map(AlertRule.Trigger::label).toList());
      m.put("feed", "/alerts/" + r.rule().id() + ".atom");
      m.put("alerts", r.alerts());
      List<Map<String, Object>> deliveries = new ArrayList<>();
      for (AlertRows.Tally t : r.tallies()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("channel", t.channel().label());
        d.put("target", t.target());
        d.put("delivered", t.delivered());
        d.put("pending", t.pending());
        d.put("failed", t.failed());
        d.put("last_failure", t.lastError());
        deliveries.add(d);
      }
      m.put("deliveries", deliveries);
      rules.add(m);
    }
    List<Map<String, Object>> latest = new ArrayList<>();
    for (Views.AlertSent s : v.latest()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("idempotency_key", s.alert().idempotencyKey());
      m.put("rule", s.alert().ruleId());
      m.put("event", s.alert().eventId());
      m.put("reason", s.alert().reason());
      m.put("decided_at", s.alert().decidedAt().toString());
      List<Map<String, Object>> deliveries = new ArrayList<>();
      for (AlertDelivery d : s.deliveries()) {
        Map<String, Object> dm = new LinkedHashMap<>();
        dm.put("channel", d.channel().label());
        dm.put("target", d.target());
        dm.put("state", d.state().label());
        dm.put("attempts", d.attempts());
        dm.put("last_error", d.lastError());
        deliveries.add(dm);
      }
      m.put("deliveries", deliveries);
      latest.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rules", rules);
    out.put("latest", latest);
    return out;
  }
}
