package org.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;
import org.watchfloor.model.Mention;

/**
 * The scratch tables of re-processing: the parsed articles, mentions, events, reports and
 * claims derived again, held in temporary tables of this connection ({@code events_next} …)
 * until {@link #swap} replaces the derived data of the store with them in one transaction.
 *
 * <p>Temporary tables vanish with the process, so a re-processing killed before the swap
 * leaves the store exactly as it was, and one killed during it is rolled back by SQLite: the
 * store holds either the old derived data or the new, never a mixture.
 */
public final class ShadowTables {

  static final String SUFFIX = "_next";
  private static final List<String> TABLES =
      List.of("events_next", "reports_next", "claims_next", "mentions_next", "articles_next", "event_ids_next");

  private static final String REPORT_COLUMNS = "id, article_id, event_id, type, date_earliest, date_latest,"
      + " date_precision, planned, background, actors, weapons, locations, attributes, evidence, evidence_start,"
      + " evidence_end, attribution, certainty, origin, recap";
  private static final String CLAIM_COLUMNS = "report_id, field, value, start_pos, end_pos";
  private static final String MENTION_COLUMNS = "article_id, kind, start_pos, end_pos, text, value";

  private final Connection db;
  private final Dialect dialect;
  /** The store's own tables, named apart from the temporary ones. */
  private final String main;

  ShadowTables(Connection db) {
    this.db = db;
    this.dialect = EventRows.dialectOf(db);
    this.main = dialect.permanentPrefix();
  }

  /** A stored article with the bytes it was parsed from, and its place in ingest order. */
  public record Stored(long seq, Article article, RawDocument raw) {}

  /** How many articles a new event shares with an old one (same article, same report type). */
  public record Overlap(String newEvent, String oldEvent, int articles) {}

  /** Creates the scratch tables empty, dropping what an interrupted run left. */
  public void begin() throws SQLException {
    drop();
    try (Statement s = db.createStatement()) {
      for (String ddl : dialect.shadowTables()) {
        s.execute(ddl);
      }
    }
  }

  /** Drops the scratch tables. */
  public void drop() throws SQLException {
    try (Statement s = db.createStatement()) {
      for (String t : TABLES) {
        s.execute("DROP TABLE IF EXISTS " + dialect.temporary(t));
      }
    }
  }

  /** The events, reports and claims derived again. */
  public EventRows events() {
    return new EventRows(db, SUFFIX);
  }

