package org.watchfloor.serve.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.watchfloor.serve.api.ApiException;

/**
 * Who a request is, and whether it may do what it asks. Runs before every route: a request is
 * an analyst by an {@code Authorization: Bearer} API token or by a session cookie; every write
 * (any method but GET, HEAD, OPTIONS) needs an analyst, and one by session cookie must also
 * carry the session's CSRF token (form field {@value #CSRF_FIELD} or header {@value #CSRF_HEADER});
 * Bearer calls are exempt, since a browser never adds that header by itself. Reading is open to
 * loopback clients only, but for alert feeds ({@code /alerts/RULE.atom}), which their route
 * guards with the rule's feed token. The login form, posted before there is a session, carries
 * an HMAC of a random pre-login cookie instead. Failed logins are slowed down by {@link
 * LoginThrottle}; a login leaves a signed cookie ({@value #DEVICE_COOKIE}) by which the
 * browser's next logins to the same account are told apart from strangers' guesses.
 */
public final class Access {

  public static final String SESSION_COOKIE = "wf_session";
  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  static final String LOGIN_COOKIE = "wf_login";
  /** Names the account this browser logged in to, signed; read by the login throttle only. */
  static final String DEVICE_COOKIE = "wf_device";
  static final Duration DEVICE_LIFETIME = Duration.ofDays(90);
  private static final String ANALYST = "watchfloor.analyst";
  private static final String CSRF = "watchfloor.csrf";

  /** Renders a page template with its model. */
  @FunctionalInterface
  public interface Pages {
    void render(Context ctx, String template, Object model);
  }

  /** The login page: where to go after, an error to show, and the form's CSRF token. */
  public record LoginPage(String next, @Nullable String error, String csrf) {}

  /** The header's account badge: who is logged in (null for nobody) and the logout form's token. */
  public record Badge(@Nullable String analyst, String csrf) {}

  private final Accounts accounts;
  private final Pages pages;
  private final Transport transport;
  private final SecretKeySpec loginKey;
  private final Clock clock;
  private final LoginThrottle throttle;

  public Access(Accounts accounts, Pages pages, Transport transport) {
    this(accounts, pages, transport, Clock.systemUTC());
  }

  /** As {@link #Access(Accounts, Pages, Transport)}, failed logins and login cookies timed by {@code clock}. */
  public Access(Accounts accounts, Pages pages, Transport transport, Clock clock) {
    this.clock = clock;
    this.throttle = new LoginThrottle(clock);
    this.accounts = accounts;
    this.pages = pages;
    this.transport = transport;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.loginKey = new SecretKeySpec(key, "HmacSHA256");
  }

  public void register(RoutesConfig routes) {
    routes.before(this::check);
    routes.get("/login", ctx -> loginPage(ctx, null));
    routes.post("/login", this::login);
    routes.post("/logout", this::logout);
    routes.get("/account/badge", ctx -> pages.render(ctx, "badge.jte",
        new Badge(analyst(ctx).map(Analyst::name).orElse(null), csrfToken(ctx))));
  }

