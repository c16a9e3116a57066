package org.watchfloor.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which writers racing on one PostgreSQL store committed its articles, for tests
 * that compare them with one ingest of the same input: records, as each transaction commits, the
 * articles it stored, numbered in turn. A deferred trigger runs at the commit, while the
 * transaction still holds its locks, so a writer that waited on one of them numbers its articles
 * after. Writers that share no lock may commit in either order: neither read what the other
 * wrote. So the numbers give an order of one ingest that must make what the writers made together.
 */
public final class CommitOrder {

  private CommitOrder() {}

  /** Starts recording in the store at {@code where}, which must be a PostgreSQL store already migrated. */
  public static void record(StoreLocation where) throws SQLException {
    try (Connection db = where.connect(false); Statement s = db.createStatement()) {
      s.execute("CREATE TABLE test_commit_order (n BIGSERIAL PRIMARY KEY, article_id TEXT NOT NULL)");
      s.execute("CREATE FUNCTION test_record_commit() RETURNS trigger LANGUAGE plpgsql AS"
          + " $$ BEGIN INSERT INTO test_commit_order(article_id) VALUES (NEW.id); RETURN NULL; END $$");
      s.execute("CREATE CONSTRAINT TRIGGER test_commit_order AFTER INSERT ON articles"
          + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_record_commit()");
      db.commit();
    }
  }

  /** The URLs of the articles stored since {@link #record}, in the order their transactions committed. */
  public static List<String> urls(StoreLocation where) throws SQLException {
    List<String> urls = new ArrayList<>();
    try (Connection db = where.connect(true); Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT a.url FROM test_commit_order o JOIN articles a ON a.id = o.article_id ORDER BY o.n")) {
      while (rs.next()) {
        urls.add(rs.getString(1));
      }
      db.commit();
    }
    return urls;
  }
}
