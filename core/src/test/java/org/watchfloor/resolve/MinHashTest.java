package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashTest {

  private static final String STORY = "The northern state fired two short range ballistic missiles into the sea off its"
      + " east coast early on Thursday morning, the southern military said in a statement, adding that the"
      + " missiles flew about three hundred and fifty kilometres before falling outside the economic zone of"
      + " the neighbouring island nation, whose defence ministry confirmed the flight and protested through"
      + " diplomatic channels in the capital later that day while officials convened an emergency meeting.";

  private static String otherStory(long seed) {
    Random random = new Random(seed);
    String[] vocabulary = STORY.split(" ");
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      words.add(vocabulary[random.nextInt(vocabulary.length)]);
    }
    return String.join(" ", words);
  }

  @Test
  void aCopyWithDifferentCaseAndPunctuationIsIdentical() {
    int[] a = MinHash.sketch(STORY);
    int[] b = MinHash.sketch(STORY.toUpperCase(java.util.Locale.ROOT).replace(",", " ;"));
    assertThat(MinHash.similarity(a, b)).isEqualTo(1.0);
    assertThat(MinHash.bandKeys(a)).isEqualTo(MinHash.bandKeys(b));
  }

  @Test
  void aLightEditStaysAboveTheThresholdAndSharesABand() {
    String edited = "SEOUL - " + STORY.replace("early on Thursday morning", "on Thursday")
        + " Analysts said the test was the third this month.";
    int[] a = MinHash.sketch(STORY);
    int[] b = MinHash.sketch(edited);
    assertThat(MinHash.similarity(a, b)).isGreaterThanOrEqualTo(NearDuplicates.THRESHOLD);
    assertThat(MinHash.bandKeys(a)).containsAnyElementsOf(MinHash.bandKeys(b));
  }

  @Test
  void storiesFromTheSameWordsInAnotherOrderAreNotCopies() {
    int[] a = MinHash.sketch(STORY);
    for (long seed = 1; seed <= 20; seed++) {
      int[] b = MinHash.sketch(otherStory(seed));
      assertThat(MinHash.similarity(a, b)).as("seed %d", seed).isLessThan(0.2);
    }
  }

  @Test
  void shortTextsAreNotSketched() {
    assertThat(MinHash.sketch("Missiles were fired on Thursday.")).isEmpty();
    assertThat(MinHash.bandKeys(new int[0])).isEmpty();
  }

  @Test
  void sketchesSurviveTheirByteForm() {
    int[] a = MinHash.sketch(STORY);
    assertThat(MinHash.fromBytes(MinHash.toBytes(a))).isEqualTo(a);
    assertThat(MinHash.bandKeys(a)).hasSize(MinHash.BANDS).doesNotHaveDuplicates();
  }

  @Test
  void theSketchIsStableAcrossRunsBecauseItIsStored() {
    // A change of hash or seeds would orphan every stored band key: pin one value.
    assertThat(MinHash.bandKeys(MinHash.sketch(STORY)).get(0)).isEqualTo(PINNED_FIRST_KEY);
  }

  private static final String PINNED_FIRST_KEY = "00:a5da6c18c98664c6";
}
