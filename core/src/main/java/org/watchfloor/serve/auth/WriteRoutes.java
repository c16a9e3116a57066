package org.watchfloor.serve.auth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.jspecify.annotations.Nullable;
import org.watchfloor.serve.api.ApiException;
import org.watchfloor.serve.api.ApiRoutes;

/**
 * The way to add a write endpoint under {@code /api/v1}: the handler gets the authenticated
 * analyst and returns what to answer as JSON ({@code null} for 204). {@link Access} has already
 * refused the request (401, 403 as JSON) without an analyst or, for a session, without its CSRF
 * token; this helper checks the analyst again so a handler can never run without one. Errors a
 * handler throws as {@link ApiException} become JSON errors in the workbench's one mapper.
 *
 * <pre>{@code
 * writes.post("/events/{id}/confirm", (ctx, analyst) -> edits.confirm(ctx.pathParam("id"), analyst.name()));
 * writes.post("/events/merge", (ctx, analyst) -> {
 *   MergeRequest m = WriteRoutes.body(ctx, MergeRequest.class);
 *   return edits.merge(m.into(), m.from(), analyst.name());
 * });
 * }</pre>
 */
public final class WriteRoutes {

  /** A write: does it as {@code analyst} and returns the JSON answer, or null for none. */
  @FunctionalInterface
  public interface Write {
    @Nullable Object handle(Context ctx, Analyst analyst) throws Exception;
  }

  /** Adds write endpoints, given the helper. */
  @FunctionalInterface
  public interface Registration {
    void register(WriteRoutes writes);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final RoutesConfig routes;

  public WriteRoutes(RoutesConfig routes) {
    this.routes = routes;
  }

  /** {@code POST /api/v1<path>}. */
  public WriteRoutes post(String path, Write write) {
    routes.post(ApiRoutes.PREFIX + path, handler(write));
    return this;
  }

  /** {@code PUT /api/v1<path>}. */
  public WriteRoutes put(String path, Write write) {
    routes.put(ApiRoutes.PREFIX + path, handler(write));
    return this;
  }

  /** {@code DELETE /api/v1<path>}. */
  public WriteRoutes delete(String path, Write write) {
    routes.delete(ApiRoutes.PREFIX + path, handler(write));
    return this;
  }

  /** The JSON request body as {@code type}; a 400 naming the problem when it is not one. */
  public static <T> T body(Context ctx, Class<T> type) {
    try {
      T value = MAPPER.readValue(ctx.bodyAsBytes(), type);
      if (value == null) {
        throw ApiException.badBody("empty");
      }
      return value;
    } catch (JacksonException e) {
      throw ApiException.badBody(e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw ApiException.badBody(e.getMessage());
    }
  }

  private static Handler handler(Write write) {
    return ctx -> {
      Analyst analyst = Access.analyst(ctx).orElseThrow(() -> ApiException.unauthorized("writing needs an analyst"));
      Object answer = write.handle(ctx, analyst);
      if (answer == null) {
        ctx.status(204);
      } else {
        ApiRoutes.json(ctx, answer);
      }
    };
  }
}
