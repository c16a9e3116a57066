package org.watchfloor.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.watchfloor.store.AlertRows;

/**
 * Alerts by webhook: the alert's JSON body POSTed to the rule's URL, with
 * <ul>
 *   <li>{@value #SIGNATURE}: {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes under
 *       the rule's secret, so a receiver knows the call is Watchfloor's and the body untouched;
 *   <li>{@value #IDEMPOTENCY_KEY}: the alert's key ({@code RULE:EVENT:REASON}), the same on every
 *       attempt and after a restart, so a receiver that sees it twice drops the second;
 *   <li>{@code X-Watchfloor-Rule}, {@code X-Watchfloor-Reason} and {@code X-Watchfloor-Attempt}.
 * </ul>
 * Any 2xx is delivered. A 5xx, 408, 429, a timeout or a failed connection is tried again later; any
 * other answer (a 4xx, a redirect, which is not followed) is given up at once, as is a target the
 * address checks refuse (checked again on every attempt, as DNS answers change).
 */
public final class Webhook implements Transport {

  public static final String SIGNATURE = "X-Watchfloor-Signature";
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final HttpClient client;

  Webhook(HttpClient client) {
    this.client = client;
  }

  static HttpClient client() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
  }

  @Override
  public void send(AlertRows.Due due, AlertSettings settings) throws Failure {
    URI uri = URI.create(due.delivery().target());
    String refused = RuleBuilder.guard(settings).refusal(uri);
    if (refused != null) {
      throw new Failure(refused, false);
    }
    if (due.webhookSecret() == null) {
      throw new Failure("the rule has no webhook secret", false);
    }
    byte[] body = due.alert().payload().getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(settings.get(AlertSettings.TIMEOUT))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "Watchfloor/0.1 (alerts)")
        .header(IDEMPOTENCY_KEY, due.alert().idempotencyKey())
        .header(SIGNATURE, "sha256=" + signature(due.webhookSecret(), body))
        .header("X-Watchfloor-Rule", due.alert().ruleId())
        .header("X-Watchfloor-Reason", due.alert().reason())
        .header("X-Watchfloor-Attempt", String.valueOf(due.delivery().attempts() + 1))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      throw new Failure("timed out after " + settings.get(AlertSettings.TIMEOUT).toSeconds() + " s", true, e);
    } catch (IOException e) {
      throw new Failure("cannot connect: " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted", true, e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    boolean retry = status >= 500 || status == 408 || status == 429;
    throw new Failure("HTTP " + status + (status / 100 == 3 ? " (redirects are not followed)" : ""), retry);
  }

  /** The hex HMAC-SHA256 of {@code body} under {@code secret}: what a receiver computes to check a call. */
  public static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
