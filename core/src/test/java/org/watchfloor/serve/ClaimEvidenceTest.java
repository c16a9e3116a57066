package org.watchfloor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.watchfloor.model.Claim;

class ClaimEvidenceTest {

  private static final String TEXT = "The drill ended.\nOfficials said \"the test went well.\" A Hwasong-18 flew 1,000 km! Then it fell.";

  @Test
  void aNameWidensToTheSentenceThatHoldsIt() {
    int at = TEXT.indexOf("Hwasong-18");
    assertThat(ClaimEvidence.sentence(TEXT, new Claim("weapon", "Hwasong-18", at, at + 10)))
        .isEqualTo("A Hwasong-18 flew 1,000 km!");
  }

  @Test
  void aQuotedStopAndALineBreakEndSentences() {
    int at = TEXT.indexOf("went");
    assertThat(ClaimEvidence.sentence(TEXT, new Claim("quote", "x", at, at + 4)))
        .isEqualTo("Officials said \"the test went well.\"");
    assertThat(ClaimEvidence.sentence(TEXT, new Claim("x", "x", 4, 9))).isEqualTo("The drill ended.");
  }

  @Test
  void aSpanOutsideTheTextHasNoSentence() {
    assertThat(ClaimEvidence.sentence(TEXT, new Claim("x", "x", 5, TEXT.length() + 1))).isNull();
    assertThat(ClaimEvidence.sentence(TEXT, new Claim("x", "x", 7, 7))).isNull();
  }
}
