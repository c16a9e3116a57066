package org.watchfloor.serve.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.store.SearchIndex;
import org.watchfloor.store.SearchVariants;
import org.watchfloor.store.Store;

/**
 * Facets of a search — event type, weapon, outlet, year — counted by the search index over all
 * the hits (see {@link SearchIndex#searchFaceted}), and the hits narrowed to chosen values. An
 * article hit has the types and weapons of its reports; an event hit the outlets of its reports.
 */
public final class SearchFacets {

  /** The facets, in the order shown. */
  public static final List<String> NAMES = SearchIndex.FACETS;
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

  /**
   * A page of narrowed hits, how many there are in the window, and the facets; {@code staleIndex}
   * says why the hits may not answer for the database, when they may not (see {@link
   * Store#checkIndex}); {@code partial} when the search stopped at its time budget with the hits
   * found by then.
   */
  public record Result(List<SearchIndex.Hit> hits, int total, List<Facet> facets, @Nullable String staleIndex,
      boolean partial) {}

  private SearchFacets() {}

  static Result search(Store store, String query, @Nullable String kind, Selection selection, int limit, int offset,
      @Nullable String stale,
      SearchVariants variants) {
    SearchIndex.Faceted found =
        store.search().searchFaceted(query, kind, selection.chosen(), limit, offset, VALUES_SHOWN, variants);
    List<Facet> facets = new ArrayList<>();
    found.facets().forEach((name, counts) -> facets.add(new Facet(name,
        counts.stream().map(c -> new Value(c.value(), c.count(), c.value().equals(selection.get(name)))).toList())));
    return new Result(found.hits(), found.total(), facets, stale, found.partial());
  }
}
