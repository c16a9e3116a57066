package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;

/** The sentence embedding of an article's title and lead, and what happens when it cannot run. */
class EmbedderTest {

  private static Article article(String title, String text) {
    return new Article("a1", null, null, "Example Daily", title, null,
        Published.ofDate(LocalDate.of(2024, 5, 16), ZoneOffset.UTC), "en", text, "h", Set.of(), null, Map.of(), List.of());
  }

  @Test
  void theLeadIsTheTitleAndABoundedNumberOfWords() {
    String text = "word ".repeat(1000);
    String lead = Embedder.lead(article("A headline", text));
    assertThat(lead).startsWith("A headline.\n");
    assertThat(lead.substring("A headline.\n".length()).split(" ")).hasSize(Embedder.LEAD_WORDS);
  }

  @Test
  void vectorsAreUnitLengthWith384Dimensions() {
    float[] v = Embedder.loaded().orElseThrow().embed(article("Missile test", "North Korea fired a missile."));
    assertThat(v).hasSize(Embedder.DIMENSIONS);
    assertThat(Embedder.cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void aRetellingIsCloserThanAnotherStory() {
    Embedder e = Embedder.loaded().orElseThrow();
    float[] story = e.embed("North Korea launched a short-range ballistic missile toward the sea east of the"
        + " peninsula on Tuesday, Seoul's military said.");
    float[] retold = e.embed("Seoul's armed forces reported that Pyongyang fired a short-range ballistic missile"
        + " into waters off its east coast on Tuesday.");
    float[] other = e.embed("Heavy rain flooded rice paddies in the southern provinces and farmers asked"
        + " for help from the agriculture ministry.");
    assertThat(Embedder.cosine(story, retold)).isGreaterThan(Embedder.cosine(story, other) + 0.3);
  }

  @Test
  void aRuntimeThatCannotLoadLeavesNoEmbedderAndSaysWhyOnce() {
    List<String> warnings = new ArrayList<>();
    var none = Embedder.load(() -> {
      throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
    }, warnings::add);
    assertThat(none).isEmpty();
    assertThat(warnings).singleElement().asString()
        .contains("UnsatisfiedLinkError").contains("no onnxruntime").contains("MinHash");
  }

  @Test
  void normalisingKeepsDirectionAndLeavesAZeroVectorZero() {
    assertThat(Embedder.normalised(new float[] {3, 4})).containsExactly(0.6f, 0.8f);
    assertThat(Embedder.normalised(new float[] {0, 0})).containsExactly(0f, 0f);
  }
}
