package org.watchfloor.serve.api;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The filters of an event list, shared by the timeline page and {@code /api/v1/events}: type,
 * weapon, a date range the event's interval must overlap, and a minimum of independent origins.
 */
public record EventFilter(
    @Nullable String type, @Nullable String weapon, @Nullable LocalDate from, @Nullable LocalDate to, int minOrigins) {

  public static final EventFilter NONE = new EventFilter(null, null, null, null, 0);

  public static EventFilter of(Context ctx) {
    LocalDate from = Params.date(ctx, "from");
    LocalDate to = Params.date(ctx, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiException.badParameter("to", "before from");
    }
    return new EventFilter(Params.text(ctx, "type"), Params.text(ctx, "weapon"), from, to,
        Params.integer(ctx, "min_origins", 0, 0, 1000));
  }

  /** The filter as query parameters, for links that keep it. */
  public Map<String, String> asParams() {
    Map<String, String> m = new LinkedHashMap<>();
    if (type != null) {
      m.put("type", type);
    }
    if (weapon != null) {
      m.put("weapon", weapon);
    }
    if (from != null) {
      m.put("from", from.toString());
    }
    if (to != null) {
      m.put("to", to.toString());
    }
    if (minOrigins > 0) {
      m.put("min_origins", Integer.toString(minOrigins));
    }
    return m;
  }
}
