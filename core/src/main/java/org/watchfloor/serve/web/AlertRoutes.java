package org.watchfloor.serve.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.alert.AlertSettings;
import org.watchfloor.alert.RuleBuilder;
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
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.AlertConnection;
import org.watchfloor.store.AlertRows;
import org.watchfloor.store.Store;

/**
 * The alerts on the workbench.
 *
 * <ul>
 *   <li>{@code GET /alerts/RULE.atom?token=…}: a rule's Atom feed, readable without a session by
 *       any feed reader that has the rule's token (the analyst got it once from {@code alert add}).
 *       An unknown rule and a wrong token answer the same 404, so feeds cannot be found by guessing.
 *   <li>{@code GET /alerts} (page) and {@code GET /api/v1/alerts} (JSON), analysts only: the rules,
 *       what each selects, how their deliveries stand with the last failure, and the latest alerts.
 *   <li>{@code POST /alerts} (add), {@code POST /alerts/RULE} (change) and {@code POST
 *       /alerts/RULE/remove}: the page's forms, for analysts with the session's CSRF token ({@link
 *       Access} refuses the rest before they get here). A rule is checked by the {@link RuleBuilder}
 *       as {@code watchfloor alert add} checks it; what it refuses comes back on the page, every
 *       problem named, with the form as typed (400). A changed rule keeps its name, feed token,
 *       webhook secret (while its URL stays) and the alerts it decided, so an event it fired on
 *       does not fire it again for the same reason; deliveries already decided go where they were
 *       decided to go. Rules are written over a connection of their own ({@link AlertConnection}),
 *       as the {@code alert} commands write them, so that a change works while an ingest runs.
 * </ul>
 */
final class AlertRoutes {

  /** Alerts listed on the page and in the API. */
  static final int LATEST = 50;

  private final StoreReads reads;
  private final Access.Pages pages;
  private final Store store;
  private final WatchProfile profile;

  AlertRoutes(StoreReads reads, Access.Pages pages, Store store, WatchProfile profile) {
    this.reads = reads;
    this.pages = pages;
    this.store = store;
    this.profile = profile;
  }

  void register(RoutesConfig routes) {
    routes.get("/alerts/{file}", this::feed);
    routes.get("/alerts", this::page);
    routes.get(ApiRoutes.PREFIX + "/alerts", ctx -> ApiRoutes.json(ctx, json(overview(ctx, RuleForm.blank(), null))));
    routes.post("/alerts", this::add);
    routes.post("/alerts/{rule}", this::change);
    routes.post("/alerts/{rule}/remove", this::remove);
  }

  /** The page; {@code ?edit=RULE} fills the form with the rule to change it. */
  private void page(Context ctx) {
    String edit = ctx.queryParam("edit");
    RuleForm form = RuleForm.blank();
    if (edit != null) {
      analyst(ctx);
      form = RuleForm.of(rules(rows -> rows.rule(edit)).orElseThrow(() -> ApiException.notFound("alert rule", edit)));
    }
    pages.render(ctx, "alerts.jte", overview(ctx, form, null));
  }

  private void add(Context ctx) {
    submit(ctx, RuleForm.posted(ctx, null), 201, (rows, settings, builder, draft, problems) -> {
      RuleBuilder.Made made = checked(() -> builder.build(draft), problems);
      AlertRule r = made.rule();
      if (!rows.insertRule(r, Tokens.digest(made.feedToken()))) {
        throw new WatchfloorException.BadInput("alert rule " + r.id() + " exists already: change it with its Edit link");
      }
      return new Views.Notice("Added alert rule " + r.id() + ": " + RuleText.describe(r),
          feedUrl(settings, r.id()) + "?token=" + made.feedToken(), r.webhookSecret());
    });
  }

  private void change(Context ctx) {
    String id = ctx.pathParam("rule");
    submit(ctx, RuleForm.posted(ctx, id), 200, (rows, settings, builder, draft, problems) -> {
      AlertRule before = rows.rule(id).orElseThrow(() -> ApiException.notFound("alert rule", id));
      AlertRule after = checked(() -> builder.edit(draft, before), problems);
      rows.updateRule(after);
      boolean newSecret = after.webhookSecret() != null && !after.webhookSecret().equals(before.webhookSecret());
      return new Views.Notice("Changed alert rule " + id + ": " + RuleText.describe(after), null,
          newSecret ? after.webhookSecret() : null);
    });
  }

  /** A change of the rules a form asks for, in the transaction {@link #submit} runs it in. */
  @FunctionalInterface
  private interface Change {
    Views.Notice apply(AlertRows rows, AlertSettings settings, RuleBuilder builder, RuleBuilder.Draft draft,
        List<String> problems) throws java.sql.SQLException;
  }

