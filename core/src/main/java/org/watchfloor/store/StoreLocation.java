package org.watchfloor.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;

/**
 * Where a store's record lives: an SQLite database in a store directory (the default), or a
 * PostgreSQL database that a team shares. Either way the process keeps its search index (and
 * vectors) in a local directory, {@link #dir}: the store directory itself, or for a server a
 * cache directory named after the database, caught up from the database like the store
 * directory's own index (by the rows' writing transactions as well as their sequence numbers,
 * since several writers commit those out of order: see {@link Dialect#committedSnapshot}).
 */
public sealed interface StoreLocation {

  /** The environment variable naming a file that holds the PostgreSQL password (its first line). */
  String PASSWORD_FILE_ENV = "WATCHFLOOR_PGPASSWORD_FILE";

  /** The environment variable naming the directory under which server stores keep their local index. */
  String CACHE_ENV = "WATCHFLOOR_CACHE";

  Dialect dialect();

  /** The local directory of the search index and vectors (for SQLite, the store directory). */
  Path dir();

  /** How messages name the store: its directory, or its URL (never with credentials). */
  String name();

  /** A new connection to the record, not in auto-commit, set up as every connection must be. */
  Connection connect(boolean readOnly) throws SQLException;

  /** The store in directory {@code dir}, SQLite's. */
  static StoreLocation directory(Path dir) {
    return new Directory(dir.toAbsolutePath().normalize());
  }

  /**
   * What {@code --store} names: a PostgreSQL URL ({@code postgresql://host[:port]/db}, {@code
   * postgres://…} or {@code jdbc:postgresql:…}), else a directory. Credentials come from {@code
   * env} (PGUSER, PGPASSWORD, or a file named by {@value #PASSWORD_FILE_ENV}; else the driver
   * reads PGPASSFILE or ~/.pgpass); a URL carrying a password is refused, since a command line is
   * seen by every user of the machine.
   */
  static StoreLocation parse(String store, Map<String, String> env) {
    String lower = store.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return Server.of(store, store.substring("jdbc:".length()), env);
    }
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      String rest = store.substring(store.indexOf("://"));
      return Server.of(store, "postgresql" + rest, env);
    }
    return directory(Path.of(store));
  }

  /** An SQLite store: the database file and the index in one directory. */
  record Directory(Path dir) implements StoreLocation {

    /** How much of the database file a read-only connection maps (SQLite maps no more than the file). */
    static final long READ_MAP_BYTES = 1L << 30;

    @Override
    public Dialect dialect() {
      return Dialect.SQLITE;
    }

    @Override
    public String name() {
      return dir.toString();
    }

    @Override
    public Connection connect(boolean readOnly) throws SQLException {
      org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
      config.setReadOnly(readOnly);
      config.setBusyTimeout(10000);
      Connection db = DriverManager.getConnection(url(), config.toProperties());
      if (!readOnly) {
        Dialect.SQLITE.configure(db);
        try (java.sql.Statement s = db.createStatement()) {
          s.execute("PRAGMA journal_mode=WAL");
          // 64 MB of page cache (not Java heap) instead of SQLite's 2 MB: lookups by band key and
          // event date read pages all over a multi-gigabyte file, and each miss costs a read call
          s.execute("PRAGMA cache_size=-65536");
        }
      } else {
        try (java.sql.Statement s = db.createStatement()) {
          // a reader (the workbench keeps several) maps the file instead of copying each page it
          // misses in its 2 MB cache with a read call: the event table and its indexes are read
          // all over by every page of events, and the mapping is shared with the other readers
          s.execute("PRAGMA mmap_size=" + READ_MAP_BYTES);
        }
      }
      db.setAutoCommit(false);
      return db;
    }

    String url() {
      return "jdbc:sqlite:" + dir.resolve(Store.DB_FILE);
    }
  }

  /**
   * A PostgreSQL database. {@code url} is the JDBC URL without credentials, {@code user} and
   * {@code password} from the environment ({@code password} null for the driver's password file).
   */
  record Server(String url, @Nullable String user, @Nullable String password, Path dir) implements StoreLocation {

    static Server of(String given, String uriText, Map<String, String> env) {
      URI uri;
      try {
        uri = new URI(uriText);
      } catch (URISyntaxException e) {
        throw new WatchfloorException.BadInput("--store " + given + ": not a PostgreSQL URL: " + e.getMessage());
      }
      if (uri.getRawUserInfo() != null || (uri.getRawQuery() != null && uri.getRawQuery().toLowerCase(Locale.ROOT)
          .matches("(.*&)?(password|user)=.*"))) {
        String shown = given.replaceAll("//[^/@]*@", "//…@").replaceAll("(?i)((password|user)=)[^&]*", "$1…");
        throw new WatchfloorException.BadInput("--store " + shown + ": give no user or password in the URL (a command"
            + " line is visible to every user of the machine): set PGUSER and PGPASSWORD, or " + PASSWORD_FILE_ENV);
      }
      String host = uri.getHost();
      String path = uri.getPath();
      if (host == null || path == null || path.length() < 2) {
        throw new WatchfloorException.BadInput("--store " + given + ": expected postgresql://host[:port]/database");
      }
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      String database = path.substring(1);
      String url = "jdbc:postgresql://" + host + ":" + port + "/" + database
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String password = env.get("PGPASSWORD");
      String file = env.get(PASSWORD_FILE_ENV);
      if (password == null && file != null) {
        try {
          password = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
          throw new WatchfloorException.BadInput(PASSWORD_FILE_ENV + "=" + file + ": cannot read the password: " + e);
        }
      }
      Path cache = cacheRoot(env).resolve("pg-" + sanitize(host) + "-" + port + "-" + sanitize(database) + "-"
          + digest(url).substring(0, 12));
      return new Server(url, env.get("PGUSER"), password, cache);
    }

    private static Path cacheRoot(Map<String, String> env) {
      String root = env.get(CACHE_ENV);
      if (root != null && !root.isBlank()) {
        return Path.of(root);
      }
      String xdg = env.get("XDG_CACHE_HOME");
      Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
      return base.resolve("watchfloor");
    }

    private static String sanitize(String s) {
      return s.replaceAll("[^A-Za-z0-9._]", "_");
    }

    private static String digest(String s) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Dialect dialect() {
      return Dialect.POSTGRESQL;
    }

    @Override
    public String name() {
      return url.substring("jdbc:".length());
    }

    @Override
    public Connection connect(boolean readOnly) throws SQLException {
      Connection db = DriverManager.getConnection(url, properties());
      db.setAutoCommit(false);
      db.setReadOnly(readOnly);
      return db;
    }

    /** The driver's properties: the credentials, and what makes it bind as SQLite's driver does. */
    Properties properties() {
      Properties p = new Properties();
      if (user != null) {
        p.setProperty("user", user);
      }
      if (password != null) {
        p.setProperty("password", password);
      }
      // Parameters set as strings are typed by the server from where they stand (LIMIT ?, a number
      // column), as SQLite takes them, instead of failing as varchar against bigint.
      p.setProperty("stringtype", "unspecified");
      p.setProperty("ApplicationName", "watchfloor");
      p.setProperty("reWriteBatchedInserts", "true");
      return p;
    }

    @Override
    public String toString() {
      return "Server[" + name() + "]"; // never the password
    }
  }
}
