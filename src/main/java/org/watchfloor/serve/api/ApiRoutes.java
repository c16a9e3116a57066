package org.watchfloor.serve.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Mention;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.store.SearchIndex;

/** The endpoints under {@code /api/v1}; every answer is JSON, errors included. */
public final class ApiRoutes {

  public static final String PREFIX = "/api/v1";
  static final String OPENAPI_RESOURCE = "/web/openapi.json";

  private final StoreReads reads;
  private final byte[] openApi;

  public ApiRoutes(StoreReads reads) {
    this.reads = reads;
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
    routes.get(PREFIX + "/stats/launches-per-month", ctx -> json(ctx, reads.launchesPerMonth()));
    routes.get(PREFIX + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  private void events(Context ctx) {
    EventFilter filter = EventFilter.of(ctx);
    StoreReads.EventPage page = reads.events(filter, Params.limit(ctx, 50), Params.offset(ctx));
    List<Map<String, Object>> events = new ArrayList<>();
    for (StoreReads.EventDetail d : reads.details(page.events())) {
      events.add(ContractJson.event(d.event(), d.reports()));
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
    json(ctx, ContractJson.event(d.event(), d.reports()));
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
    List<SearchIndex.Hit> hits;
    try {
      hits = reads.search(q, kind, limit, offset);
    } catch (WatchfloorException.BadInput e) {
      throw ApiException.badParameter("q", e.getMessage());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (SearchIndex.Hit h : hits) {
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
    body.put("hits", out);
    json(ctx, body);
  }

  /** Writes {@code value} with the project's JSON writer (the contract's key order kept). */
  public static void json(Context ctx, Object value) {
    ctx.contentType("application/json; charset=utf-8").result(ContractJson.line(value));
  }
}