  /**
   * Makes the change the form asks for and shows the page with what it did ({@code status}), or,
   * when it is refused, with the form as typed and every problem (400).
   */
  private void submit(Context ctx, RuleForm form, int status, Change change) {
    analyst(ctx);
    List<String> problems = new ArrayList<>();
    RuleBuilder.Draft draft = form.draft(problems);
    Views.Notice notice;
    try {
      notice = rules(rows -> {
        AlertSettings settings = AlertSettings.of(rows.settings());
        return change.apply(rows, settings, new RuleBuilder(profile, settings, Clock.systemUTC()), draft, problems);
      });
    } catch (WatchfloorException.BadInput e) {
      ctx.status(400);
      pages.render(ctx, "alerts.jte", overview(ctx, form.withProblems(e.getMessage().lines().toList()), null));
      return;
    }
    ctx.status(status);
    pages.render(ctx, "alerts.jte", overview(ctx, RuleForm.blank(), notice));
  }

  private void remove(Context ctx) {
    analyst(ctx);
    String id = ctx.pathParam("rule");
    if (!rules(rows -> rows.deleteRule(id))) {
      throw ApiException.notFound("alert rule", id);
    }
    ctx.redirect("/alerts", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * What {@code build} makes, or a {@link WatchfloorException.BadInput} with the form's own problems
   * and every one the builder found, so that one submission shows them all.
   */
  private static <T> T checked(java.util.function.Supplier<T> build, List<String> problems) {
    try {
      T made = build.get();
      if (problems.isEmpty()) {
        return made;
      }
    } catch (WatchfloorException.BadInput e) {
      problems.addAll(lines(e));
    }
    throw new WatchfloorException.BadInput(String.join("\n", problems));
  }

  /** The problems a refusal names: the builder's indented lines under its heading, or its one line. */
  private static List<String> lines(WatchfloorException.BadInput e) {
    List<String> all = e.getMessage().lines().toList();
    return all.size() == 1 ? all : all.subList(1, all.size()).stream().map(String::strip).toList();
  }

  private static String feedUrl(AlertSettings settings, String id) {
    String base = settings.get(AlertSettings.BASE_URL).toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/alerts/" + id + ".atom";
  }

  /** Work on the alert tables, in one transaction of a connection of its own. */
  @FunctionalInterface
  private interface RuleWork<T> {
    T run(AlertRows rows) throws java.sql.SQLException;
  }

  private <T> T rules(RuleWork<T> work) {
    try (AlertConnection c = AlertConnection.beside(store)) {
      return c.inTransaction(() -> work.run(c.alerts()));
    }
  }

  private static void analyst(Context ctx) {
    if (Access.analyst(ctx).isEmpty()) {
      throw ApiException.unauthorized("the alerts are for analysts: log in first");
    }
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

  private Views.Alerts overview(Context ctx, RuleForm form, Views.@Nullable Notice notice) {
    analyst(ctx);
    return reads.read(s -> {
      AlertRows rows = s.alerts();
      Map<String, Integer> counts = rows.alertCounts();
      List<AlertRows.Tally> tallies = rows.tallies();
      List<AlertRows.DigestTally> digests = rows.digestTallies();
      List<Views.AlertRule> rules = new ArrayList<>();
      for (AlertRule r : rows.rules()) {
        List<AlertRows.DigestTally> own = new ArrayList<>();
        for (String to : r.digests()) {
          own.add(digests.stream().filter(t -> t.address().equals(to)).findFirst()
              .orElse(new AlertRows.DigestTally(to, 0, 0, 0, 0, null)));
        }
        rules.add(new Views.AlertRule(r, RuleText.describe(r), counts.getOrDefault(r.id(), 0),
            tallies.stream().filter(t -> t.ruleId().equals(r.id())).toList(), own));
      }
      List<Views.AlertSent> latest = new ArrayList<>();
      for (Alert a : rows.latest(LATEST)) {
        latest.add(new Views.AlertSent(a, rows.deliveriesOf(a.seq())));
      }
      return new Views.Alerts(rules, latest, form, notice, Access.csrfToken(ctx), profile.eventTypeIds());
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
      List<Map<String, Object>> digests = new ArrayList<>();
      for (AlertRows.DigestTally t : r.digests()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("address", t.address());
        d.put("sent", t.delivered());
        d.put("pending", t.pending());
        d.put("failed", t.failed());
        d.put("waiting", t.waiting());
        d.put("last_failure", t.lastError());
        digests.add(d);
      }
      m.put("digests", digests);
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
