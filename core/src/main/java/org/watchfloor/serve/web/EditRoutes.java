package org.watchfloor.serve.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.alert.Decider;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.resolve.Editor;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventViews;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.serve.api.ApiException;
import org.watchfloor.serve.auth.Access;
import org.watchfloor.serve.auth.Analyst;
import org.watchfloor.serve.auth.WriteRoutes;

/**
 * The analyst's edits over HTTP: {@code POST /api/v1/events/{id}/confirm|reject|merge|split|correct}
 * with a JSON body, answering the edit and the event as it now stands, and the same five as plain
 * HTML forms of the event page ({@code POST /events/{id}/…}), answering with a redirect to the
 * event. Both go through the {@link Editor}, on the writable store the {@link StoreWriter} lends;
 * an edit the editor refuses is a 400 naming why, an unknown event a 404, a store another process
 * is writing a 503.
 */
final class EditRoutes implements WriteRoutes.Registration {

  /** The edits, by the name their path ends with. */
  static final List<String> KINDS = List.of("confirm", "reject", "merge", "split", "correct");

  /** One edit request, from a JSON body or a form; the fields the kind does not use stay null. */
  record Request(@Nullable String other, @Nullable List<String> articles, @Nullable String field,
      @Nullable String value, @Nullable String note) {}

  private final StoreWriter writer;
  private final WatchProfile profile;

  EditRoutes(StoreWriter writer, WatchProfile profile) {
    this.writer = writer;
    this.profile = profile;
  }

  @Override
  public void register(WriteRoutes writes) {
    for (String kind : KINDS) {
      writes.post("/events/{id}/" + kind, (ctx, analyst) -> {
        Request r = ctx.body().isBlank() ? new Request(null, null, null, null, null) : WriteRoutes.body(ctx, Request.class);
        return write(kind, ctx.pathParam("id"), r, analyst.name());
      });
    }
  }

  /** The same edits as form posts of the event page, which {@code Access} has checked for an analyst and CSRF token. */
  void registerForms(RoutesConfig routes) {
    for (String kind : KINDS) {
      routes.post("/events/{id}/" + kind, ctx -> {
        Analyst analyst = Access.analyst(ctx).orElseThrow(() -> ApiException.unauthorized("editing needs an analyst: log in"));
        String id = ctx.pathParam("id");
        Request r = new Request(form(ctx, "other"), ctx.formParams("articles"), form(ctx, "field"), form(ctx, "value"),
            form(ctx, "note"));
        write(kind, id, r, analyst.name());
        ctx.redirect("/events/" + id + "#edits", io.javalin.http.HttpStatus.SEE_OTHER);
      });
    }
  }

  private static @Nullable String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** Does the edit and answers it with the event as it stands after it. */
  Map<String, Object> write(String kind, String id, Request r, String analyst) {
    return writer.write(store -> {
      if (store.inTransaction(() -> store.events().get(id)).isEmpty()) {
        throw ApiException.notFound("event", id);
      }
      Editor editor = new Editor(store, profile, java.time.Clock.systemUTC(), new Decider(store));
      Edit edit;
      try {
        edit = switch (kind) {
          case "confirm" -> editor.confirm(id, analyst, r.note());
          case "reject" -> editor.reject(id, analyst, r.note());
          case "merge" -> editor.merge(id, required(r.other(), "other"), analyst, r.note());
          case "split" -> editor.split(id, r.articles() == null ? List.of() : r.articles(), analyst, r.note());
          case "correct" -> editor.correct(id, required(r.field(), "field"), required(r.value(), "value"), analyst, r.note());
          default -> throw new IllegalArgumentException("no edit " + kind);
        };
      } catch (WatchfloorException.BadInput e) {
        throw ApiException.badRequest(e.getMessage());
      }
      // read back in a transaction of its own, so none stays open on a store the pipeline shares
      return store.inTransaction(() -> {
        EventViews views = new EventViews(store);
        Event now = views.event(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("edit", ContractJson.edit(edit));
        out.put("event", ContractJson.event(now, views.reports(now), views.edits(now)));
        return out;
      });
    });
  }

  private static String required(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw ApiException.badBody(name + ": required");
    }
    return value;
  }
}
