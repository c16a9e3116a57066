package org.watchfloor.serve.api;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Event;

/**
 * The filters of an event list, shared by the timeline page, {@code /api/v1/events} and the
 * exports: type, weapon, a date range the event's interval must overlap, a minimum of independent
 * origins, and whether events an analyst rejected are kept ({@code include_rejected=true}; by
 * default they are hidden).
 */
public record EventFilter(@Nullable String type, @Nullable String weapon, @Nullable LocalDate from,
    @Nullable LocalDate to, int minOrigins, boolean includeRejected) {

  public static final EventFilter NONE = new EventFilter(null, null, null, null, 0, false);

  public static final String INCLUDE_REJECTED = "include_rejected";

  public static EventFilter of(Context ctx) {
    LocalDate from = Params.date(ctx, "from");
    LocalDate to = Params.date(ctx, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiException.badParameter("to", "before from");
    }
    return new EventFilter(Params.text(ctx, "type"), Params.text(ctx, "weapon"), from, to,
        Params.integer(ctx, "min_origins", 0, 0, 1000), Params.flag(ctx, INCLUDE_REJECTED));
  }

  /** This filter narrowed to events of {@code type}. */
  public EventFilter ofType(String type) {
    return new EventFilter(type, weapon, from, to, minOrigins, includeRejected);
  }

  /**
   * Whether {@code e} passes the filter's field conditions (not the rejection one), as the
   * store's query ({@code EventRows.filtered}) decides it: needed for the few rejected events, to
   * take them out of a count without reading every event.
   */
  public boolean matches(Event e) {
    if (type != null && !type.equals(e.type())) {
      return false;
    }
    if (weapon != null && !e.weapons().contains(weapon)) {
      return false;
    }
    if (from != null && (e.date().latest() == null || e.date().latest().isBefore(from))) {
      return false;
    }
    if (to != null && (e.date().earliest() == null || e.date().earliest().isAfter(to))) {
      return false;
    }
    return e.independentOrigins() >= minOrigins;
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
    if (includeRejected) {
      m.put(INCLUDE_REJECTED, "true");
    }
    return m;
  }
}
