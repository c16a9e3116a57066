package org.watchfloor.serve.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.serve.api.ApiException;
import org.watchfloor.serve.api.ApiRoutes;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.api.Entities;
import org.watchfloor.serve.api.EventFilter;
import org.watchfloor.serve.api.SearchFacets;
import org.watchfloor.serve.auth.Access;
import org.watchfloor.serve.auth.Accounts;
import org.watchfloor.serve.auth.Transport;
import org.watchfloor.serve.auth.WriteRoutes;
import org.watchfloor.serve.api.Params;
import org.watchfloor.serve.api.StoreReads;
import org.watchfloor.serve.EventTitles;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.store.SearchIndex;
import org.watchfloor.store.SearchVariants;
import org.watchfloor.store.Store;

/**
 * The analyst workbench: one Javalin server with the pages and the REST API over a store.
 * Configuration, security headers and the mapping of errors to responses live here, in one place.
 */
public final class Workbench {

  /** Requests larger than this are refused (413): forms and edit requests are small. */
  public static final long MAX_REQUEST_BYTES = 64 * 1024;

  /** No inline script or style, nothing from another origin, no framing (see {@link SecurityHeaders}). */
  public static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

  private final StoreReads reads;
  private final Accounts accounts;
  private final ApiRoutes api;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Assets assets = new Assets();
  private final EventTitles titles;
  private final HostCheck hostCheck;
  private final Javalin app;
  /** The watch profile's origin names by id, for the origin chains of the event page. */
  private final Map<String, String> originNames;

