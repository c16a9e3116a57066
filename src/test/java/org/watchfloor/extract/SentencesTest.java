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
}
