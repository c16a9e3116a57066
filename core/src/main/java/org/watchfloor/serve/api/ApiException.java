package org.watchfloor.serve.api;

import org.jspecify.annotations.Nullable;

/**
 * A request the server refuses, with the HTTP status to answer and, for a bad query parameter,
 * the parameter's name. Mapped to a response in one place, {@code Workbench}'s error mapper.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final @Nullable String parameter;

  private ApiException(int status, String message, @Nullable String parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }

  /** 400: the query parameter {@code parameter} is not valid. */
  public static ApiException badParameter(String parameter, String message) {
    return new ApiException(400, "parameter " + parameter + ": " + message, parameter);
  }

  /** 401: the request needs an authenticated analyst. */
  public static ApiException unauthorized(String message) {
    return new ApiException(401, message, null);
  }

  /** 403: the analyst is known but the request is refused (a missing or wrong CSRF token). */
  public static ApiException forbidden(String message) {
    return new ApiException(403, message, null);
  }

  /** 400 about the request body rather than a query parameter. */
  public static ApiException badBody(String message) {
    return new ApiException(400, "request body: " + message, null);
  }

  /** 400 about the request as a whole: what the store's editor refused, and why. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, message, null);
  }

  /** 503: the store cannot be written now (another process holds its writer); the reason says why. */
  public static ApiException unavailable(String message) {
    return new ApiException(503, message, null);
  }

  /** 404: nothing has this id. */
  public static ApiException notFound(String what, String id) {
    return new ApiException(404, "no " + what + " with id " + id, null);
  }

  public int status() {
    return status;
  }

  public @Nullable String parameter() {
    return parameter;
  }
}
