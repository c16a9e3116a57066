package org.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests of the PostgreSQL backend run against: the one {@value #ENV}
 * names ({@code postgresql://host:port/db} of a database the PGUSER of the environment may create
 * databases from; {@code .ci/run} starts a throwaway cluster and sets both). Each test gets a
 * database of its own, dropped after.
 *
 * <p>Without a reachable server the PostgreSQL cases are skipped, saying why, on a developer's
 * machine; in CI ({@code CI=true}) they fail instead, so that a server that did not start never
 * passes for a backend that works.
 */
public final class TestPostgres {

  public static final String ENV = "WATCHFLOOR_TEST_PG";

  private TestPostgres() {}

  /** A new empty database on the test server, as {@code --store} names it; dropped by {@link #drop}. */
  public static String createDatabase() {
    StoreLocation.Server admin = admin();
    String name = "wf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection db = admin.connect(false); Statement s = db.createStatement()) {
      db.setAutoCommit(true);
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new AssertionError("cannot create a database on " + admin.name() + ": " + e.getMessage(), e);
    }
    String url = System.getenv(ENV);
    return url.substring(0, url.lastIndexOf('/') + 1) + name;
  }

  /** The database {@code store} ({@link #createDatabase}) as a process whose local cache is {@code cache} names it. */
  public static StoreLocation location(String store, java.nio.file.Path cache) {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.put(StoreLocation.CACHE_ENV, cache.toString());
    return StoreLocation.parse(store, env);
  }

  /** Drops the database {@link #createDatabase} made. */
  public static void drop(String store) {
    String name = store.substring(store.lastIndexOf('/') + 1);
    try (Connection db = admin().connect(false); Statement s = db.createStatement()) {
      db.setAutoCommit(true);
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new AssertionError("cannot drop " + name + ": " + e.getMessage(), e);
    }
  }

  /** Waits until a statement on the store's database waits for a lock another transaction holds. */
  public static void awaitWaitingOnALock(StoreLocation where) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection db = where.connect(true);
        PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            db.rollback();
            return;
          }
        }
        db.rollback();
        Thread.sleep(20);
      }
    }
    throw new AssertionError("no writer came to wait on a lock within 30 s");
  }

  /** The server's administrative database, after making sure it can be reached (see the class comment). */
  private static StoreLocation.Server admin() {
    String url = System.getenv(ENV);
    String why;
    if (url == null || url.isBlank()) {
      why = ENV + " is not set (postgresql://host:port/db of a test server, as .ci/run sets it)";
    } else {
      StoreLocation.Server server = (StoreLocation.Server) StoreLocation.parse(url, System.getenv());
      try (Connection db = server.connect(true)) {
        return server;
      } catch (SQLException e) {
        why = "no PostgreSQL server reachable at " + url + ": " + e.getMessage();
      } catch (ClassCastException e) {
        why = ENV + "=" + url + " is not a PostgreSQL URL";
      }
    }
    if (inCi(System.getenv())) {
      Assertions.fail("CI must test the PostgreSQL backend, but " + why);
    }
    Assumptions.abort("PostgreSQL backend not tested: " + why);
    throw new IllegalStateException("unreachable");
  }

  static boolean inCi(Map<String, String> env) {
    return "true".equals(env.getOrDefault("CI", "").toLowerCase(Locale.ROOT));
  }
}
