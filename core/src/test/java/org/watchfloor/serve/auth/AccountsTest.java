package org.watchfloor.serve.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.store.AccountRows;
import org.watchfloor.store.Store;

/** Session checks: remembered for a while so they need not wait on the accounts connection, yet logout and expiry act at once. */
class AccountsTest {

  @TempDir Path tmp;
  private Store store;
  private AccountRows rows;
  private LoginThrottleTest.HandClock clock;
  private Accounts accounts;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("s"));
    rows = AccountRows.beside(store);
    clock = new LoginThrottleTest.HandClock();
    accounts = new Accounts(rows, clock);
    accounts.add("ana", "correct horse battery".toCharArray());
  }

  @AfterEach
  void close() {
    accounts.close();
    store.close();
  }

  @Test
  void aVerifiedSessionIsCheckedWithoutWaitingForTheAccountsConnection() throws Exception {
    Accounts.NewSession s = accounts.startSession(new Analyst("ana"));
    assertThat(accounts.session(s.id())).isPresent();
    // the connection is busy (its lock held, as by a slow write): a remembered session still answers
    synchronized (rows) {
      CompletableFuture<Optional<Accounts.LiveSession>> check = CompletableFuture.supplyAsync(() -> accounts.session(s.id()));
      assertThat(check.get(5, TimeUnit.SECONDS)).map(l -> l.analyst().name()).contains("ana");
    }
  }

  @Test
  void logoutEndsARememberedSessionAtOnce() {
    Accounts.NewSession s = accounts.startSession(new Analyst("ana"));
    assertThat(accounts.session(s.id())).isPresent();
    accounts.endSession(s.id());
    assertThat(accounts.session(s.id())).isEmpty();
  }

  @Test
  void aRememberedSessionIsRefusedTheMomentItExpires() {
    Accounts.NewSession s = accounts.startSession(new Analyst("ana"));
    clock.now = clock.now.plus(Accounts.SESSION_LIFETIME).minusSeconds(1);
    assertThat(accounts.session(s.id())).isPresent();
    clock.now = clock.now.plusSeconds(1);
    assertThat(accounts.session(s.id())).isEmpty();
  }

  @Test
  void aSessionDeletedElsewhereIsReadAgainAfterTheRecheckInterval() {
    Accounts.NewSession s = accounts.startSession(new Analyst("ana"));
    assertThat(accounts.session(s.id())).isPresent();
    try (AccountRows other = AccountRows.beside(store)) {
      other.deleteSession(Secrets.digest(s.id()), clock.instant());
    }
    assertThat(accounts.session(s.id())).as("remembered").isPresent();
    clock.now = clock.now.plus(Accounts.SESSION_RECHECK);
    assertThat(accounts.session(s.id())).isEmpty();
  }

  @Test
  void anUnknownSessionIsRefused() {
    assertThat(accounts.session("no-such-session")).isEmpty();
  }

  @Test
  void aTokenIsRefusedFromTheMomentItExpiresAndItsUseIsRecordedAtMostOnceAMinute() {
    Accounts.NewToken t = accounts.issueToken("ana", Duration.ofDays(2));
    assertThat(t.expiresAt()).isEqualTo(clock.now.plus(Duration.ofDays(2)));
    assertThat(t.id()).hasSize(Accounts.TOKEN_ID_LENGTH);

    Instant issued = clock.now;
    assertThat(accounts.byToken(t.token())).map(Analyst::name).contains("ana");
    assertThat(accounts.tokens()).singleElement().satisfies(row -> assertThat(row.lastUsedAt()).isEqualTo(issued));
    clock.now = issued.plusSeconds(30);
    accounts.byToken(t.token());
    assertThat(accounts.tokens().get(0).lastUsedAt()).as("not written again within the minute").isEqualTo(issued);
    clock.now = issued.plus(Accounts.TOKEN_USE_RECORDED_EVERY);
    accounts.byToken(t.token());
    assertThat(accounts.tokens().get(0).lastUsedAt()).isEqualTo(clock.now);

    clock.now = t.expiresAt().minusMillis(1);
    assertThat(accounts.byToken(t.token())).isPresent();
    clock.now = t.expiresAt();
    assertThat(accounts.byToken(t.token())).isEmpty();
  }

  @Test
  void aNewPasswordEndsTheAccountsSessionsAndRemovingItEndsTheRest() {
    Accounts.NewSession s = accounts.startSession(new Analyst("ana"));
    assertThat(accounts.session(s.id())).isPresent();
    accounts.changePassword("ana", "staple battery horse".toCharArray());
    assertThat(accounts.session(s.id())).isEmpty();

    Accounts.NewSession again = accounts.startSession(new Analyst("ana"));
    String token = accounts.issueToken("ana");
    accounts.remove("ana");
    assertThat(accounts.session(again.id())).isEmpty();
    assertThat(accounts.byToken(token)).isEmpty();
    assertThat(accounts.list()).isEmpty();
  }
}
