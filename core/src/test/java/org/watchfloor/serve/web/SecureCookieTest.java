package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.WatchfloorException;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.serve.auth.Transport;
import org.watchfloor.store.Store;

/** The Secure flag of the workbench's cookies: set over TLS only, or as the operator declares a TLS proxy. */
class SecureCookieTest {

  @TempDir static Path tmp;
  static Store store;

  @BeforeAll
  static void ingest() throws Exception {
    store = SampleStore.create(tmp);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  /** The Set-Cookie header of the login page's pre-login cookie, from a server reached as {@code transport} says. */
  private static String loginCookie(Transport transport, String... headers) throws Exception {
    Workbench w = Workbench.over(store, WatchProfile.load("dprk"), 2,
        StoreWriter.sharing(store, new java.util.concurrent.locks.ReentrantLock()), transport).start("127.0.0.1", 0);
    try {
      HttpResponse<String> r = new Http(w.port()).send("/login",
          b -> b.headers(headers.length == 0 ? new String[] {"X-Nothing", "1"} : headers));
      assertThat(r.statusCode()).isEqualTo(200);
      return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("wf_login=")).findFirst().orElseThrow();
    } finally {
      w.stop();
    }
  }

  @Test
  void byDefaultAForwardedProtoHeaderIsNotTrusted() throws Exception {
    assertThat(loginCookie(Transport.DIRECT)).contains("HttpOnly").doesNotContain("Secure");
    assertThat(loginCookie(Transport.DIRECT, "X-Forwarded-Proto", "https")).doesNotContain("Secure");
  }

  @Test
  void trustingTheProxyMakesCookiesSecureOnRequestsItMarksHttps() throws Exception {
    Transport proxied = new Transport(null, true);
    assertThat(loginCookie(proxied, "X-Forwarded-Proto", "https")).contains("Secure");
    assertThat(loginCookie(proxied, "X-Forwarded-Proto", "HTTPS, http")).contains("Secure");
    assertThat(loginCookie(proxied, "X-Forwarded-Proto", "http")).doesNotContain("Secure");
    assertThat(loginCookie(proxied)).doesNotContain("Secure");
  }

  @Test
  void anHttpsPublicUrlMakesEveryCookieSecure() throws Exception {
    assertThat(loginCookie(new Transport(URI.create("https://watch.example.org/"), false))).contains("Secure");
    assertThat(loginCookie(new Transport(URI.create("http://watch.example.org/"), false))).doesNotContain("Secure");
  }

  @Test
  void aPublicUrlMustBeAnHttpAddress() {
    assertThatThrownBy(() -> new Transport(URI.create("ftp://watch.example.org/"), false))
        .isInstanceOf(WatchfloorException.BadInput.class).hasMessageContaining("https://");
    assertThatThrownBy(() -> new Transport(URI.create("watch.example.org"), false))
        .isInstanceOf(WatchfloorException.BadInput.class);
  }
}
