package org.watchfloor.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;

/**
 * Analyst accounts, API tokens and web sessions in the store's database, over a connection of
 * their own that may write: the workbench reads the store read-only, and SQLite's write-ahead log
 * lets this one writer commit beside those readers (and beside an ingest, waiting its turn).
 * Each call is one transaction. Secrets arrive here already hashed; this class never sees them.
 */
public final class AccountRows implements AutoCloseable {

  /** An account as listed: its name, when it was made, and how many API tokens it holds. */
  public record Account(String name, Instant createdAt, int tokens) {}

  /** A live session: the account it logs in, its CSRF token, and when it expires. */
  public record Session(String account, String csrfToken, Instant expiresAt) {}

  /** An API token as stored, without its secret: its id, account, when issued, expiring and last used. */
  public record Token(String id, String account, Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt) {}

  private final Path dir;
  private final Connection db;

  private AccountRows(Path dir, Connection db) {
    this.dir = dir;
    this.db = db;
  }

  /** Opens a writing connection to the database of {@code store} (open, so already migrated). */
  public static AccountRows beside(Store store) {
    StoreLocation where = store.location();
    try {
      Connection db = where.connect(false);
      db.setAutoCommit(true); // each call here is its own transaction (see run)
      return new AccountRows(store.dir(), db);
    } catch (SQLException e) {
      throw new WatchfloorException.StoreRefused(where.name(), "cannot open for accounts: " + e.getMessage());
    }
  }

  /** Adds an account; false when the name is taken. */
  public synchronized boolean insertAccount(String name, String passwordHash, Instant at) {
    return run(() -> {
      try (PreparedStatement ps = db.prepareStatement(
          "INSERT INTO accounts(name, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING")) {
        ps.setString(1, name);
        ps.setString(2, passwordHash);
        ps.setString(3, at.toString());
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** The stored password hash of {@code name}, if the account exists. */
  public synchronized Optional<String> passwordHash(String name) {
    return run(() -> string("SELECT password_hash FROM accounts WHERE name = ?", name));
  }

  public synchronized List<Account> accounts() {
    return run(() -> {
      List<Account> out = new ArrayList<>();
      try (PreparedStatement ps = db.prepareStatement("SELECT a.name, a.created_at,"
          + " (SELECT COUNT(*) FROM api_tokens t WHERE t.account = a.name) FROM accounts a ORDER BY a.name");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Account(rs.getString(1), Instant.parse(rs.getString(2)), rs.getInt(3)));
        }
      }
      return out;
    });
  }

  public synchronized void insertToken(String tokenHash, String id, String account, Instant at, Instant expires) {
    run(() -> {
      try (PreparedStatement ps = db.prepareStatement(
          "INSERT INTO api_tokens(token_hash, id, account, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, tokenHash);
        ps.setString(2, id);
        ps.setString(3, account);
        ps.setString(4, at.toString());
        ps.setString(5, expires.toString());
        return ps.executeUpdate();
      }
    });
  }

  /** The token with this hash, if any, expired or not. */
  public synchronized Optional<Token> token(String tokenHash) {
    return run(() -> {
      List<Token> found = tokens("WHERE token_hash = ?", tokenHash);
      return found.isEmpty() ? Optional.<Token>empty() : Optional.of(found.get(0));
    });
  }

  /** Every API token, by account and then by issue. */
  public synchronized List<Token> tokens() {
    return run(() -> tokens("", null));
  }

  private List<Token> tokens(String where, @Nullable String key) throws SQLException {
    List<Token> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT id, account, created_at, expires_at, last_used_at"
        + " FROM api_tokens " + where + " ORDER BY account, created_at, id")) {
      if (key != null) {
        ps.setString(1, key);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String used = rs.getString(5);
          out.add(new Token(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
              Instant.parse(rs.getString(4)), used == null ? null : Instant.parse(used)));
        }
      }
    }
    return out;
  }

  /** Records that the token with this hash was used at {@code at}. */
  public synchronized void tokenUsed(String tokenHash, Instant at) {
    run(() -> {
      try (PreparedStatement ps = db.prepareStatement("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?")) {
        ps.setString(1, at.toString());
        ps.setString(2, tokenHash);
        return ps.executeUpdate();
      }
    });
  }

  /** Deletes the token with this id; the account that held it, if there was one. */
  public synchronized Optional<String> deleteToken(String id) {
    return run(() -> {
      Optional<String> account = string("SELECT account FROM api_tokens WHERE id = ?", id);
      if (account.isPresent()) {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM api_tokens WHERE id = ?")) {
          ps.setString(1, id);
          ps.executeUpdate();
        }
      }
      return account;
    });
  }

  /** Deletes the account with its tokens and sessions; false when there was none. */
  public synchronized boolean deleteAccount(String name) {
    return run(() -> {
      try (PreparedStatement ps = db.prepareStatement("DELETE FROM accounts WHERE name = ?")) {
        ps.setString(1, name);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * Replaces the password hash of {@code name} and ends its sessions, in one transaction; false
   * when there is no such account.
   */
  public synchronized boolean updatePassword(String name, String passwordHash) {
    return run(() -> {
      db.setAutoCommit(false);
      try {
        boolean found;
        try (PreparedStatement ps = db.prepareStatement("UPDATE accounts SET password_hash = ? WHERE name = ?")) {
          ps.setString(1, passwordHash);
          ps.setString(2, name);
          found = ps.executeUpdate() == 1;
        }
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM sessions WHERE account = ?")) {
          ps.setString(1, name);
          ps.executeUpdate();
        }
        db.commit();
        return found;
      } catch (SQLException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    });
  }

  public synchronized void insertSession(String idHash, String account, String csrfToken, Instant at, Instant expires) {
    run(() -> {
      try (PreparedStatement ps = db.prepareStatement(
          "INSERT INTO sessions(id_hash, account, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, idHash);
        ps.setString(2, account);
        ps.setString(3, csrfToken);
        ps.setString(4, at.toString());
        ps.setString(5, expires.toString());
        return ps.executeUpdate();
      }
    });
  }

  /** The session with this id hash if it has not expired by {@code now}. */
  public synchronized Optional<Session> session(String idHash, Instant now) {
    return run(() -> {
      try (PreparedStatement ps =
          db.prepareStatement("SELECT account, csrf_token, expires_at FROM sessions WHERE id_hash = ?")) {
        ps.setString(1, idHash);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Session>empty();
          }
          Instant expires = Instant.parse(rs.getString(3));
          return expires.isAfter(now) ? Optional.of(new Session(rs.getString(1), rs.getString(2), expires))
              : Optional.<Session>empty();
        }
      }
    });
  }

  /** Ends the session with this id hash, and every session that expired by {@code now}. */
  public synchronized void deleteSession(String idHash, Instant now) {
    run(() -> {
      try (PreparedStatement ps = db.prepareStatement("DELETE FROM sessions WHERE id_hash = ? OR expires_at <= ?")) {
        ps.setString(1, idHash);
        ps.setString(2, now.toString());
        return ps.executeUpdate();
      }
    });
  }

  private Optional<String> string(String sql, String key) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private <T> T run(Store.SqlWork<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new WatchfloorException("store " + dir + ": accounts: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // nothing was pending: every call committed on its own
    }
  }
}
