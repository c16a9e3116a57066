package org.watchfloor.serve.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Refuses requests addressed to a name that is not this server's, the defence against DNS
 * rebinding: a web page whose name an attacker points at 127.0.0.1 reaches the workbench from the
 * analyst's own browser, but its requests still name the attacker's host. Accepted in {@code
 * Host} (and in an absolute request target): {@code localhost}, {@code 127.0.0.1}, {@code [::1]},
 * the address the server was bound to, the address the connection came in on (an address
 * literal, which no rebinding can put in a browser's {@code Host}), and the host of the
 * configured public URL. Any other is answered 421 (Misdirected Request) before any handler
 * runs, static files and error pages included. A write (POST, PUT, PATCH, DELETE) whose {@code
 * Origin} is another site, or {@code null}, is answered 403: only the server's own origins (an
 * accepted host on the server's port, or the public URL's origin) may write. Ports are compared
 * only for origins: a rebound name reaches the server on its own port anyway. A Jetty handler
 * rather than a route filter, for the reason {@link SecurityHeaders} gives.
 */
final class HostCheck extends Handler.Wrapper {

  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "");

  private final @Nullable URI publicUrl;
  private final Set<String> names = ConcurrentHashMap.newKeySet();

  /** Accepts the loopback names and {@code publicUrl}'s host (none when {@code null}). */
  HostCheck(@Nullable URI publicUrl) {
    this.publicUrl = publicUrl;
    names.addAll(LOOPBACK_NAMES);
    if (publicUrl != null && publicUrl.getHost() != null) {
      names.add(normalize(publicUrl.getHost()));
    }
  }

  /** Also accepts {@code host}, the address the server binds to (unless it is a wildcard address). */
  void bound(String host) {
    String h = normalize(host);
    if (!WILDCARDS.contains(h)) {
      names.add(h);
    }
  }

  /** Lower case, without the brackets of an IPv6 literal. */
  static String normalize(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h;
  }

  /** Whether {@code host} (as a request names it, without port) is this server's on {@code request}'s connection. */
  private boolean accepted(String host, Request request) {
    String h = normalize(host);
    return names.contains(h) || h.equals(normalize(Request.getLocalAddr(request)));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String header = request.getHeaders().get(HttpHeader.HOST);
    String hostOfHeader = header == null ? null : hostOf(header);
    String hostOfTarget = request.getHttpURI().getHost();
    if ((hostOfHeader != null && !accepted(hostOfHeader, request))
        || (hostOfTarget != null && !accepted(hostOfTarget, request))) {
      String named = hostOfHeader != null && !accepted(hostOfHeader, request) ? hostOfHeader : hostOfTarget;
      Response.writeError(request, response, callback, HttpStatus.MISDIRECTED_REQUEST_421,
          "host " + named + " is not served here");
      return true;
    }
    if (isWrite(request.getMethod())) {
      String origin = request.getHeaders().get(HttpHeader.ORIGIN);
      if (origin != null && !sameOrigin(origin, request)) {
        Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403,
            "writes from origin " + origin + " are refused: not this server's");
        return true;
      }
    }
    return super.handle(request, response, callback);
  }

  private static boolean isWrite(String method) {
    return HttpMethod.POST.is(method) || HttpMethod.PUT.is(method) || HttpMethod.PATCH.is(method)
        || HttpMethod.DELETE.is(method);
  }

  /** The host of a {@code Host} header value: without the port, brackets kept for {@link #normalize}. */
  static String hostOf(String hostHeader) {
    String v = hostHeader.strip();
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      return close < 0 ? v : v.substring(0, close + 1);
    }
    int colon = v.lastIndexOf(':');
    return colon < 0 ? v : v.substring(0, colon);
  }

  private boolean sameOrigin(String origin, Request request) {
    URI o;
    try {
      o = new URI(origin.strip());
    } catch (URISyntaxException e) {
      return false; // "null" (a sandboxed frame, a redirect across sites) and anything unparsable
    }
    if (o.getScheme() == null || o.getHost() == null) {
      return false;
    }
    if (publicUrl != null && publicUrl.getScheme().equalsIgnoreCase(o.getScheme())
        && normalize(publicUrl.getHost()).equals(normalize(o.getHost())) && port(publicUrl) == port(o)) {
      return true;
    }
    return accepted(o.getHost(), request) && port(o) == Request.getLocalPort(request);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
  }
}
