package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;

/** Vectors as derived data: windowed nearest neighbours, catch-up from the database, never ahead of it. */
class VectorIndexTest {

  @TempDir Path tmp;
  private final AtomicInteger embedded = new AtomicInteger();

  /** A stand-in embedding: article {@code aN} points along axis N mixed a little with axis 0. */
  private float[] vector(Article a) {
    embedded.incrementAndGet();
    return axis(Integer.parseInt(a.id().substring(1)));
  }

  private static float[] axis(int n) {
    float[] v = new float[8];
    v[0] = 0.6f;
    v[n] = 0.8f;
    return v;
  }

  private static Article article(String id, LocalDate day) {
    return new Article(id, null, null, "Example Daily", "t", null, Published.ofDate(day, ZoneOffset.UTC), "en",
        "text of " + id, "h" + id, Set.of(), null, Map.of(), List.of());
  }

  private static void insert(Store store, Article a) {
    store.inTransaction(() -> {
      store.articles().insert(a, new RawDocument(a.id(), null, RawDocument.Format.TEXT,
          a.text().getBytes(StandardCharsets.UTF_8), Map.of()), List.of());
      return null;
    });
  }

  @Test
  void nearestLooksOnlyWithinTheWindowAndLeavesTheArticleItselfOut() throws Exception {
    try (Store store = Store.open(tmp.resolve("s"))) {
      VectorIndex vectors = store.vectors(this::vector);
      LocalDate day = LocalDate.of(2024, 5, 16);
      vectors.add(article("a1", day), axis(1));
      vectors.add(article("a2", day.plusDays(2)), axis(2));
      vectors.add(article("a3", day.plusDays(9)), axis(1));

      List<VectorIndex.Neighbour> near = vectors.nearest(axis(1), day, 3, 5, "a9");
      assertThat(near).extracting(VectorIndex.Neighbour::id).containsExactly("a1", "a2");
      assertThat(near.get(0).cosine()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(near.get(1).cosine()).isCloseTo(0.36, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(vectors.nearest(axis(1), day, 3, 5, "a1")).extracting(VectorIndex.Neighbour::id)
          .containsExactly("a2");
    }
  }

  @Test
  void opensBehindTheDatabaseAndCatchesUpOnlyWhatItLacks() throws Exception {
    LocalDate day = LocalDate.of(2024, 5, 16);
    try (Store store = Store.open(tmp.resolve("s"))) {
      insert(store, article("a1", day));
      insert(store, article("a2", day));
    }
    try (Store store = Store.open(tmp.resolve("s"))) {
      VectorIndex vectors = store.vectors(this::vector);
      assertThat(embedded.get()).isEqualTo(2);
      assertThat(vectors.nearest(axis(2), day, 1, 1, "x")).extracting(VectorIndex.Neighbour::id).containsExactly("a2");
      Article a3 = article("a3", day);
      insert(store, a3);
      vectors.add(a3, axis(3));
      store.syncIndex();
      assertThat(embedded.get()).isEqualTo(2);
    }
    try (Store store = Store.open(tmp.resolve("s"))) {
      VectorIndex vectors = store.vectors(this::vector);
      assertThat(embedded.get()).isEqualTo(2);
      assertThat(vectors.nearest(axis(3), day, 1, 1, "x")).extracting(VectorIndex.Neighbour::id).containsExactly("a3");
    }
  }

  @Test
  void aVectorWhoseRowWasNeverCommittedDoesNotSurviveAClose() throws Exception {
    LocalDate day = LocalDate.of(2024, 5, 16);
    try (Store store = Store.open(tmp.resolve("s"))) {
      insert(store, article("a1", day));
      store.vectors(this::vector).add(article("a4", day), axis(4));
    }
    try (Store store = Store.open(tmp.resolve("s"))) {
      VectorIndex vectors = store.vectors(this::vector);
      assertThat(vectors.nearest(axis(4), day, 1, 5, "x")).extracting(VectorIndex.Neighbour::id).containsExactly("a1");
    }
  }
}
