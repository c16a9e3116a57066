package org.watchfloor.serve.api;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Event;
import org.watchfloor.store.EventRows;
import org.watchfloor.store.EventRows.Visibility;

/**
 * The filters of an event list, shared by the timeline page, {@code /api/v1/events} and the
 * exports: type, weapon, a date range the event's interval must overlap, a minimum of independent
 * origins, a month the event is dated in ({@code month=2024-05}, as the per-month charts count),
 * whether background-only and planned events are shown, hidden or alone shown ({@code
 * background}, {@code planned}: {@code show}, {@code hide}, {@code only}), and whether events an
 * analyst rejected are kept ({@code include_rejected=true}; by default they are hidden).
 *
 * <p>The API shows background-only and planned events unless asked not to, as it always has; the
 * timeline page hides them unless asked ({@link #ofPage}): an analyst opens it for the news.
 */
public record EventFilter(@Nullable String type, @Nullable String weapon, @Nullable LocalDate from,
    @Nullable LocalDate to, int minOrigins, boolean includeRejected, @Nullable YearMonth month,
    Visibility background, Visibility planned) {

  public static final EventFilter NONE =
      new EventFilter(null, null, null, null, 0, false, null, Visibility.SHOW, Visibility.SHOW);

  public static final String INCLUDE_REJECTED = "include_rejected";

  public EventFilter {
    java.util.Objects.requireNonNull(background, "background");
    java.util.Objects.requireNonNull(planned, "planned");
  }

  /** The filter of an API request: background-only and planned events shown unless asked otherwise. */
  public static EventFilter of(Context ctx) {
    return of(ctx, Visibility.SHOW);
  }

  /** The filter of the timeline page: background-only and planned events hidden unless asked for. */
  public static EventFilter ofPage(Context ctx) {
    return of(ctx, Visibility.HIDE);
  }

  /**
   * The filter of the launch table ({@code /api/v1/export/launches}): background-only launches
   * (an older launch recalled in passing) hidden unless asked for, as on the timeline page, for a
   * dataset counts the launches reported, not every mention of one; planned launches are the
   * table's own to leave out ({@code include_planned}).
   */
  public static EventFilter ofLaunchTable(Context ctx) {
    return of(ctx, Visibility.HIDE, Visibility.SHOW).ofType("missile_launch");
  }

  private static EventFilter of(Context ctx, Visibility fallback) {
    return of(ctx, fallback, fallback);
  }

  private static EventFilter of(Context ctx, Visibility backgroundFallback, Visibility plannedFallback) {
    LocalDate from = Params.date(ctx, "from");
    LocalDate to = Params.date(ctx, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiException.badParameter("to", "before from");
    }
    return new EventFilter(Params.text(ctx, "type"), Params.text(ctx, "weapon"), from, to,
        Params.integer(ctx, "min_origins", 0, 0, 1000), Params.flag(ctx, INCLUDE_REJECTED), month(ctx),
        visibility(ctx, "background", backgroundFallback), visibility(ctx, "planned", plannedFallback));
  }

  private static @Nullable YearMonth month(Context ctx) {
    String v = Params.text(ctx, "month");
    if (v == null) {
      return null;
    }
    try {
      return YearMonth.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter("month", "not a month of the form 2025-03");
    }
  }

  private static Visibility visibility(Context ctx, String name, Visibility fallback) {
    String v = Params.text(ctx, name);
    if (v == null) {
      return fallback;
    }
    for (Visibility x : Visibility.values()) {
      if (x.label().equals(v)) {
        return x;
      }
    }
    throw ApiException.badParameter(name, "must be show, hide or only");
  }

  /** This filter narrowed to events of {@code type}. */
  public EventFilter ofType(String type) {
    return new EventFilter(type, weapon, from, to, minOrigins, includeRejected, month, background, planned);
  }

  /** The store's conditions of this filter (all but the rejection one, which the edits decide). */
  public EventRows.Criteria criteria() {
    return new EventRows.Criteria(type, weapon, from, to, minOrigins, month, background, planned);
  }

  /**
   * Whether {@code e} passes the filter's field conditions (not the rejection one), as the
   * store's query ({@code EventRows.filtered}) decides it: needed for the few rejected events, to
   * take them out of a count without reading every event. Whether {@code e} is background-only
   * is the store's to say: {@code backgroundOnly}.
   */
  public boolean matches(Event e, boolean backgroundOnly) {
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
    if (month != null && (!monthDated(e) || !YearMonth.from(e.date().earliest()).equals(month))) {
      return false;
    }
    if (!keeps(background, backgroundOnly) || !keeps(planned, e.planned())) {
      return false;
    }
    return e.independentOrigins() >= minOrigins;
  }

  private static boolean monthDated(Event e) {
    return switch (e.date().precision()) {
      case DAY, WEEK, MONTH -> true;
      default -> false;
    };
  }

  private static boolean keeps(Visibility v, boolean is) {
    return switch (v) {
      case SHOW -> true;
      case HIDE -> !is;
      case ONLY -> is;
    };
  }

  /** The filter as the API's query parameters (which show background-only and planned events by default). */
  public Map<String, String> asParams() {
    return params(Visibility.SHOW);
  }

  /** The filter as the timeline page's query parameters (which hide them by default), for links that keep it. */
  public Map<String, String> asPageParams() {
    return params(Visibility.HIDE);
  }

  private Map<String, String> params(Visibility fallback) {
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
    if (month != null) {
      m.put("month", month.toString());
    }
    if (minOrigins > 0) {
      m.put("min_origins", Integer.toString(minOrigins));
    }
    if (background != fallback) {
      m.put("background", background.label());
    }
    if (planned != fallback) {
      m.put("planned", planned.label());
    }
    if (includeRejected) {
      m.put(INCLUDE_REJECTED, "true");
    }
    return m;
  }
}
