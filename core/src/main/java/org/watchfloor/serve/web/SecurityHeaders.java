package org.watchfloor.serve.web;

import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers of every response, set at the Jetty level rather than in a route filter,
 * so that they are also on what Jetty answers before the workbench's routes run: a request it
 * cannot parse (400), headers too large (431), its own error pages. A handler wrapping everything
 * sets them on each request it hands on, and the server's error handler on each error it writes.
 */
final class SecurityHeaders extends Handler.Wrapper {

  /** No inline script or style, nothing from another origin, no framing. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
      + " frame-ancestors 'none'";

  /**
   * Header names to values, the same on every response. The referrer policy is {@code
   * same-origin}, not {@code no-referrer}: under {@code no-referrer} a browser sends {@code
   * Origin: null} with the workbench's own form posts, which the Origin check ({@link HostCheck})
   * must refuse; {@code same-origin} still sends nothing to other sites.
   */
  static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "same-origin",
      "X-Frame-Options", "DENY");

  /** Puts the headers on {@code server}: around its handlers and in its error handler. */
  static void install(Server server) {
    SecurityHeaders wrapper = new SecurityHeaders();
    wrapper.setHandler(server.getHandler());
    server.setHandler(wrapper);
    server.setErrorHandler(new Errors());
  }

  static void put(HttpFields.Mutable fields) {
    HEADERS.forEach(fields::put);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    put(response.getHeaders());
    return super.handle(request, response, callback);
  }

  /** Jetty's error pages, with the headers. */
  private static final class Errors extends ErrorHandler {

    Errors() {
      setShowStacks(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      put(response.getHeaders());
      return super.handle(request, response, callback);
    }
  }
}