  /** Each weapon's canonical name with its aliases: the spellings a search for one of them also finds. */
  public static List<List<String>> weaponNames(WatchProfile profile) {
    return profile.entities(EntityKind.WEAPON).stream()
        .map(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e.canonical()), e.aliases().stream()).toList())
        .toList();
  }

  private Workbench(Store store, WatchProfile profile, int connections, StoreWriter writer, Transport transport,
      Clock clock, List<WriteRoutes.Registration> writes) {
    this.reads = new StoreReads(store.location(), connections, SearchVariants.of(weaponNames(profile)));
    this.accounts = Accounts.beside(store);
    this.originNames = profile.origins().stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(o -> o.id(), o -> o.name(), (a, b) -> a));
    this.api = new ApiRoutes(reads, profile);
    this.titles = new EventTitles(profile);
    Access access = new Access(accounts, this::render, transport, clock);
    EditRoutes edits = new EditRoutes(writer, profile);
    this.hostCheck = new HostCheck(transport.publicUrl());
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.jetty.modifyServer(server -> {
        // the host check inside the security headers, so that its refusals carry them too
        hostCheck.setHandler(server.getHandler());
        server.setHandler(hostCheck);
        SecurityHeaders.install(server);
      });
      config.routes.before(ctx -> {
        if (ctx.contentLength() > MAX_REQUEST_BYTES) {
          throw new HttpResponseException(413, "request larger than " + MAX_REQUEST_BYTES + " bytes");
        }
      });
      access.register(config.routes);
      api.register(config.routes);
      WriteRoutes writeRoutes = new WriteRoutes(config.routes);
      edits.register(writeRoutes);
      writes.forEach(w -> w.register(writeRoutes));
      edits.registerForms(config.routes);
      new AlertRoutes(reads, this::render, store, profile).register(config.routes);
      config.routes.get("/assets/{name}", assets::serve);
      config.routes.get("/assets/{hash}/{name}", assets::serveVersioned);
      config.routes.get("/favicon.ico", ctx -> ctx.redirect(Assets.url("favicon.svg"), io.javalin.http.HttpStatus.MOVED_PERMANENTLY));
      config.routes.get("/api-docs", ctx -> render(ctx, "api-docs.jte", null));
      config.routes.get("/entities", this::entities);
      config.routes.get("/entity/{kind}/{slug}", ctx -> render(ctx, "entity.jte", new Views.EntityPage(api.entityDetail(ctx))));
      config.routes.get("/", this::timeline);
      config.routes.get("/events/{id}", this::event);
      config.routes.get("/articles", ctx -> render(ctx, "articles.jte",
          Views.Articles.of(reads.articles(Params.limit(ctx, 50), Params.offset(ctx)))));
      config.routes.get("/articles/{id}", this::article);
      config.routes.get("/search", this::search);
      config.routes.get("/charts", ctx -> render(ctx, "chart.jte", new Views.Charts(reads.eventsPerMonth(titles::label))));
      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.parameter()));
      config.routes.exception(StoreWriter.Busy.class, (e, ctx) -> error(ctx, 503, e.getMessage(), null));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(), null));
      config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error", null));
      config.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          error(ctx, 404, "no such page: " + ctx.path(), null);
        }
      });
    });
  }

  /**
   * A workbench over {@code store}, open for writing in this process, with the built-in watch
   * profile, not yet started; edits write through {@code store}.
   */
  public static Workbench over(Store store) {
    return over(store, WatchProfile.load("dprk"));
  }

  /**
   * A workbench over {@code store}, open for writing in this process, not yet started, reading
   * through its own read-only connections, with the write endpoints {@code writes} add; edits
   * write through {@code store} (see {@link StoreWriter#sharing}).
   */
  public static Workbench over(Store store, WatchProfile profile, WriteRoutes.Registration... writes) {
    return over(store, profile, StoreReads.DEFAULT_CONNECTIONS,
        StoreWriter.sharing(store, new java.util.concurrent.locks.ReentrantLock()), writes);
  }

  /**
   * A workbench over {@code store} (which may be open read-only), reading over {@code connections}
   * connections, its edits written through {@code writer}.
   */
  public static Workbench over(Store store, WatchProfile profile, int connections, StoreWriter writer,
      WriteRoutes.Registration... writes) {
    return over(store, profile, connections, writer, Transport.DIRECT, writes);
  }

  /** As {@link #over(Store, WatchProfile, int, StoreWriter, WriteRoutes.Registration...)}, reached as {@code transport} says. */
  public static Workbench over(Store store, WatchProfile profile, int connections, StoreWriter writer,
      Transport transport, WriteRoutes.Registration... writes) {
    return new Workbench(store, profile, connections, writer, transport, Clock.systemUTC(), List.of(writes));
  }

  /** As {@link #over(Store, WatchProfile, WriteRoutes.Registration...)}, logins timed by {@code clock}. */
  static Workbench over(Store store, WatchProfile profile, Clock clock, WriteRoutes.Registration... writes) {
    return new Workbench(store, profile, StoreReads.DEFAULT_CONNECTIONS,
        StoreWriter.sharing(store, new java.util.concurrent.locks.ReentrantLock()), Transport.DIRECT, clock, List.of(writes));
  }

  /** Starts serving on {@code host}:{@code port} (0 for any free port). */
  public Workbench start(String host, int port) {
    hostCheck.bound(host);
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    try {
      app.stop();
    } finally {
      reads.close();
      accounts.close();
    }
  }

  /** The one place errors become responses: JSON under the API, an HTML page elsewhere. */
  private void error(Context ctx, int status, String message, String parameter) {
    ctx.status(status);
    if (ctx.path().startsWith(ApiRoutes.PREFIX)) {
      Map<String, Object> err = new LinkedHashMap<>();
      err.put("status", status);
      err.put("message", message);
      if (parameter != null) {
        err.put("parameter", parameter);
      }
      ApiRoutes.json(ctx, Map.of("error", err));
    } else {
      render(ctx, "error.jte", new Views.Error(status, message));
    }
  }

  private void render(Context ctx, String template, Object model) {
    StringOutput out = new StringOutput();
    Map<String, Object> params = new HashMap<>();
    params.put("v", model);
    templates.render(template, params, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  private void timeline(Context ctx) {
    EventFilter filter = EventFilter.ofPage(ctx);
    StoreReads.EventPage page = reads.events(filter, Params.limit(ctx, 100), Params.offset(ctx));
    render(ctx, "timeline.jte", Views.Timeline.of(page, filter, reads.facets(), api.entities(), titles));
  }

  /** How many days either side of an event its merge candidates may lie. */
  static final int CANDIDATE_DAYS = 7;

  private void event(Context ctx) {
    String id = ctx.pathParam("id");
    StoreReads.EventDetail d = reads.event(id).orElseThrow(() -> ApiException.notFound("event", id));
    if (!d.event().id().equals(id)) {
      ctx.redirect("/events/" + d.event().id(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    boolean analyst = Access.analyst(ctx).isPresent();
    render(ctx, "event.jte", new Views.EventPage(d.event(), titles.title(d.event()), d.reports(),
        ClaimTable.of(d.event(), d.reports()),
        api.entities(), d.edits(), analyst ? Access.csrfToken(ctx) : null,
        analyst ? reads.neighbours(d.event(), CANDIDATE_DAYS) : List.of(), originNames));
  }

  private void article(Context ctx) {
    String id = ctx.pathParam("id");
    StoreReads.ArticleDetail d = reads.article(id).orElseThrow(() -> ApiException.notFound("article", id));
    Map<String, String> eventOf = new HashMap<>();
    d.reports().forEach(r -> reads.eventOfReport(r.id()).ifPresent(e -> eventOf.put(r.id(), e)));
    render(ctx, "article.jte", Views.ArticlePage.of(d, eventOf, sentence(ctx, d.article().text().length())));
  }

  /**
   * The span an event page links to ({@code from} and {@code to}, offsets in the article's text),
   * or {@code null} when the link names none; a span outside the text is a 400 naming it.
   */
  private static int @Nullable [] sentence(Context ctx, int length) {
    int from = Params.integer(ctx, "from", -1, 0, length);
    int to = Params.integer(ctx, "to", -1, 0, length);
    if (from < 0 && to < 0) {
      return null;
    }
    if (from < 0 || to <= from) {
      throw ApiException.badParameter(from < 0 ? "from" : "to", "from and to must name a span of the article's text, from before to");
    }
    return new int[] {from, to};
  }

  private void entities(Context ctx) {
    EntityKind kind = Entities.kind(Params.text(ctx, "kind"));
    render(ctx, "entities.jte", new Views.EntityList(kind, api.entities().list(kind)));
  }

  private void search(Context ctx) {
    String q = Params.text(ctx, "q");
    if (q == null) {
      render(ctx, "search.jte", Views.Search.empty("", null));
      return;
    }
    SearchFacets.Selection selection = SearchFacets.Selection.of(ctx);
    try {
      int limit = Params.limit(ctx, 50);
      int offset = Params.searchOffset(ctx);
      SearchFacets.Result r = reads.search(q, null, selection, limit, offset);
      List<Views.Hit> hits = r.hits().stream()
          .map((SearchIndex.Hit h) -> new Views.Hit(h, Segment.ofSnippet(h.snippet()))).toList();
      render(ctx, "search.jte", new Views.Search(q, null, hits, r.total(), r.facets(), selection, r.staleIndex(),
          r.partial(), limit, offset));
    } catch (WatchfloorException.BadInput e) {
      ctx.status(400);
      render(ctx, "search.jte", Views.Search.empty(q, e.getMessage()));
    }
  }
}
