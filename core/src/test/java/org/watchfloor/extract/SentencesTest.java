package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where sentences end, and where an abbreviation only seems to end one. */
class SentencesTest {

  @Test
  void aBreakWithNoSpaceAfterItEndsNoSentence() {
    String text = "The enemy staged the U.S.-ROK air drills again. We will respond.";
    assertThat(Sentences.of(text)).extracting(Sentences.Sentence::text)
        .containsExactly("The enemy staged the U.S.-ROK air drills again.", "We will respond.");
  }

  @Test
  void aNameThatRunsAcrossABreakJoinsTheTwoSentences() {
    String text = "Yesterday the U.S. State Office approved it. Nothing else happened.";
    int name = text.indexOf("U.S. State Office");
    assertThat(Sentences.of(text)).hasSize(3); // the splitter alone breaks after "U.S."
    List<Sentences.Sentence> joined = Sentences.joinedAcross(text, Sentences.of(text),
        List.of(new int[] {name, name + "U.S. State Office".length()}));
    assertThat(joined).extracting(Sentences.Sentence::text)
        .containsExactly("Yesterday the U.S. State Office approved it.", "Nothing else happened.");
  }

  @Test
  void sentencesWithNoNameAcrossThemStayApart() {
    String text = "One thing. Another thing.";
    assertThat(Sentences.joinedAcross(text, Sentences.of(text), List.of())).hasSize(2);
  }

  @Test
  void namesAcrossSeveralBreaksJoinAllTheirSentencesIntoOne() {
    String text = "Officials of the U.S. Dept. of State approved it. Then the No. 2 man said so. End.";
    List<Sentences.Sentence> split = Sentences.of(text);
    assertThat(split).hasSizeGreaterThan(3);
    int state = text.indexOf("U.S. Dept. of State");
    int second = text.indexOf("No. 2 man");
    // given out of order: the names are sorted by start before use
    List<Sentences.Sentence> joined = Sentences.joinedAcross(text, split,
        List.of(new int[] {second, second + "No. 2 man".length()}, new int[] {state, state + "U.S. Dept. of State".length()}));
    assertThat(joined).extracting(Sentences.Sentence::text)
        .containsExactly("Officials of the U.S. Dept. of State approved it.", "Then the No. 2 man said so.", "End.");
    assertThat(joined).allSatisfy(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));
  }

  @Test
  void aLongNameStartingEarlyJoinsTheSentencesItRunsInto() {
    String text = "One. Two. Three. Four.";
    List<Sentences.Sentence> split = Sentences.of(text);
    assertThat(split).hasSize(4);
    // a short name after a long one: the long one still reaches into "Three."
    List<Sentences.Sentence> joined = Sentences.joinedAcross(text, split,
        List.of(new int[] {0, text.indexOf("Three") + 2}, new int[] {1, 2}));
    assertThat(joined).extracting(Sentences.Sentence::text).containsExactly("One. Two. Three.", "Four.");
  }

  @Test
  void aNameNeverJoinsSentencesOfTwoParagraphs() {
    String text = "The U.S.\nState Department approved it.";
    List<Sentences.Sentence> joined = Sentences.joinedAcross(text, Sentences.of(text), List.of(new int[] {4, 20}));
    assertThat(joined).extracting(Sentences.Sentence::paragraph).containsExactly(0, 1);
  }
}
