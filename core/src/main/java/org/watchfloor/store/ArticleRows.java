package org.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;
import org.watchfloor.model.Mention;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Published;

/** The articles of the store, with their raw bytes and mentions. */
public final class ArticleRows {

  private static final String COLUMNS =
      "seq, id, url, source_path, outlet, title, byline, published, language, text, content_hash,"
          + " flags, copy_of, extra, problems";

  private final Connection db;
  private @Nullable Dialect dialect;

  ArticleRows(Connection db) {
    this.db = db;
  }

  /**
   * What the store holds of {@code article}'s text. {@code duplicate}: the id of a stored article
   * it duplicates, the same id (the same bytes and metadata) or the same URL with the same text.
   * Else {@code sameText}: the earliest published article from another outlet or URL with the same
   * text, what a copy copies. One statement answers both, since on a server each costs a round trip.
   */
  public Known known(Article article) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT id, CASE WHEN id = ? THEN 0 WHEN url = ? THEN 1 ELSE 2 END AS k"
        + " FROM articles WHERE id = ? OR content_hash = ? ORDER BY k, published_utc, seq LIMIT 1")) {
      ps.setString(1, article.id());
      ps.setString(2, article.url());
      ps.setString(3, article.id());
      ps.setString(4, article.contentHash());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Known(Optional.empty(), Optional.empty());
        }
        Optional<String> id = Optional.of(rs.getString(1));
        return rs.getInt(2) < 2 ? new Known(id, Optional.empty()) : new Known(Optional.empty(), id);
      }
    }
  }

  /** See {@link #known}: at most one of the two is present. */
  public record Known(Optional<String> duplicate, Optional<String> sameText) {}

  /**
   * On a shared store, locks the article's text (its content hash) and its near-duplicate band
   * keys, in one statement, before either is looked up: two writers given the same article, or
   * the same text under two URLs, store it one after the other, so the second finds the first a
   * duplicate or a copy; and a near copy shares a band key with its original, so the two are
   * stored in turn too (see {@link AdvisoryLocks}).
   */
  public void lockContent(Article article, List<String> bandKeys) throws SQLException {
    if (dialect() == Dialect.POSTGRESQL) {
      List<String> names = new ArrayList<>(bandKeys.size() + 1);
      names.add("text|" + article.contentHash());
      bandKeys.forEach(k -> names.add("band|" + k));
      AdvisoryLocks.lock(db, dialect(), names);
    }
  }

  /** The database's dialect, read off the connection once: the locks above ask for it on every article. */
  private Dialect dialect() {
    if (dialect == null) {
      dialect = EventRows.dialectOf(db);
    }
    return dialect;
  }

  /**
   * Stores an article's MinHash sketch under its band keys, with its figures (the words holding a
   * digit) that a later near-duplicate check compares.
   */
  public void insertSketch(String articleId, byte[] sketch, Collection<String> figures, List<String> bandKeys)
      throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement("INSERT INTO article_sketches(article_id, minhash, figures) VALUES (?, ?, ?)"
            + " ON CONFLICT(article_id) DO UPDATE SET minhash = excluded.minhash, figures = excluded.figures")) {
      ps.setString(1, articleId);
      ps.setBytes(2, sketch);
      ps.setString(3, String.join(" ", figures));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO article_bands(band_key, article_id) VALUES (?, ?)")) {
      for (String key : bandKeys) {
        ps.setString(1, key);
        ps.setString(2, articleId);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * A stored article's sketch, with its figures, or null where the sketch was stored before
   * figures were (schema 8).
   */
  public record Sketch(byte[] minhash, @Nullable Set<String> figures) {}

  /**
   * The sketches of stored articles sharing at least one of the band keys, earliest stored
   * first; at most {@code perKey} articles a key, the newest stored, so a key common to
   * boilerplate cannot make the lookup grow with the store. The newest, because copies follow
   * their original closely: the earliest articles of a common key are old stories a new article
   * does not copy, and a story copied more often than {@code perKey} times is still found
   * through its latest copies, whose origin is the original's.
   */
  public Map<String, Sketch> sketchesSharing(List<String> bandKeys, int perKey) throws SQLException {
    Map<String, Sketch> ordered = new java.util.LinkedHashMap<>();
    if (dialect() == Dialect.POSTGRESQL) {
      // One statement for all the keys: a server answers each statement in a round trip, and one
      // per key (20 an article) was the largest part of an ingest's time spent waiting for it. The
      // join to articles and sketches inside each key's lookup is left out: every band row has
      // both (the three are written in one transaction, and deleted with the article). The server
      // keeps one plan for the statement, made while a new store is small, so its shape is fixed:
      // each key's newest rows from the (band_key, rowid) index of schema 72, and each article's
      // row and sketch by primary key (OFFSET 0 keeps the planner from turning those lookups into
      // joins, which it plans as scans of whole tables while it believes them small).
      java.sql.Array keys = db.createArrayOf("text", bandKeys.toArray());
      try (PreparedStatement ps = db.prepareStatement("SELECT d.article_id, a.seq, s.minhash, s.figures FROM"
          + " (SELECT DISTINCT n.article_id FROM unnest(?) AS k(key) CROSS JOIN LATERAL"
          + " (SELECT b.article_id FROM article_bands b WHERE b.band_key = k.key ORDER BY b.rowid DESC LIMIT ?) n) d"
          + " CROSS JOIN LATERAL (SELECT seq FROM articles WHERE id = d.article_id OFFSET 0) a"
          + " CROSS JOIN LATERAL (SELECT minhash, figures FROM article_sketches WHERE article_id = d.article_id OFFSET 0) s"
          + " ORDER BY a.seq")) {
        ps.setArray(1, keys);
        ps.setInt(2, perKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ordered.put(rs.getString(1), sketch(rs.getBytes(3), rs.getString(4)));
          }
        }
      } finally {
        keys.free();
      }
      return ordered;
    }
    Map<String, Long> seqs = new java.util.HashMap<>();
    Map<String, Sketch> sketches = new java.util.HashMap<>();
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT b.article_id, a.seq, s.minhash, s.figures FROM article_bands b JOIN articles a ON a.id = b.article_id"
                + " JOIN article_sketches s ON s.article_id = b.article_id WHERE b.band_key = ? ORDER BY b.rowid DESC LIMIT ?")) {
      for (String key : bandKeys) {
        ps.setString(1, key);
        ps.setInt(2, perKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (seqs.putIfAbsent(rs.getString(1), rs.getLong(2)) == null) {
              sketches.put(rs.getString(1), sketch(rs.getBytes(3), rs.getString(4)));
            }
          }
        }
      }
    }
    seqs.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> ordered.put(e.getKey(), sketches.get(e.getKey())));
    return ordered;
  }

  private static Sketch sketch(byte[] minhash, @Nullable String figures) {
    return new Sketch(minhash,
        figures == null ? null : figures.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(figures.split(" "))));
  }

  /** Records that every article was extracted again by {@code extractor} (a reprocess). */
  public void markAllExtracted(String extractor) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("UPDATE articles SET extracted_by = ?")) {
      ps.setString(1, extractor);
      ps.executeUpdate();
    }
  }

  /** The version of the extractor that made an article's reports; empty when unknown. */
  public Optional<String> extractedBy(String articleId) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT extracted_by FROM articles WHERE id = ?")) {
      ps.setString(1, articleId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public void insert(Article a, RawDocument raw, List<Mention> mentions) throws SQLException {
    insert(a, raw, mentions, null);
  }

  /**
   * Stores an article with its raw bytes and mentions, and which extractor (its version) made its
   * mentions and reports, if known: in the statement that stores it, not one more.
   */
  public void insert(Article a, RawDocument raw, List<Mention> mentions, @Nullable String extractedBy) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO articles(id, url, source_path, source, outlet, title, byline, published, published_utc,"
                + " language, text, content_hash, flags, copy_of, extra, problems, raw, raw_format, raw_metadata,"
                + " ingested_at, extracted_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, a.id());
      ps.setString(2, a.url());
      ps.setString(3, a.sourcePath());
      ps.setString(4, raw.source());
      ps.setString(5, a.outlet());
      ps.setString(6, a.title());
      ps.setString(7, a.byline());
      ps.setString(8, a.published() == null ? null : a.published().iso());
      ps.setString(9, a.published() == null ? null : a.published().time().withOffsetSameInstant(ZoneOffset.UTC).toString());
      ps.setString(10, a.language());
      ps.setString(11, a.text());
      ps.setString(12, a.contentHash());
      ps.setString(13, Json.write(a.flags().stream().map(ArticleFlag::label).sorted().toList()));
      ps.setString(14, a.copyOf());
      ps.setString(15, Json.write(a.extra()));
      ps.setString(16, Json.write(a.problems()));
      ps.setBytes(17, raw.bytes());
      ps.setString(18, raw.format().name());
      ps.setString(19, Json.write(raw.metadata()));
      ps.setString(20, Instant.now().toString());
      ps.setString(21, extractedBy);
      ps.executeUpdate();
    }
    insertMentions(db, "mentions", a.id(), mentions);
  }

  /** Writes an article's mentions into {@code table} (the live table, or re-processing's scratch copy). */
  static void insertMentions(Connection db, String table, String articleId, List<Mention> mentions)
      throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
        "INSERT INTO " + table + "(article_id, kind, start_pos, end_pos, text, value) VALUES (?,?,?,?,?,?)")) {
      for (Mention m : mentions) {
        ps.setString(1, articleId);
        ps.setString(2, m.kind().label());
        ps.setInt(3, m.start());
        ps.setInt(4, m.end());
        ps.setString(5, m.text());
        ps.setString(6, m.value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public Optional<Article> get(String id) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT " + COLUMNS + " FROM articles WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /**
   * The articles with these ids that exist, by id: one statement per few hundred ids, for a page
   * of events whose reports come from many articles.
   */
  public java.util.Map<String, Article> get(java.util.Collection<String> ids) throws SQLException {
    java.util.Map<String, Article> out = new java.util.HashMap<>();
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
    for (int from = 0; from < all.size(); from += IDS_PER_STATEMENT) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_STATEMENT));
      try (PreparedStatement ps = db.prepareStatement("SELECT " + COLUMNS + " FROM articles WHERE id IN ("
          + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Article a = read(rs);
            out.put(a.id(), a);
          }
        }
      }
    }
    return out;
  }

  /** Ids bound in one statement: well under every database's limit on parameters. */
  private static final int IDS_PER_STATEMENT = 500;

  /** How an evaluation names a stored article: its id, URL and source path, without its text. */
  public record Ref(String id, @Nullable String url, @Nullable String sourcePath) {}

  /** Every stored article's {@link Ref}, in storing order: light enough for a million articles. */
  public List<Ref> refs() throws SQLException {
    List<Ref> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT id, url, source_path FROM articles ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Ref(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return out;
  }

  /** Every article in ingest order, or those of one outlet; {@code limit} 0 for all. */
  public List<Article> list(@Nullable String outlet, int limit) throws SQLException {
    List<Article> out = new ArrayList<>();
    try (PreparedStatement ps = inIngestOrder(outlet, limit); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(read(rs));
      }
    }
    return out;
  }

  /**
   * The articles {@link #list} returns, in its order, handed to {@code sink} as they are read from
   * the cursor, so that no list of them (and of their texts) is held: for exports of any size.
   * Reads until the sink says stop or the rows end.
   */
  public void forEach(@Nullable String outlet, int limit, ArticleSink sink) throws SQLException, java.io.IOException {
    try (PreparedStatement ps = inIngestOrder(outlet, limit)) {
      ps.setFetchSize(EventRows.STREAM_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!sink.accept(read(rs))) {
            return;
          }
        }
      }
    }
  }

  /** The statement of {@link #list} and {@link #forEach}, its parameter bound. */
  private PreparedStatement inIngestOrder(@Nullable String outlet, int limit) throws SQLException {
    PreparedStatement ps = db.prepareStatement("SELECT " + COLUMNS + " FROM articles"
        + (outlet == null ? "" : " WHERE outlet = ?") + " ORDER BY seq" + (limit > 0 ? " LIMIT " + limit : ""));
    try {
      if (outlet != null) {
        ps.setString(1, outlet);
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  /** Receives articles one by one as they are read. */
  @FunctionalInterface
  public interface ArticleSink {
    /** Takes {@code a}; {@code false} to stop reading. */
    boolean accept(Article a) throws SQLException, java.io.IOException;
  }

  /**
   * An article as a list of articles shows it, without its text: its id, URL, outlet, title,
   * publication time, flags, and the article it is a copy of ({@code null} for an original).
   */
  public record Listed(String id, @Nullable String url, @Nullable String outlet, @Nullable String title,
      @Nullable Published published, Set<ArticleFlag> flags, @Nullable String copyOf) {}

  private static final String LISTED_COLUMNS = "id, url, outlet, title, published, flags, copy_of";

  /**
   * Originals {@code offset} to {@code offset + limit} (articles that are no copy), newest
   * published first, undated last, then in storing order.
   */
  public List<Listed> originals(int limit, int offset) throws SQLException {
    return listed("SELECT " + LISTED_COLUMNS + " FROM articles WHERE copy_of IS NULL"
        + " ORDER BY published_utc IS NULL, published_utc DESC, seq DESC LIMIT ? OFFSET ?", limit, offset);
  }

  /** How many articles are no copy. */
  public long countOriginals() throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM articles WHERE copy_of IS NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The copies of these articles, in storing order, read through the index of schema 60. */
  public List<Listed> copiesOf(Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    return listed("SELECT " + LISTED_COLUMNS + " FROM articles WHERE copy_of IN (" + marks + ") ORDER BY seq",
        ids.toArray());
  }

  private List<Listed> listed(String sql, Object... params) throws SQLException {
    List<Listed> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Set<ArticleFlag> flags = EnumSet.noneOf(ArticleFlag.class);
          for (String f : Json.list(rs.getString("flags"))) {
            flags.add(ArticleFlag.fromLabel(f));
          }
          String published = rs.getString("published");
          out.add(new Listed(rs.getString("id"), rs.getString("url"), rs.getString("outlet"), rs.getString("title"),
              published == null ? null : Published.parse(published), flags, rs.getString("copy_of")));
        }
      }
    }
    return out;
  }

  public List<Mention> mentions(String articleId) throws SQLException {
    List<Mention> out = new ArrayList<>();
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT kind, start_pos, end_pos, text, value FROM mentions WHERE article_id = ? ORDER BY start_pos, rowid")) {
      ps.setString(1, articleId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Mention(Mention.Kind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
              rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
        }
      }
    }
    return out;
  }

  /**
   * Calls {@code action} for each article a local index that has read up to {@code seq}, and on
   * PostgreSQL what snapshot {@code seen} shows committed, has not read yet ({@link
   * Dialect#changedSince}), in order.
   */
  void forEachChangedSince(long seq, String seen, SeqConsumer<Article> action) throws SQLException, java.io.IOException {
    forEachChangedSince(seq, seen, "", action);
  }

  /** The same, reading {@code extraColumns} (", …" or none) with each row, for {@code action} to read off the row. */
  void forEachChangedSince(long seq, String seen, String extraColumns, SeqConsumer<Article> action)
      throws SQLException, java.io.IOException {
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT " + COLUMNS + extraColumns + " FROM articles WHERE " + dialect().changedSince("seq") + " ORDER BY seq")) {
      dialect().bindChangedSince(ps, 1, seq, seen);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(rs.getLong("seq"), read(rs), rs);
        }
      }
    }
  }

  /** A consumer of rows with their sequence number, given the result set on the row for what else it holds. */
  @FunctionalInterface
  interface SeqConsumer<T> {
    void accept(long seq, T row, ResultSet current) throws java.io.IOException, SQLException;
  }

  private static Article read(ResultSet rs) throws SQLException {
    Set<ArticleFlag> flags = EnumSet.noneOf(ArticleFlag.class);
    for (String f : Json.list(rs.getString("flags"))) {
      flags.add(ArticleFlag.fromLabel(f));
    }
    String published = rs.getString("published");
    Map<String, String> extra = Json.map(rs.getString("extra"));
    return new Article(
        rs.getString("id"),
        rs.getString("url"),
        rs.getString("source_path"),
        rs.getString("outlet"),
        rs.getString("title"),
        rs.getString("byline"),
        published == null ? null : Published.parse(published),
        rs.getString("language"),
        rs.getString("text"),
        rs.getString("content_hash"),
        flags,
        rs.getString("copy_of"),
        extra,
        Json.list(rs.getString("problems")));
  }
}
