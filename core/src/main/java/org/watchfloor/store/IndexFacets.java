package org.watchfloor.store;

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

  private IndexFacets() {}

  private static Map<String, Set<String>> empty() {
    Map<String, Set<String>> v = new LinkedHashMap<>();
    NAMES.forEach(n -> v.put(n, new TreeSet<>()));
    return v;
  }

  /**
   * The columns to read with each article row (from {@code articles}) for its facets: the types and
   * the weapons of its reports, as JSON arrays. Read in the statement that reads the rows, since a
   * statement of its own for each row cost a catch-up a round trip to a server per article.
   */
  static String articleColumns(Dialect dialect) {
    return ", (SELECT " + dialect.jsonArray("r.type") + " FROM reports r WHERE r.article_id = articles.id) AS facet_types"
        + ", (SELECT " + dialect.jsonArray("r.weapons") + " FROM reports r WHERE r.article_id = articles.id) AS facet_weapons";
  }

  /** The columns to read with each event row (from {@code events}) for its facets: the outlets of the articles reporting it. */
  static String eventColumns(Dialect dialect) {
    return ", (SELECT " + dialect.jsonArray("DISTINCT a.outlet") + " FROM reports r JOIN articles a ON a.id = r.article_id"
        + " WHERE r.event_id = events.id AND a.outlet IS NOT NULL) AS facet_outlets";
  }

  /** The event's values, its outlets read off the current row of {@code rs} ({@link #eventColumns}). */
  static Map<String, Set<String>> of(Event e, ResultSet rs) throws SQLException {
    Map<String, Set<String>> v = empty();
    v.get("type").add(e.type());
    v.get("weapon").addAll(e.weapons());
    if (e.date().isKnown()) {
      v.get("year").add(Integer.toString(e.date().earliest().getYear()));
    }
    v.get("outlet").addAll(array(rs, "facet_outlets"));
    return v;
  }

  /** The article's values, its reports' types and weapons read off the current row of {@code rs} ({@link #articleColumns}). */
  static Map<String, Set<String>> of(Article a, ResultSet rs) throws SQLException {
    Map<String, Set<String>> v = empty();
    if (a.outlet() != null) {
      v.get("outlet").add(a.outlet());
    }
    if (a.published() != null) {
      v.get("year").add(Integer.toString(a.published().localDay().getYear()));
    }
    v.get("type").addAll(array(rs, "facet_types"));
    for (String weapons : array(rs, "facet_weapons")) {
      v.get("weapon").addAll(Json.list(weapons));
    }
    return v;
  }

  /** A JSON array column; none (SQL NULL, what PostgreSQL aggregates from no rows) is empty. */
  private static List<String> array(ResultSet rs, String column) throws SQLException {
    String json = rs.getString(column);
    return json == null ? List.of() : Json.list(json);
  }
}
