package org.watchfloor.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;

/**
 * The facet values of a search hit, read from the database when the hit is indexed: an event's
 * type, weapons, year and the outlets of the articles reporting it; an article's outlet, year and
 * the types and weapons of its reports. An event is indexed again whenever it changes (a report
 * joins it, a merge, a re-processing), so its outlets follow its reports.
 */
final class IndexFacets {

  /** The facets, in the order the workbench shows them. */
  static final List<String> NAMES = List.of("type", "weapon", "outlet", "year");

  private final Connection db;

  IndexFacets(Connection db) {
    this.db = db;
  }

  private static Map<String, Set<String>> empty() {
    Map<String, Set<String>> v = new LinkedHashMap<>();
    NAMES.forEach(n -> v.put(n, new TreeSet<>()));
    return v;
  }

  /** The event's values; an {@link IOException} when they cannot be read, as the index's callbacks expect. */
  Map<String, Set<String>> of(Event e) throws IOException {
    try {
      return read(e);
    } catch (SQLException x) {
      throw new IOException("cannot read the facet values of event " + e.id() + ": " + x.getMessage(), x);
    }
  }

  Map<String, Set<String>> of(Article a) throws IOException {
    try {
      return read(a);
    } catch (SQLException x) {
      throw new IOException("cannot read the facet values of article " + a.id() + ": " + x.getMessage(), x);
    }
  }

  private Map<String, Set<String>> read(Event e) throws SQLException {
    Map<String, Set<String>> v = empty();
    v.get("type").add(e.type());
    v.get("weapon").addAll(e.weapons());
    if (e.date().isKnown()) {
      v.get("year").add(Integer.toString(e.date().earliest().getYear()));
    }
    try (PreparedStatement ps = db.prepareStatement("SELECT DISTINCT a.outlet FROM reports r JOIN articles a ON a.id = r.article_id"
        + " WHERE r.event_id = ? AND a.outlet IS NOT NULL")) {
      ps.setString(1, e.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          v.get("outlet").add(rs.getString(1));
        }
      }
    }
    return v;
  }

  private Map<String, Set<String>> read(Article a) throws SQLException {
    Map<String, Set<String>> v = empty();
    if (a.outlet() != null) {
      v.get("outlet").add(a.outlet());
    }
    if (a.published() != null) {
      v.get("year").add(Integer.toString(a.published().localDay().getYear()));
    }
    try (PreparedStatement ps = db.prepareStatement("SELECT type, weapons FROM reports WHERE article_id = ?")) {
      ps.setString(1, a.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          v.get("type").add(rs.getString(1));
          v.get("weapon").addAll(Json.list(rs.getString(2)));
        }
      }
    }
    return v;
  }
}
