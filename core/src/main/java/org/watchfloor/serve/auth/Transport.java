package org.watchfloor.serve.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;

/**
 * How browsers reach the workbench, which decides the {@code Secure} flag of its cookies. Behind a
 * TLS-terminating proxy the server itself sees plain HTTP, so by default its cookies would go
 * without the flag; the operator says so explicitly, either with the public address
 * ({@code --public-url https://…}: every cookie is Secure) or by trusting the proxy's
 * {@code X-Forwarded-Proto} header ({@code --trust-forwarded-proto}). The header is never
 * trusted by default, since any client can send it to a server that is reached directly.
 *
 * @param publicUrl the address browsers use, or {@code null} when they reach the server directly
 * @param trustForwardedProto whether {@code X-Forwarded-Proto: https} marks a request as HTTPS
 */
public record Transport(@Nullable URI publicUrl, boolean trustForwardedProto) {

  /** Browsers reach the server itself: cookies are Secure only on a request the server got over TLS. */
  public static final Transport DIRECT = new Transport(null, false);

  public Transport {
    if (publicUrl != null) {
      String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || publicUrl.getHost() == null) {
        throw new WatchfloorException.BadInput("public URL " + publicUrl + ": give an http:// or https:// address with a host");
      }
    }
  }

  /** Whether cookies set in answer to this request must be {@code Secure}. */
  boolean secure(Context ctx) {
    if (publicUrl != null && publicUrl.getScheme().equalsIgnoreCase("https")) {
      return true;
    }
    if ("https".equals(ctx.scheme())) {
      return true;
    }
    if (trustForwardedProto) {
      String forwarded = ctx.header("X-Forwarded-Proto");
      if (forwarded != null) {
        // a chain of proxies lists one scheme each: the first is the one the browser used
        int comma = forwarded.indexOf(',');
        return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip().equalsIgnoreCase("https");
      }
    }
    return false;
  }
}
