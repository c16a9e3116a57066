package org.watchfloor.serve.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.watchfloor.WatchfloorException;
import org.watchfloor.store.AccountRows;
import org.watchfloor.store.Store;

/**
 * Local analyst accounts: adding, removing and changing them, checking passwords, issuing,
 * expiring and revoking API tokens, and the web sessions a login starts. Only hashes reach the database (see {@link Passwords}, {@link Secrets}).
 *
 * <p>A session found in the database is remembered for {@link #SESSION_RECHECK}, so that the check
 * every request makes does not queue on the one accounts connection behind other requests and
 * writes. A remembered session is still refused the moment it expires, and logging out forgets it
 * at once; only a session deleted from the database by another process outlives its deletion here,
 * by at most {@link #SESSION_RECHECK}.
 */
public final class Accounts implements AutoCloseable {

  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  /** How long an API token lives unless told otherwise when it is issued. */
  public static final Duration TOKEN_LIFETIME = Duration.ofDays(90);
  /**
   * How often a token's last use is written: at most once this long, so that a client calling
   * many times a second does not make a write of each call.
   */
  static final Duration TOKEN_USE_RECORDED_EVERY = Duration.ofMinutes(1);
  /** The length of a token's id: the start of its digest, shown and used to revoke it. */
  static final int TOKEN_ID_LENGTH = 12;
  public static final int MIN_PASSWORD = 10;
  /** How long a session verified in the database is trusted without reading it again. */
  public static final Duration SESSION_RECHECK = Duration.ofSeconds(30);
  static final String TOKEN_PREFIX = "wft_";
  /** Sessions remembered at most; past it the memory is emptied, and sessions are read again. */
  private static final int SESSIONS_REMEMBERED = 10_000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** A session just started: the id for the cookie and its CSRF token. */
  public record NewSession(String id, String csrfToken) {}

  /** A live session: who it logs in, and the CSRF token its forms must carry. */
  public record LiveSession(Analyst analyst, String csrfToken) {}

  /** A session read from the database, and when it was. */
  private record Verified(AccountRows.Session session, Instant at) {}

  /** An API token just issued: the secret (shown this once), its id and when it expires. */
  public record NewToken(String token, String id, Instant expiresAt) {}

  private final AccountRows rows;
  private final Clock clock;
  /** By id digest. */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

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

  /** A new API token for {@code name} of the default lifetime, returned this once: only its digest is kept. */
  public String issueToken(String name) {
    return issueToken(name, TOKEN_LIFETIME).token();
  }

  /** A new API token for {@code name} valid for {@code lifetime}, returned this once: only its digest is kept. */
  public NewToken issueToken(String name, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new WatchfloorException.BadInput("a token must live a positive time: " + lifetime);
    }
    if (rows.passwordHash(name).isEmpty()) {
      throw new WatchfloorException.BadInput("no account " + name);
    }
    String token = Secrets.token(TOKEN_PREFIX);
    String digest = Secrets.digest(token);
    String id = digest.substring(0, TOKEN_ID_LENGTH);
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    rows.insertToken(digest, id, name, now, expires);
    return new NewToken(token, id, expires);
  }

  /** The analyst holding {@code token} if it is one and has not expired; its use is recorded. */
  public Optional<Analyst> byToken(String token) {
    String digest = Secrets.digest(token);
    Optional<AccountRows.Token> t = rows.token(digest);
    Instant now = clock.instant();
    if (t.isEmpty() || !now.isBefore(t.get().expiresAt())) {
      return Optional.empty();
    }
    Instant last = t.get().lastUsedAt();
    if (last == null || !now.isBefore(last.plus(TOKEN_USE_RECORDED_EVERY))) {
      try {
        rows.tokenUsed(digest, now);
      } catch (WatchfloorException e) {
        // the last use is for the record: a database that cannot take the write must not refuse the token
      }
    }
    return Optional.of(new Analyst(t.get().account()));
  }

  /** Revokes the token with this id (as {@code user list} shows it); the account that held it. */
  public String revokeToken(String id) {
    return rows.deleteToken(id).orElseThrow(() -> new WatchfloorException.BadInput("no API token " + id));
  }

  /** Removes the account {@code name} with its API tokens and sessions. */
  public void remove(String name) {
    if (!rows.deleteAccount(name)) {
      throw new WatchfloorException.BadInput("no account " + name);
    }
    forgetSessionsOf(name);
  }

  /** Sets a new password for {@code name} and ends its sessions; the password array is cleared afterwards. */
  public void changePassword(String name, char[] password) {
    try {
      if (password.length < MIN_PASSWORD) {
        throw new WatchfloorException.BadInput("password shorter than " + MIN_PASSWORD + " characters");
      }
      if (!rows.updatePassword(name, Passwords.hash(password))) {
        throw new WatchfloorException.BadInput("no account " + name);
      }
      forgetSessionsOf(name);
    } finally {
      Passwords.wipe(password);
    }
  }

  private void forgetSessionsOf(String name) {
    verified.values().removeIf(v -> v.session().account().equals(name));
  }

  public NewSession startSession(Analyst analyst) {
    String id = Secrets.token("");
    String csrf = Secrets.token("");
    Instant now = clock.instant();
    rows.insertSession(Secrets.digest(id), analyst.name(), csrf, now, now.plus(SESSION_LIFETIME));
    return new NewSession(id, csrf);
  }

  /** The session with this id if it is live now. */
  public Optional<LiveSession> session(String id) {
    String digest = Secrets.digest(id);
    Instant now = clock.instant();
    Verified v = verified.get(digest);
    if (v == null || !now.isBefore(v.at().plus(SESSION_RECHECK))) {
      if (verified.size() >= SESSIONS_REMEMBERED) {
        verified.clear();
      }
      // read under the entry's lock, so that a logout's removal (after its delete) waits for a read
      // begun before the delete instead of being undone by it
      v = verified.compute(digest, (k, old) -> rows.session(k, now).map(s -> new Verified(s, now)).orElse(null));
      if (v == null) {
        return Optional.empty();
      }
    }
    if (!v.session().expiresAt().isAfter(now)) {
      verified.remove(digest);
      return Optional.empty();
    }
    return Optional.of(new LiveSession(new Analyst(v.session().account()), v.session().csrfToken()));
  }

  public void endSession(String id) {
    String digest = Secrets.digest(id);
    rows.deleteSession(digest, clock.instant());
    verified.remove(digest);
  }

  public List<AccountRows.Account> list() {
    return rows.accounts();
  }

  /** Every API token, without its secret. */
  public List<AccountRows.Token> tokens() {
    return rows.tokens();
  }

  @Override
  public void close() {
    rows.close();
  }
}
