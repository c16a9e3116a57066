package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;

/**
 * A process's local search index follows a PostgreSQL store that several processes write at once.
 * Writers take their sequence numbers (an article's {@code seq}, an event's {@code change_seq}) when
 * they write, but commit in whatever order their transactions end: here writer A takes the lower
 * numbers and holds its batch open while writer B commits higher ones, a reader's index catches up
 * (finding B's rows), and only then does A commit. Catching up by "everything after the last
 * number indexed" would skip A's rows for good; the reader's next catch-up must find them.
 *
 * <p>Skipped without {@value TestPostgres#ENV} on a developer's machine; fails in CI without it
 * (see {@link TestPostgres}).
 */
class IndexCatchUpIT {

  @TempDir Path tmp;
  @RegisterExtension final TestDatabase database = new TestDatabase();

  private StoreLocation location(String cache) {
    return database.location(tmp.resolve(cache));
  }

  @Test
  void aBatchCommittedAfterALaterOneIsFoundByTheNextCatchUp() throws SQLException {
    StoreLocation writers = location("writers");
    try (Store a = Store.open(writers); Store b = Store.open(writers)) {
      a.commitEvery(10); // A's batch stays open until it is flushed
      a.inTransaction(() -> {
        a.articles().insert(article("art-late", "Engine trial reported near Sohae, the burn lasting minutes."), raw("art-late"),
            List.of());
        a.events().upsert(event("ev-late", "engine_test", LocalDate.of(2021, 3, 2), "Engine burn at Sohae"));
        return null;
      });
      b.inTransaction(() -> {
        b.articles().insert(article("art-early", "Cruise missiles fired from Nampo, officials in Seoul say."), raw("art-early"),
            List.of());
        b.events().upsert(event("ev-early", "missile_launch", LocalDate.of(2024, 9, 20), "Cruise missiles from Nampo"));
        return null;
      });
      try (Store r = Store.openReadOnly(location("reader"))) {
        assertThat(r.checkIndex()).isEmpty();
        assertThat(found(r, "nampo")).containsExactlyInAnyOrder("art-early", "ev-early");
        assertThat(found(r, "sohae")).as("A has not committed yet").isEmpty();

        a.flush();
        // what makes the case: A's numbers are below B's, each taken from a sequence (schema 74)
        Map<String, Long> late = numbers("art-late", "ev-late");
        Map<String, Long> early = numbers("art-early", "ev-early");
        assertThat(late.get("art-late")).isLessThan(early.get("art-early"));
        assertThat(late.get("ev-late")).isLessThan(early.get("ev-early"));

        assertThat(r.checkIndex()).isEmpty();
        assertThat(found(r, "sohae")).as("A's rows, committed after the reader caught up past their numbers")
            .containsExactlyInAnyOrder("art-late", "ev-late");
        assertThat(found(r, "nampo")).containsExactlyInAnyOrder("art-early", "ev-early");
      }
    }
    // a writer opening the store afterwards (its own index caught up from scratch) finds both, as before
    try (Store later = Store.openReadOnly(location("later"))) {
      later.checkIndex();
      assertThat(found(later, "sohae OR nampo")).containsExactlyInAnyOrder("art-late", "ev-late", "art-early", "ev-early");
    }
  }

  /** The ids the search finds, articles and events. */
  private static List<String> found(Store store, String query) {
    return store.search().search(query, null, 20).stream().map(SearchIndex.Hit::id).toList();
  }

  /** The sequence number of each article and the change sequence of each event named. */
  private Map<String, Long> numbers(String article, String event) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Connection db = location("numbers").connect(true);
        PreparedStatement ps = db.prepareStatement(
            "SELECT id, seq FROM articles WHERE id = ? UNION ALL SELECT id, change_seq FROM events WHERE id = ?")) {
      ps.setString(1, article);
      ps.setString(2, event);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      db.rollback();
    }
    assertThat(out).containsOnlyKeys(article, event);
    return out;
  }

  private static Article article(String id, String text) {
    return new Article(id, "https://example.org/" + id, null, "Example Wire", null, null, null, "en", text, "hash-" + id,
        Set.of(), null, Map.of(), List.of());
  }

  private static RawDocument raw(String id) {
    return new RawDocument("test:" + id, null, RawDocument.Format.TEXT, new byte[0], Map.of());
  }

  private static Event event(String id, String type, LocalDate day, String summary) {
    return new Event(id, type, EventDate.day(day), false, List.of(), List.of(), List.of(), Map.of(), summary, 0.5, 1, 1,
        List.of());
  }
}
