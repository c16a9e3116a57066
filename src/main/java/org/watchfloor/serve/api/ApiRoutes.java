package org.watchfloor.serve.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Mention;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventExport;
import org.watchfloor.serve.Missiles;
import org.watchfloor.store.Store;
import org.watchfloor.store.SearchIndex;

/** The endpoints under {@code /api/v1}; every answer is JSON, errors included. */
public final class ApiRoutes {

  public static final String PREFIX = "/api/v1";
  static final String OPENAPI_RESOURCE = "/web/openapi.json";

  /** The most events one export holds. */
  public static final int MAX_EXPORT = 100_000;

  private final StoreReads reads;
  private final Entities entities;
  private final WatchProfile profile;
  private final byte[] openApi;

  public ApiRoutes(StoreReads reads, WatchProfile profile) {
    this.reads = reads;
    this.profile = profile;
    this.entities = new Entities(profile);
    try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
      }
      this.openApi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void register(RoutesConfig routes) {
    routes.get(PREFIX + "/events", this::events);
    routes.get(PREFIX + "/events/{id}", this::event);
    routes.get(PREFIX + "/articles/{id}", this::article);
    routes.get(PREFIX + "/search", this::search);
    routes.get(PREFIX + "/entities", this::entities);
    routes.get(PREFIX + "/entities/{kind}/{slug}", this::entity);
    routes.get(PREFIX + "/export/events", this::exportEvents);
    routes.get(PREFIX + "/export/launches", this::exportLaunches);
    routes.get(PREFIX + "/stats/launches-per-month", ctx -> json(ctx, reads.launchesPerMonth(new Missiles(profile)::nameOf)));
    routes.get(PREFIX + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  private void events(Context ctx) {
    EventFilter filter = EventFilter.of(ctx);
    StoreReads.EventPage page = reads.events(filter, Params.limit(ctx, 50), Params.offset(ctx));
    List<Map<String, Object>> events = new ArrayList<>();
    for (StoreReads.EventDetail d : reads.details(page.events())) {
      events.add(ContractJson.event(d.event(), d.reports(), d.edits()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", page.total());
    out.put("limit", page.limit());
    out.put("offset", page.offset());
    out.put("events", events);
    json(ctx, out);
  }

  private void event(Context ctx) {
    String id = ctx.pathParam("id");
    StoreReads.EventDetail d = reads.event(id).orElseThrow(() -> ApiException.notFound("event", id));
    json(ctx, ContractJson.event(d.event(), d.reports(), d.edits()));
  }

  private void article(Context ctx) {
    String id = ctx.pathParam("id");
    StoreReads.ArticleDetail d = reads.article(id).orElseThrow(() -> ApiException.notFound("article", id));
    Map<String, Object> out = ContractJson.article(d.article());
    List<Map<String, Object>> mentions = new ArrayList<>();
    for (Mention m : d.mentions()) {
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("kind", m.kind().label());
      mm.put("span", List.of(m.start(), m.end()));
      mm.put("text", m.text());
      mm.put("value", m.value());
      mentions.add(mm);
    }
    out.put("mentions", mentions);
    json(ctx, out);
  }

  private void search(Context ctx) {
    String q = Params.text(ctx, "q");
    if (q == null) {
      throw ApiException.badParameter("q", "required");
    }
    String kind = Params.text(ctx, "kind");
    if (kind != null && !kind.equals("article") && !kind.equals("event")) {
      throw ApiException.badParameter("kind", "must be article or event");
    }
    int limit = Params.limit(ctx, 20);
    int offset = Params.offset(ctx);
    SearchFacets.Selection selection = SearchFacets.Selection.of(ctx);
    SearchFacets.Result result;
    try {
      result = reads.search(q, kind, selection, limit, offset);
    } catch (WatchfloorException.BadInput e) {
      throw ApiException.badParameter("q", e.getMessage());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (SearchIndex.Hit h : result.hits()) {
      Map<String, Object> hm = new LinkedHashMap<>();
      hm.put("kind", h.kind());
      hm.put("id", h.id());
      hm.put("title", h.title());
      hm.put("score", h.score());
      hm.put("snippet", h.snippet());
      out.add(hm);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", q);
    body.put("limit", limit);
    body.put("offset", offset);
    body.put("total", result.total());
    body.put("stale_index", result.staleIndex());
    body.put("selected", new java.util.TreeMap<>(selection.chosen()));
    Map<String, Object> facets = new LinkedHashMap<>();
    for (SearchFacets.Facet f : result.facets()) {
      facets.put(f.name(), f.values().stream().map(v -> Map.of("value", v.value(), "count", v.count())).toList());
    }
    body.put("facets", facets);
    body.put("hits", out);
    json(ctx, body);
  }

  private void entities(Context ctx) {
    List<EntityDef> all = entities.list(Entities.kind(Params.text(ctx, "kind")));
    int limit = Params.limit(ctx, 100);
    int offset = Params.offset(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", all.size());
    body.put("limit", limit);
    body.put("offset", offset);
    body.put("entities", all.stream().skip(offset).limit(limit).map(Entities::json).toList());
    json(ctx, body);
  }

  private void entity(Context ctx) {
    Entities.Detail d = entityDetail(ctx);
    Map<String, Object> body = Entities.json(d.entity());
    body.put("events", d.events().stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.id());
      m.put("type", e.type());
      m.put("date", e.date().iso());
      m.put("summary", e.summary());
      return m;
    }).toList());
    body.put("per_month", Map.of("months", d.months(), "counts", d.counts()));
    json(ctx, body);
  }

  /** The entity named by the path's {@code kind} and {@code slug}, with its events; 404 if unknown. */
  public Entities.Detail entityDetail(Context ctx) {
    String id = ctx.pathParam("kind") + "/" + ctx.pathParam("slug");
    EntityDef def = entities.get(id).orElseThrow(() -> ApiException.notFound("entity", id));
    return entities.detail(def, reads.eventsNaming(def.canonical()));
  }

  public Entities entities() {
    return entities;
  }

  private void exportEvents(Context ctx) throws IOException {
    EventFilter filter = EventFilter.of(ctx);
    String format = Params.text(ctx, "format");
    EventExport.Format f = "json".equals(format) ? EventExport.Format.json
        : format == null || "csv".equals(format) ? EventExport.Format.csv : null;
    if (f == null) {
      throw ApiException.badParameter("format", "must be csv or json");
    }
    download(ctx, "events." + f.name(), f == EventExport.Format.csv ? "text/csv" : "application/json",
        (store, out) -> new EventExport(store, profile).events(
            StoreReads.events(store, filter, MAX_EXPORT, 0).events(), f, out));
  }

  /** The missile-launch table of the launches the filter keeps (rejected ones hidden unless asked for). */
  private void exportLaunches(Context ctx) throws IOException {
    EventFilter filter = EventFilter.of(ctx).ofType("missile_launch");
    boolean includePlanned = "true".equals(ctx.queryParam("include_planned"));
    download(ctx, "missile-launches.csv", "text/csv", (store, out) -> new EventExport(store, profile)
        .launchTable(StoreReads.events(store, filter, MAX_EXPORT, 0).events(), includePlanned, out));
  }

  private interface Export {
    void write(Store store, Writer out) throws IOException, SQLException;
  }

  private void download(Context ctx, String filename, String type, Export export) {
    String text = reads.read(store -> {
      StringWriter out = new StringWriter();
      try {
        export.write(store, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    });
    ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    ctx.contentType(type + "; charset=utf-8").result(text);
  }

  /** Writes {@code value} with the project's JSON writer (the contract's key order kept). */
  public static void json(Context ctx, Object value) {
    ctx.contentType("application/json; charset=utf-8").result(ContractJson.line(value));
  }
}
