package org.watchfloor.eval.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShinglesTest {
  @Test
  void tokensAreRunsOfWordCharactersAsPythonReadsThem() {
    // Python's \w: letters, numbers of every kind and "_", but not combining marks, which split
    // words of Indic scripts.
    assertThat(Shingles.tokens("हिन्दी Hwasong-18's x_y ²³ Ⅻ 北朝鮮"))
        .containsExactly("ह", "न", "द", "Hwasong", "18", "s", "x_y", "²³", "Ⅻ", "北朝鮮");
  }

  @Test
  void oneWrongWordAtTheEndCostsTheShinglesThatHoldIt() {
    Shingles.Counts c = Shingles.match("one two three four five", "one two three four six");
    // expected: "one two three four", "two three four five"; extracted: the first and "two three four six"
    assertThat(c.tp()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(c.fp()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(c.fn()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(c.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(c.recall()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void repeatsCountAndCaseAndPunctuationDoNot() {
    Shingles.Counts c = Shingles.match("A b c d. A b c d", "A, b; c d a b c d A b c d");
    // case is kept: "d a b c" differs from "d A b c"
    assertThat(c.precision()).isLessThan(1);
    Shingles.Counts same = Shingles.match("A b c d. A b c d", "A, b; c (d) A b c -- d");
    assertThat(same.precision()).isEqualTo(1);
    assertThat(same.recall()).isEqualTo(1);
  }

  @Test
  void aTextShorterThanOneShingleIsOneShorterShingle() {
    assertThat(Shingles.bag("two words")).containsOnlyKeys("two words");
    assertThat(Shingles.match("two words", "two words").precision()).isEqualTo(1);
  }

  @Test
  void nothingExtractedHasNoPrecisionAndNoRecall() {
    Shingles.Counts c = Shingles.match("one two three four", "");
    assertThat(c.hasPrecision()).isFalse();
    assertThat(c.hasRecall()).isTrue();
    assertThat(c.recall()).isZero();
    Shingles.Counts none = Shingles.match("", "");
    assertThat(none.hasPrecision()).isFalse();
    assertThat(none.hasRecall()).isFalse();
  }
}