  /** Up to {@code limit} stored articles after {@code seq}, in ingest order, with their raw bytes. */
  public List<Stored> after(long seq, int limit) throws SQLException {
    List<Stored> out = new ArrayList<>();
    ArticleRows articles = new ArticleRows(db);
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT seq, id, source, source_path, raw, raw_format, raw_metadata FROM articles WHERE seq > ?"
            + " ORDER BY seq LIMIT ?")) {
      ps.setLong(1, seq);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          RawDocument raw = new RawDocument(rs.getString("source"), rs.getString("source_path"),
              RawDocument.Format.valueOf(rs.getString("raw_format")), rs.getBytes("raw"),
              Json.map(rs.getString("raw_metadata")));
          out.add(new Stored(rs.getLong("seq"), articles.get(rs.getString("id")).orElseThrow(), raw));
        }
      }
    }
    return out;
  }

  /** Records an article as parsed again, with its mentions. */
  public void insertArticle(Article a, List<Mention> mentions) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
        "INSERT INTO articles_next(id, outlet, title, byline, published, published_utc, language, text,"
            + " content_hash, flags) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET outlet = excluded.outlet,"
            + " title = excluded.title, byline = excluded.byline, published = excluded.published,"
            + " published_utc = excluded.published_utc, language = excluded.language, text = excluded.text,"
            + " content_hash = excluded.content_hash, flags = excluded.flags")) {
      ps.setString(1, a.id());
      ps.setString(2, a.outlet());
      ps.setString(3, a.title());
      ps.setString(4, a.byline());
      ps.setString(5, a.published() == null ? null : a.published().iso());
      ps.setString(6, a.published() == null ? null
          : a.published().time().withOffsetSameInstant(ZoneOffset.UTC).toString());
      ps.setString(7, a.language());
      ps.setString(8, a.text());
      ps.setString(9, a.contentHash());
      ps.setString(10, Json.write(a.flags().stream().map(ArticleFlag::label).sorted().toList()));
      ps.executeUpdate();
    }
    ArticleRows.insertMentions(db, "mentions_next", a.id(), mentions);
  }

  /** The ids of the events derived again. */
  public Set<String> newEvents() throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT id FROM events_next ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * For each new event and old event, how many articles have a report of the same type in
   * both: what the carry-over of event ids goes by.
   */
  public List<Overlap> overlaps() throws SQLException {
    List<Overlap> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT n.event_id, o.event_id, COUNT(DISTINCT n.article_id) FROM reports_next n"
            + " JOIN " + main + "reports o ON o.article_id = n.article_id AND o.type = n.type"
            + " GROUP BY n.event_id, o.event_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Overlap(rs.getString(1), rs.getString(2), rs.getInt(3)));
      }
    }
    return out;
  }

  /**
   * Replaces the store's derived data (mentions, events, reports, claims and the parsed fields
   * of the articles) with the scratch tables', each new event under the id {@code ids} gives
   * it; runs inside the caller's transaction, so it happens entirely or not at all.
   *
   * @return how many events there were before, and how many of the new ones kept an old id
   */
  public Swapped swap(Map<String, String> ids) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO event_ids_next(new_id, final_id) VALUES (?, ?)")) {
      for (Map.Entry<String, String> e : ids.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setString(2, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    long lastChange = number("SELECT COALESCE(MAX(change_seq), 0) FROM " + main + "events");
    int before = (int) number("SELECT COUNT(*) FROM " + main + "events");
    int kept = (int) number("SELECT COUNT(*) FROM event_ids_next WHERE final_id IN (SELECT id FROM " + main + "events)");
    try (Statement s = db.createStatement()) {
      s.executeUpdate("DELETE FROM " + main + "claims");
      s.executeUpdate("DELETE FROM " + main + "reports");
      s.executeUpdate("DELETE FROM " + main + "events");
      s.executeUpdate("DELETE FROM " + main + "mentions WHERE article_id IN (SELECT id FROM articles_next)");
      s.executeUpdate("UPDATE " + main + "articles SET (outlet, title, byline, published, published_utc, language, text,"
          + " content_hash, flags) = (SELECT n.outlet, n.title, n.byline, n.published, n.published_utc, n.language,"
          + " n.text, n.content_hash, n.flags FROM articles_next n WHERE n.id = articles.id)"
          + " WHERE id IN (SELECT id FROM articles_next)");
      s.executeUpdate("INSERT INTO " + main + "events(id, type, date_earliest, date_latest, date_precision, planned, actors,"
          + " weapons, locations, attributes, summary, confidence, report_count, independent_origins, conflicts,"
          + " created_at, updated_at, change_seq) SELECT m.final_id, n.type, n.date_earliest, n.date_latest,"
          + " n.date_precision, n.planned, n.actors, n.weapons, n.locations, n.attributes, n.summary, n.confidence,"
          + " n.report_count, n.independent_origins, n.conflicts, n.created_at, n.updated_at,"
          + " " + dialect.changeSeqsAfter(lastChange, "n.seq")
          + " FROM events_next n JOIN event_ids_next m ON m.new_id = n.id ORDER BY n.seq");
      s.executeUpdate("INSERT INTO " + main + "reports(" + REPORT_COLUMNS + ") SELECT r.id, r.article_id, m.final_id, r.type, r.date_earliest,"
          + " r.date_latest, r.date_precision, r.planned, r.background, r.actors, r.weapons, r.locations,"
          + " r.attributes, r.evidence, r.evidence_start, r.evidence_end, r.attribution, r.certainty, r.origin, r.recap"
          + " FROM reports_next r JOIN event_ids_next m ON m.new_id = r.event_id");
      s.executeUpdate("INSERT INTO " + main + "claims(" + CLAIM_COLUMNS + ") SELECT " + CLAIM_COLUMNS + " FROM claims_next");
      s.executeUpdate(
          "INSERT INTO " + main + "mentions(" + MENTION_COLUMNS + ") SELECT " + MENTION_COLUMNS + " FROM mentions_next");
    }
    return new Swapped(before, kept);
  }

  /** What a swap replaced: the number of events before it, and of new events under an old id. */
  public record Swapped(int eventsBefore, int idsKept) {}

  private long number(String sql) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