  /** The analyst the request acts as, if any. */
  public static Optional<Analyst> analyst(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ANALYST));
  }

  /** The CSRF token a page's forms must carry for this request's session; empty without one. */
  public static String csrfToken(Context ctx) {
    String t = ctx.attribute(CSRF);
    return t == null ? "" : t;
  }

  private void check(Context ctx) {
    String auth = ctx.header("Authorization");
    boolean bySession = false;
    if (auth != null) {
      if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw ApiException.unauthorized("Authorization must be a Bearer API token");
      }
      Analyst a = accounts.byToken(auth.substring(7).strip())
          .orElseThrow(() -> ApiException.unauthorized("unknown API token"));
      ctx.attribute(ANALYST, a);
    } else {
      String sid = ctx.cookie(SESSION_COOKIE);
      Optional<Accounts.LiveSession> s = sid == null || sid.length() > 100 ? Optional.empty() : accounts.session(sid);
      if (s.isPresent()) {
        ctx.attribute(ANALYST, s.get().analyst());
        ctx.attribute(CSRF, s.get().csrfToken());
        bySession = true;
      }
    }
    HandlerType m = ctx.method();
    boolean write = m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
    if (write && ctx.path().equals("/login")) {
      String pre = ctx.cookie(LOGIN_COOKIE);
      if (pre == null || !Secrets.same(loginToken(pre), submittedCsrf(ctx))) {
        throw ApiException.forbidden("the login form is stale: reload it and try again");
      }
    } else if (write) {
      if (analyst(ctx).isEmpty()) {
        throw ApiException.unauthorized("writing needs an analyst: log in, or send Authorization: Bearer <API token>");
      }
      if (bySession && !Secrets.same(csrfToken(ctx), submittedCsrf(ctx))) {
        throw ApiException.forbidden("missing or wrong CSRF token");
      }
    } else if (analyst(ctx).isEmpty() && !loopback(ctx.ip()) && !ctx.path().equals("/login")
        && !ctx.path().startsWith("/assets/") && !isAlertFeed(ctx.path())) {
      throw ApiException.unauthorized("reading from another machine needs an analyst: log in first");
    }
  }

  /** An alert rule's Atom feed, which a feed reader fetches with the rule's token in its URL instead of a session. */
  private static boolean isAlertFeed(String path) {
    return path.startsWith("/alerts/") && path.endsWith(".atom") && path.indexOf('/', "/alerts/".length()) < 0;
  }

  private static String submittedCsrf(Context ctx) {
    String h = ctx.header(CSRF_HEADER);
    if (h != null) {
      return h;
    }
    String type = ctx.contentType();
    if (type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
      String f = ctx.formParam(CSRF_FIELD);
      return f == null ? "" : f;
    }
    return "";
  }

  private static boolean loopback(String ip) {
    try {
      // a literal address from the socket: no name lookup happens
      return InetAddress.getByName(ip).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private void loginPage(Context ctx, @Nullable String error) {
    String pre = ctx.cookie(LOGIN_COOKIE);
    if (pre == null || pre.length() > 100) {
      pre = Secrets.token("");
      ctx.cookie(cookie(ctx, LOGIN_COOKIE, pre, "/login", -1));
    }
    pages.render(ctx, "login.jte", new LoginPage(next(ctx), error, loginToken(pre)));
  }

  private void login(Context ctx) {
    String name = ctx.formParam("name");
    String password = ctx.formParam("password");
    String client = client(ctx.ip());
    String account = name == null ? "" : name;
    String device = device(ctx, account);
    Duration wait = throttle.wait(client, account, device);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.status(429);
      ctx.header("Retry-After", Long.toString(seconds));
      loginPage(ctx, "too many failed logins: try again in " + seconds + " s");
      return;
    }
    Optional<Analyst> a = name == null || password == null || name.length() > 64 || password.length() > 1024
        ? Optional.empty() : accounts.login(name, password.toCharArray());
    if (a.isEmpty()) {
      throttle.failed(client, account, device);
      ctx.status(401);
      loginPage(ctx, "wrong name or password");
      return;
    }
    throttle.succeeded(client, account, device);
    Accounts.NewSession s = accounts.startSession(a.get());
    ctx.cookie(cookie(ctx, SESSION_COOKIE, s.id(), "/", (int) Accounts.SESSION_LIFETIME.toSeconds()));
    ctx.cookie(cookie(ctx, LOGIN_COOKIE, "", "/login", 0));
    ctx.cookie(cookie(ctx, DEVICE_COOKIE, deviceCookie(account), "/login", (int) DEVICE_LIFETIME.toSeconds()));
    ctx.redirect(next(ctx), HttpStatus.SEE_OTHER);
  }

  /**
   * Whom the throttle counts a client address as: the address, or for IPv6 its /64 network, which
   * one machine commonly has to itself (and so can take any address of).
   */
  static String client(String ip) {
    try {
      InetAddress address = InetAddress.getByName(ip); // a literal address from the socket: no lookup
      if (address instanceof java.net.Inet6Address && !address.isLoopbackAddress()) {
        return HexFormat.of().formatHex(address.getAddress(), 0, 8) + "::/64";
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return ip;
    }
  }

  /** A signed cookie naming {@code account}: {@code name.issued.nonce.mac}. */
  private String deviceCookie(String account) {
    String body = Base64.getUrlEncoder().withoutPadding().encodeToString(account.getBytes(StandardCharsets.UTF_8))
        + "." + clock.instant().getEpochSecond() + "." + Secrets.token("");
    return body + "." + loginToken("device " + body);
  }

  /**
   * The nonce of the request's device cookie when it is one this server signed for {@code account}
   * and not older than {@link #DEVICE_LIFETIME}; null otherwise.
   */
  private @Nullable String device(Context ctx, String account) {
    String cookie = ctx.cookie(DEVICE_COOKIE);
    if (cookie == null || cookie.length() > 400) {
      return null;
    }
    String[] parts = cookie.split("\\.");
    if (parts.length != 4) {
      return null;
    }
    String body = parts[0] + "." + parts[1] + "." + parts[2];
    if (!Secrets.same(loginToken("device " + body), parts[3])) {
      return null;
    }
    try {
      String named = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
      Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
      return named.equals(account) && clock.instant().isBefore(issued.plus(DEVICE_LIFETIME)) ? parts[2] : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void logout(Context ctx) {
    String sid = ctx.cookie(SESSION_COOKIE);
    if (sid != null) {
      accounts.endSession(sid);
    }
    ctx.cookie(cookie(ctx, SESSION_COOKIE, "", "/", 0));
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /** Where to go after logging in: a path of this site only, so the form cannot send anyone elsewhere. */
  private static String next(Context ctx) {
    return localPath(ctx.method() == HandlerType.POST ? ctx.formParam("next") : ctx.queryParam("next"));
  }

  /**
   * {@code next} when a browser reads it as a path of this site, else {@code "/"}. It must start
   * with one slash, and hold no backslash (which browsers read as a slash) and no control
   * character (which they drop: {@code /<TAB>/host} becomes {@code //host}, another host).
   */
  static String localPath(@Nullable String next) {
    if (next == null || next.length() >= 500 || !next.startsWith("/")) {
      return "/";
    }
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || (i == 1 && c == '/')) {
        return "/";
      }
    }
    return next;
  }

  private Cookie cookie(Context ctx, String name, String value, String path, int maxAge) {
    return new Cookie(name, value, path, maxAge, transport.secure(ctx), true, null, SameSite.STRICT);
  }

  private String loginToken(String preLogin) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(loginKey);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(preLogin.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
