package org.watchfloor.serve.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Mention;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventExport;
import org.watchfloor.serve.EventTitles;
import org.watchfloor.serve.Missiles;
import org.watchfloor.store.SearchIndex;

/** The endpoints under {@code /api/v1}; every answer is JSON, errors included. */
public final class ApiRoutes {

  public static final String PREFIX = "/api/v1";
  static final String OPENAPI_RESOURCE = "/web/openapi.json";

  /** Events an entity's page lists unless asked for more (up to {@link Params#MAX_LIMIT}). */
  public static final int ENTITY_EVENTS = 200;

  /** The most events one export holds. */
  public static final int MAX_EXPORT = 100_000;

  private final StoreReads reads;
  private final Entities entities;
  private final EventTitles titles;
  private final WatchProfile profile;
  private final byte[] openApi;

  public ApiRoutes(StoreReads reads, WatchProfile profile) {
    this.reads = reads;
    this.profile = profile;
    this.entities = new Entities(profile);
    this.titles = new EventTitles(profile);
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
    routes.get(PREFIX + "/stats/events-per-month", ctx -> json(ctx, reads.eventsPerMonth(titles::label).json()));
    routes.get(PREFIX + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  /** A page of the event list with its events' JSON, read in one transaction. */
  private record ListedPage(StoreReads.EventPage page, @Nullable String next, List<byte[]> jsons) {}

  private void events(Context ctx) {
    EventFilter filter = EventFilter.of(ctx);
    String after = Params.text(ctx, "after");
    int limit = Params.limit(ctx, 50);
    if (after != null && ctx.queryParam("offset") != null) {
      throw ApiException.badParameter("offset", "give either offset or after, not both");
    }
    int offset = after != null ? 0 : Params.offset(ctx);
    ListedPage listed = reads.read(store -> {
      StoreReads.EventPage page;
      String next;
      if (after != null) {
        StoreReads.CursorPage cursor = StoreReads.eventsAfter(store, filter, after, limit);
        page = cursor.page();
        next = cursor.next();
      } else {
        page = StoreReads.events(store, filter, limit, offset);
        next = page.offset() + page.events().size() < page.total() && !page.events().isEmpty()
            ? page.events().get(page.events().size() - 1).id() : null;
      }
      return new ListedPage(page, next, reads.eventJsons(store, page.events()));
    });
    StoreReads.EventPage page = listed.page();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", page.total());
    out.put("limit", page.limit());
    out.put("offset", page.offset());
    out.put("next", listed.next());
    // the events' JSON comes made (see EventJsonCache): spliced in as the last key, not parsed again,
    // into a body sized for all of it rather than grown and copied as it fills
    byte[] head = ContractJson.line(out).getBytes(StandardCharsets.UTF_8);
    byte[] open = ",\"events\":[".getBytes(StandardCharsets.UTF_8);
    int size = head.length - 1 + open.length + 2 + Math.max(0, listed.jsons().size() - 1);
    for (byte[] event : listed.jsons()) {
      size += event.length;
    }
    java.nio.ByteBuffer body = java.nio.ByteBuffer.allocate(size);
    body.put(head, 0, head.length - 1).put(open);
    boolean first = true;
    for (byte[] event : listed.jsons()) {
      if (!first) {
        body.put((byte) ',');
      }
      first = false;
      body.put(event);
    }
    body.put((byte) ']').put((byte) '}');
    ctx.contentType("application/json; charset=utf-8").result(body.array());
  }

  private void event(Context ctx) {
    String id = ctx.pathParam("id");
    EventJsonCache.Json json = reads.eventJson(id).orElseThrow(() -> ApiException.notFound("event", id));
    String etag = json.etag();
    // no-cache: a client may keep the event, but asks each time whether it is still the one it has
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    if (matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/json; charset=utf-8").result(json.bytes());
  }

  /**
   * A strong entity tag of a body: a hash of its bytes. Derived from the answer rather than from a
   * version of the event, because the answer also holds its reports, their articles and the edits.
   */
  static String etag(byte[] body) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + java.util.HexFormat.of().formatHex(d, 0, 16) + "\"";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether an {@code If-None-Match} header names {@code etag} (or is {@code *}), weak forms included. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String t : ifNoneMatch.split(",")) {
      String tag = t.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
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
    int offset = Params.searchOffset(ctx);
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
    body.put("partial", result.partial());
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
    body.put("events_total", d.total());
    body.put("per_month", Map.of("months", d.months(), "counts", d.counts()));
    json(ctx, body);
  }

  /** The entity named by the path's {@code kind} and {@code slug}, with its events; 404 if unknown. */
  public Entities.Detail entityDetail(Context ctx) {
    String id = ctx.pathParam("kind") + "/" + ctx.pathParam("slug");
    EntityDef def = entities.get(id).orElseThrow(() -> ApiException.notFound("entity", id));
    return entities.detail(def, reads.eventsNaming(def.canonical(), Params.limit(ctx, ENTITY_EVENTS), Params.offset(ctx)));
  }

  public Entities entities() {
    return entities;
  }

  /**
   * The events the filter keeps with their citations, streamed as CSV, JSON or JSON Lines; {@code
   * limit} (at most {@value #MAX_EXPORT}, the default) and {@code after} (the id of the last event
   * received) let a client take the record in parts, or resume a download that broke.
   */
  private void exportEvents(Context ctx) {
    EventFilter filter = EventFilter.of(ctx);
    String format = Params.text(ctx, "format");
    EventExport.Format f = format == null ? EventExport.Format.csv : switch (format) {
      case "csv" -> EventExport.Format.csv;
      case "json" -> EventExport.Format.json;
      case "jsonl" -> EventExport.Format.jsonl;
      default -> throw ApiException.badParameter("format", "must be csv, json or jsonl");
    };
    String after = Params.text(ctx, "after");
    int limit = Params.integer(ctx, "limit", MAX_EXPORT, 1, MAX_EXPORT);
    String type = switch (f) {
      case csv -> "text/csv";
      case json -> "application/json";
      case jsonl -> "application/x-ndjson";
    };
    checkCursor(after);
    reads.exports().stream(ctx, "events." + f.name(), type, (store, out) -> new EventExport(store, profile)
        .events(sink -> StoreReads.forEachEvent(store, filter, after, limit, sink), f, out));
  }

  /**
   * The missile-launch table of the launches the filter keeps (rejected and background-only ones
   * hidden unless asked for).
   */
  private void exportLaunches(Context ctx) {
    EventFilter filter = EventFilter.ofLaunchTable(ctx);
    String after = Params.text(ctx, "after");
    int limit = Params.integer(ctx, "limit", MAX_EXPORT, 1, MAX_EXPORT);
    checkCursor(after);
    boolean includePlanned = "true".equals(ctx.queryParam("include_planned"));
    reads.exports().stream(ctx, "missile-launches.csv", "text/csv", (store, out) -> new EventExport(store, profile)
        .launchTable(sink -> StoreReads.forEachEvent(store, filter, after, limit, sink), includePlanned, out));
  }

  /** A cursor naming no event is refused before the download starts, while a status can still say so. */
  private void checkCursor(String after) {
    if (after != null && reads.read(store -> store.events().timelineKey(after)).isEmpty()) {
      throw ApiException.badParameter("after", "no event with id " + after + " to resume after");
    }
  }

  /** Writes {@code value} with the project's JSON writer (the contract's key order kept). */
  public static void json(Context ctx, Object value) {
    ctx.contentType("application/json; charset=utf-8").result(ContractJson.line(value));
  }
}
