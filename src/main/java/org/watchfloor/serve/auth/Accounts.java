package org.watchfloor.serve.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.watchfloor.WatchfloorException;
import org.watchfloor.store.AccountRows;
import org.watchfloor.store.Store;

/**
 * Local analyst accounts: adding them, checking passwords, issuing API tokens, and the web
 * sessions a login starts. Only hashes reach the database (see {@link Passwords}, {@link Secrets}).
 */
public final class Accounts implements AutoCloseable {

  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  public static final int MIN_PASSWORD = 10;
  static final String TOKEN_PREFIX = "wft_";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** A session just started: the id for the cookie and its CSRF token. */
  public record NewSession(String id, String csrfToken) {}

  /** A live session: who it logs in, and the CSRF token its forms must carry. */
  public record LiveSession(Analyst analyst, String csrfToken) {}

  private final AccountRows rows;
  private final Clock clock;

  Accounts(AccountRows rows, Clock clock) {
    this.rows = rows;
    this.clock = clock;
  }

  /** Accounts in the database of {@code store}, over a writing connection of their own. */
  public static Accounts beside(Store store) {
    return new Accounts(AccountRows.beside(store), Clock.systemUTC());
  }

  /** Adds an analyst; the password array is cleared afterwards. */
  public void add(String name, char[] password) {
    try {
      if (!NAME.matcher(name).matches()) {
        throw new WatchfloorException.BadInput("account name \"" + name + "\": use 1-64 letters, digits, '.', '_' or '-'");
      }
      if (password.length < MIN_PASSWORD) {
        throw new WatchfloorException.BadInput("password shorter than " + MIN_PASSWORD + " characters");
      }
      if (!rows.insertAccount(name, Passwords.hash(password), clock.instant())) {
        throw new WatchfloorException.BadInput("account " + name + " exists already");
      }
    } finally {
      Passwords.wipe(password);
    }
  }

  /** The analyst if {@code password} is theirs; as slow for an unknown name as for a wrong password. */
  public Optional<Analyst> login(String name, char[] password) {
    try {
      Optional<String> stored = rows.passwordHash(name);
      if (stored.isEmpty()) {
        Passwords.verifyDecoy(password);
        return Optional.empty();
      }
      return Passwords.verify(password, stored.get()) ? Optional.of(new Analyst(name)) : Optional.empty();
    } finally {
      Passwords.wipe(password);
    }
  }

  /** A new API token for {@code name}, returned this once: only its digest is kept. */
  public String issueToken(String name) {
    if (rows.passwordHash(name).isEmpty()) {
      throw new WatchfloorException.BadInput("no account " + name);
    }
    String token = Secrets.token(TOKEN_PREFIX);
    rows.insertToken(Secrets.digest(token), name, clock.instant());
    return token;
  }

  public Optional<Analyst> byToken(String token) {
    return rows.tokenAccount(Secrets.digest(token)).map(Analyst::new);
  }

  public NewSession startSession(Analyst analyst) {
    String id = Secrets.token("");
    String csrf = Secrets.token("");
    Instant now = clock.instant();
    rows.insertSession(Secrets.digest(id), analyst.name(), csrf, now, now.plus(SESSION_LIFETIME));
    return new NewSession(id, csrf);
  }

  public Optional<LiveSession> session(String id) {
    return rows.session(Secrets.digest(id), clock.instant())
        .map(s -> new LiveSession(new Analyst(s.account()), s.csrfToken()));
  }

  public void endSession(String id) {
    rows.deleteSession(Secrets.digest(id), clock.instant());
  }

  public List<AccountRows.Account> list() {
    return rows.accounts();
  }

  @Override
  public void close() {
    rows.close();
  }
}
