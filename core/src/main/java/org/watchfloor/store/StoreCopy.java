package org.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.WatchfloorException;

/**
 * Copies a whole store from one location to another, either backend to either: every row of the
 * record, with its sequence numbers (so event change sequences, edit ids and alert sequences
 * stay what they were), in one transaction of the destination, which must be empty. The entity
 * index is not copied but rebuilt by the destination's triggers as the events arrive; the search
 * index is built anew at the destination from what was copied.
 */
public final class StoreCopy {

  /**
   * The tables in an order that satisfies their foreign keys, each with what orders its rows as
   * they were inserted (rowid is SQLite's implicit column and the PostgreSQL schema's identity).
   */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("articles", "seq");
    TABLES.put("mentions", "rowid");
    TABLES.put("origins", "id");
    TABLES.put("events", "seq");
    TABLES.put("reports", "id");
    TABLES.put("claims", "rowid");
    TABLES.put("quarantine", "seq");
    TABLES.put("article_sketches", "article_id");
    TABLES.put("article_bands", "rowid");
    TABLES.put("accounts", "name");
    TABLES.put("api_tokens", "token_hash");
    TABLES.put("sessions", "id_hash");
    TABLES.put("edits", "id");
    TABLES.put("alert_rules", "id");
    TABLES.put("alerts", "seq");
    TABLES.put("alert_deliveries", "alert_seq, channel, target");
    TABLES.put("alert_settings", "key");
    TABLES.put("alert_digests", "seq");
    TABLES.put("alert_digest_items", "alert_seq, address");
  }

  /**
   * The tables whose rows are kept, with their columns whose numbers a new row continues after:
   * the keys, and the events' change sequence (on PostgreSQL a sequence of its own, schema 74, that
   * must go on above the numbers copied, or a later write would take one an event holds).
   */
  private static final List<Map.Entry<String, String>> SEQUENCES =
      List.of(Map.entry("articles", "seq"), Map.entry("events", "seq"), Map.entry("events", "change_seq"),
          Map.entry("quarantine", "seq"), Map.entry("edits", "id"), Map.entry("alerts", "seq"),
          Map.entry("alert_digests", "seq"));

  private static final int BATCH = 500;

  private StoreCopy() {}

  /** Rows copied, by table. */
  public record Copied(Map<String, Long> rows) {}

  /**
   * Copies the store at {@code from} (not changed) into the empty store at {@code to} (created,
   * or migrated, first), and brings the destination's search index up to what it then holds.
   */
  public static Copied copy(StoreLocation from, StoreLocation to) {
    Store.openReadOnly(from).close(); // refuses what is not a store of this schema before the destination is made
    try (Store destination = Store.open(to)) {
      refuseUnlessEmpty(destination, to);
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection in = from.connect(true); Connection out = to.connect(false)) {
      to.dialect().beginWriting(out);
      for (Map.Entry<String, String> t : TABLES.entrySet()) {
        rows.put(t.getKey(), copyTable(in, out, t.getKey(), t.getValue()));
      }
      try (Statement read = in.createStatement();
          ResultSet rs = read.executeQuery("SELECT generation FROM index_state WHERE id = 1");
          PreparedStatement write = out.prepareStatement("UPDATE index_state SET generation = ? WHERE id = 1")) {
        rs.next();
        write.setLong(1, rs.getLong(1));
        write.executeUpdate();
      }
      for (Map.Entry<String, String> s : SEQUENCES) {
        to.dialect().continueSequence(out, s.getKey(), s.getValue());
      }
      out.commit();
      in.commit();
    } catch (SQLException e) {
      throw new WatchfloorException("store copy from " + from.name() + " to " + to.name() + ": " + e.getMessage()
          + " (nothing was written to " + to.name() + ")", e);
    }
    try (Store destination = Store.open(to)) {
      destination.syncIndex();
    }
    return new Copied(rows);
  }

  private static void refuseUnlessEmpty(Store destination, StoreLocation to) {
    for (String table : List.of("articles", "events", "edits", "accounts", "alert_rules", "quarantine")) {
      if (destination.count(table) > 0) {
        throw new WatchfloorException.StoreRefused(to.name(),
            "not empty (" + table + " holds rows): a store is copied only into an empty one; left untouched");
      }
    }
  }

  private static long copyTable(Connection in, Connection out, String table, String order) throws SQLException {
    long n = 0;
    try (Statement read = in.createStatement()) {
      read.setFetchSize(BATCH); // PostgreSQL streams the rows (its cursor needs the open transaction) instead of loading all
      try (ResultSet rs = read.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
        ResultSetMetaData meta = rs.getMetaData();
        List<Integer> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String name = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
          // assigned anew by the destination: rowid in the same order, and written_by (PostgreSQL's
          // record of each row's writing transaction, see Dialect#committedSnapshot) as the copy's own
          if (!name.equals("rowid") && !name.equals("written_by")) {
            columns.add(i);
            names.add(name);
          }
        }
        String sql = "INSERT INTO " + table + "(" + String.join(", ", names) + ") VALUES ("
            + String.join(", ", names.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement write = out.prepareStatement(sql)) {
          while (rs.next()) {
            for (int i = 0; i < columns.size(); i++) {
              Object value = rs.getObject(columns.get(i));
              write.setObject(i + 1, value);
            }
            write.addBatch();
            if (++n % BATCH == 0) {
              write.executeBatch();
            }
          }
          write.executeBatch();
        }
      }
    }
    return n;
  }
}
