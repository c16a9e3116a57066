package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.auth.Accounts;

/**
 * Who may write: a real server per test with one write endpoint registered through the
 * write-route helper, exercised without login, with a bad or good API token, and through the
 * login form with and without the session's CSRF token.
 */
class AccessTest extends SampleServerTest {

  static final String PASSWORD = "correct horse battery";
  static String token;

  @BeforeAll
  static void addAnalyst() {
    try (Accounts accounts = Accounts.beside(store)) {
      accounts.add("ana", PASSWORD.toCharArray());
      token = accounts.issueToken("ana");
    }
  }

  /** Logins at a stopped clock: a wait the throttle imposes never runs out during a test. */
  @Override
  Workbench workbench() {
    return Workbench.over(store, WatchProfile.load("dprk"), Clock.fixed(Instant.parse("2026-02-01T09:00:00Z"), ZoneOffset.UTC),
        writes -> writes.post("/test/echo", (ctx, analyst) -> Map.of("analyst", analyst.name(), "body", ctx.body())));
  }

  private HttpResponse<String> echo(String... headers) throws Exception {
    return http.send("/api/v1/test/echo", b -> b.headers(headers.length == 0 ? new String[] {"X-Nothing", "1"} : headers)
        .POST(HttpRequest.BodyPublishers.ofString("hello")));
  }

  @Test
  void writingWithoutAnAnalystIs401AsJson() throws Exception {
    HttpResponse<String> r = echo();
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(Http.json(r).at("/error/status").asInt()).isEqualTo(401);
  }

