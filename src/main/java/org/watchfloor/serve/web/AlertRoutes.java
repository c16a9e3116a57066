package org.watchfloor.serve.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import org.watchfloor.alert.AlertSettings;
import org.watchfloor.alert.AtomFeed;
import org.watchfloor.alert.Tokens;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertRule;
import org.watchfloor.serve.api.StoreReads;

/**
 * The alert feeds: {@code GET /alerts/RULE.atom?token=…}, readable without a session by any
 * feed reader that has the rule's token (the analyst got it once from {@code alert add}). An
 * unknown rule and a wrong token answer the same 404, so the feeds cannot be told apart by guessing.
 */
final class AlertRoutes {

  /** Paths a feed reader fetches without a session: {@code Access} lets them through, the token guards them. */
  static final String FEEDS = "/alerts/";

  private final StoreReads reads;

  AlertRoutes(StoreReads reads) {
    this.reads = reads;
  }

  void register(RoutesConfig routes) {
    routes.get(FEEDS + "{file}", this::feed);
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
}
