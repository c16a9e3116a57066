package org.watchfloor.serve.api;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.watchfloor.store.SearchIndex;

/** Reads and checks query parameters; a bad one is an {@link ApiException} naming it. */
public final class Params {

  /** The largest page a client may ask for. */
  public static final int MAX_LIMIT = 500;
  static final int MAX_OFFSET = 1_000_000;
  private static final int MAX_TEXT = 500;

  private Params() {}

  /** A text parameter, trimmed; {@code null} when absent or blank. */
  public static @Nullable String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > MAX_TEXT) {
      throw ApiException.badParameter(name, "longer than " + MAX_TEXT + " characters");
    }
    return v.strip();
  }

  /** An integer in {@code [min, max]}, or {@code fallback} when absent. */
  public static int integer(Context ctx, String name, int fallback, int min, int max) {
    String v = text(ctx, name);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "not an integer");
    }
    if (n < min || n > max) {
      throw ApiException.badParameter(name, "must be between " + min + " and " + max);
    }
    return n;
  }

  /** An ISO date ({@code 2025-03-14}), or {@code null} when absent. */
  public static @Nullable LocalDate date(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(name, "not a date of the form 2025-03-14");
    }
  }

  /** A yes/no parameter: {@code true} or {@code false}, {@code false} when absent. */
  public static boolean flag(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    throw ApiException.badParameter(name, "must be true or false");
  }

  public static int limit(Context ctx, int fallback) {
    return integer(ctx, "limit", fallback, 1, MAX_LIMIT);
  }

  public static int offset(Context ctx) {
    return integer(ctx, "offset", 0, 0, MAX_OFFSET);
  }

  /** The offset of a search page: hits beyond {@link SearchIndex#MAX_HIT_WINDOW} are not served. */
  public static int searchOffset(Context ctx) {
    return integer(ctx, "offset", 0, 0, SearchIndex.MAX_HIT_WINDOW - MAX_LIMIT);
  }
}