  @Test
  void anApiTokenWritesWithoutCsrf() throws Exception {
    HttpResponse<String> r = echo("Authorization", "Bearer " + token);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Http.json(r).get("analyst").asText()).isEqualTo("ana");
    assertThat(Http.json(r).get("body").asText()).isEqualTo("hello");
  }

  @Test
  void anUnknownApiTokenIs401() throws Exception {
    assertThat(echo("Authorization", "Bearer " + token + "x").statusCode()).isEqualTo(401);
    assertThat(echo("Authorization", "Basic YW5hOnB3").statusCode()).isEqualTo(401);
  }

  @Test
  void readingStaysOpenOnLoopback() throws Exception {
    assertThat(http.get("/api/v1/events").statusCode()).isEqualTo(200);
    assertThat(http.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefusedWithoutASession() throws Exception {
    HttpResponse<String> r = login("ana", "wrong horse battery");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("wrong name or password");
    assertThat(cookie(r, "wf_session")).isNull();
    assertThat(login("nobody", PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void theLoginFormNeedsItsOwnCsrfToken() throws Exception {
    HttpResponse<String> page = http.get("/login");
    String pre = cookie(page, "wf_login");
    HttpResponse<String> r = http.send("/login", b -> b.header("Cookie", "wf_login=" + pre)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form("name", "ana", "password", PASSWORD, "_csrf", "forged")));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(cookie(r, "wf_session")).isNull();
  }

  @Test
  void aSessionWritesOnlyWithItsCsrfToken() throws Exception {
    HttpResponse<String> in = login("ana", PASSWORD);
    assertThat(in.statusCode()).isEqualTo(303);
    String setCookie = in.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("wf_session=")).findFirst().orElseThrow();
    assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
    String session = cookie(in, "wf_session");
    String badge = http.send("/account/badge", b -> b.header("Cookie", "wf_session=" + session)).body();
    assertThat(badge).contains("ana");
    String csrf = field(badge, "_csrf");

    assertThat(echo("Cookie", "wf_session=" + session).statusCode()).isEqualTo(403);
    assertThat(echo("Cookie", "wf_session=" + session, "X-CSRF-Token", csrf + "x").statusCode()).isEqualTo(403);
    HttpResponse<String> ok = echo("Cookie", "wf_session=" + session, "X-CSRF-Token", csrf);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(Http.json(ok).get("analyst").asText()).isEqualTo("ana");

    HttpResponse<String> out = http.send("/logout", b -> b.header("Cookie", "wf_session=" + session)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(form("_csrf", csrf)));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(echo("Cookie", "wf_session=" + session, "X-CSRF-Token", csrf).statusCode()).isEqualTo(401);
  }

  @Test
  void theDatabaseHoldsHashesNotSecrets() throws Exception {
    login("ana", PASSWORD);
    List<String> cells = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store.dir().resolve("watchfloor.db"));
        Statement s = db.createStatement()) {
      for (String sql : List.of("SELECT name, password_hash FROM accounts", "SELECT token_hash, account FROM api_tokens",
          "SELECT id_hash, account, csrf_token FROM sessions")) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              cells.add(rs.getString(i));
            }
          }
        }
      }
    }
    assertThat(cells).contains("ana").anyMatch(c -> c.startsWith("pbkdf2-sha256$210000$"));
    assertThat(cells).noneMatch(c -> c.contains(PASSWORD) || c.contains(token) || c.contains(token.substring(4)));
  }

  private HttpResponse<String> login(String name, String password) throws Exception {
    return login(name, password, "/", null);
  }

  /** Logs in through the form, asking to go to {@code next}, with one more cookie when {@code cookie} is not null. */
  private HttpResponse<String> login(String name, String password, String next, String cookie) throws Exception {
    HttpResponse<String> page = http.get("/login");
    String pre = cookie(page, "wf_login");
    String csrf = field(page.body(), "_csrf");
    return http.send("/login", b -> b.header("Cookie", "wf_login=" + pre + (cookie == null ? "" : "; " + cookie))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form("name", name, "password", password, "_csrf", csrf, "next", next)));
  }

  @Test
  void aStrangersWrongPasswordsDoNotLockTheAnalystOutOfTheirOwnBrowser() throws Exception {
    HttpResponse<String> first = login("ana", PASSWORD);
    assertThat(first.statusCode()).isEqualTo(303);
    String device = "wf_device=" + cookie(first, "wf_device");

    for (int i = 0; i < 10; i++) {
      assertThat(login("ana", "wrong horse battery " + i).statusCode()).as("guess " + i).isIn(401, 429);
    }
    HttpResponse<String> stranger = login("ana", PASSWORD);
    assertThat(stranger.statusCode()).isEqualTo(429);
    assertThat(stranger.headers().firstValue("retry-after")).isPresent();
    assertThat(cookie(stranger, "wf_session")).isNull();

    HttpResponse<String> analyst = login("ana", PASSWORD, "/", device);
    assertThat(analyst.statusCode()).isEqualTo(303);
    assertThat(cookie(analyst, "wf_session")).isNotNull();
  }

  @Test
  void guessesSpreadOverManyNamesFromOneClientAreSlowedDown() throws Exception {
    for (int i = 0; i < 5; i++) { // the free failures of a client address
      assertThat(login("nobody" + i, "wrong horse battery").statusCode()).as("guess " + i).isEqualTo(401);
    }
    HttpResponse<String> r = login("nobody-else", "wrong horse battery");
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("retry-after")).contains("1");
    assertThat(r.body()).contains("too many failed logins: try again in 1 s");
  }

  @Test
  void afterLoggingInOnlyAPathOfThisSiteIsFollowed() throws Exception {
    for (String elsewhere : List.of("/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/",
        "/\n/evil.example", " //evil.example", "evil.example")) {
      HttpResponse<String> r = login("ana", PASSWORD, elsewhere, null);
      assertThat(r.statusCode()).as(elsewhere).isEqualTo(303);
      assertThat(r.headers().firstValue("location")).as(elsewhere).contains("/");
    }
    HttpResponse<String> local = login("ana", PASSWORD, "/search?q=hwasong", null);
    assertThat(local.headers().firstValue("location")).contains("/search?q=hwasong");
    HttpResponse<String> page = http.get("/login?next=%2F%09%2Fevil.example");
    assertThat(field(page.body(), "next")).isEqualTo("/");
  }

  static HttpRequest.BodyPublisher form(String... kv) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < kv.length; i += 2) {
      sb.append(i == 0 ? "" : "&").append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
    }
    return HttpRequest.BodyPublishers.ofString(sb.toString());
  }

  static String cookie(HttpResponse<String> r, String name) {
    for (String c : r.headers().allValues("set-cookie")) {
      if (c.startsWith(name + "=")) {
        String v = c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
        return v.isEmpty() ? null : v;
      }
    }
    return null;
  }

  static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as("field " + name + " in " + html).isTrue();
    return m.group(1);
  }
}
