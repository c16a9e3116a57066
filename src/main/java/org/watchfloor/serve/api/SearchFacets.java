package org.watchfloor.serve.api;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.store.SearchIndex;
import org.watchfloor.store.Store;

/**
 * Facets of a search — event type, weapon, outlet, year — counted over its best
 * {@value #WINDOW} hits from the store's records, and the hits narrowed to chosen values.
 *
 * <p>Counted here rather than with Lucene's facet module: the facet values (an event's weapons,
 * the outlets behind an event, the types an article reports) live in the database and change as
 * events merge, so Lucene facets would need the index rebuilt on every merge; reading a window of
 * hits' records is a few milliseconds on the sample store and bounded on any store. An article
 * hit takes the type and weapons of its reports; an event hit the outlets of its reports.
 */
public final class SearchFacets {

  /** How many of the best hits are counted and narrowed. */
  public static final int WINDOW = 1000;
  /** The facets, in the order shown. */
  public static final List<String> NAMES = List.of("type", "weapon", "outlet", "year");
  private static final int VALUES_SHOWN = 20;

  /** The facet values a search is narrowed to: facet name to value. */
  public record Selection(Map<String, String> chosen) {
    public Selection {
      chosen = Map.copyOf(chosen);
    }

    public static Selection of(Context ctx) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String name : NAMES) {
        String v = Params.text(ctx, name);
        if (v != null) {
          m.put(name, v);
        }
      }
      return new Selection(m);
    }

    public @Nullable String get(String facet) {
      return chosen.get(facet);
    }
  }

  /** One value of a facet with the number of hits having it. */
  public record Value(String value, int count, boolean selected) {}

  /** A facet and its values, most frequent first. */
  public record Facet(String name, List<Value> values) {}

  /** A page of narrowed hits, how many there are in the window, and the facets. */
  public record Result(List<SearchIndex.Hit> hits, int total, List<Facet> facets) {}

  private SearchFacets() {}

  static Result search(Store store, String query, @Nullable String kind, Selection selection, int limit, int offset) {
    List<SearchIndex.Hit> window = store.search().search(query, kind, WINDOW);
    List<SearchIndex.Hit> kept = new ArrayList<>();
    List<Map<String, Set<String>>> keptValues = new ArrayList<>();
    store.inTransaction(() -> {
      Map<String, Article> articles = new HashMap<>();
      for (SearchIndex.Hit h : window) {
        Map<String, Set<String>> values = valuesOf(store, h, articles);
        if (matches(values, selection)) {
          kept.add(h);
          keptValues.add(values);
        }
      }
      return null;
    });
    List<Facet> facets = new ArrayList<>();
    for (String name : NAMES) {
      Map<String, Integer> counts = new HashMap<>();
      for (Map<String, Set<String>> v : keptValues) {
        v.get(name).forEach(x -> counts.merge(x, 1, Integer::sum));
      }
      List<Value> values = counts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(VALUES_SHOWN)
          .map(e -> new Value(e.getKey(), e.getValue(), e.getKey().equals(selection.get(name))))
          .toList();
      facets.add(new Facet(name, values));
    }
    List<SearchIndex.Hit> page = offset >= kept.size() ? List.of() : kept.subList(offset, Math.min(kept.size(), offset + limit));
    return new Result(List.copyOf(page), kept.size(), facets);
  }

  private static boolean matches(Map<String, Set<String>> values, Selection selection) {
    for (Map.Entry<String, String> c : selection.chosen().entrySet()) {
      if (!values.get(c.getKey()).contains(c.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Set<String>> valuesOf(Store store, SearchIndex.Hit h, Map<String, Article> articles)
      throws SQLException {
    Map<String, Set<String>> v = new HashMap<>();
    NAMES.forEach(n -> v.put(n, new LinkedHashSet<>()));
    if ("event".equals(h.kind())) {
      Optional<Event> e = store.events().get(h.id());
      if (e.isPresent()) {
        v.get("type").add(e.get().type());
        v.get("weapon").addAll(e.get().weapons());
        if (e.get().date().isKnown()) {
          v.get("year").add(Integer.toString(e.get().date().earliest().getYear()));
        }
        for (Report r : store.events().reportsOf(h.id())) {
          article(store, r.articleId(), articles).map(Article::outlet).ifPresent(v.get("outlet")::add);
        }
      }
    } else {
      Optional<Article> a = article(store, h.id(), articles);
      if (a.isPresent()) {
        if (a.get().outlet() != null) {
          v.get("outlet").add(a.get().outlet());
        }
        if (a.get().published() != null) {
          v.get("year").add(Integer.toString(a.get().published().localDay().getYear()));
        }
        for (Report r : store.events().reportsOfArticle(h.id())) {
          v.get("type").add(r.eventType());
          v.get("weapon").addAll(r.weapons());
        }
      }
    }
    return v;
  }

  private static Optional<Article> article(Store store, String id, Map<String, Article> cache) throws SQLException {
    Article a = cache.get(id);
    if (a == null) {
      Optional<Article> found = store.articles().get(id);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      a = found.get();
      cache.put(id, a);
    }
    return Optional.of(a);
  }
}
