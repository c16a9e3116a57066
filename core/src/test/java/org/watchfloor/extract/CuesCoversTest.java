package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * {@link Cues#covers} reads only near the span it is asked about, and must answer as a
 * {@link Matcher#find()} loop from the start of the text does: among overlapping cues, the loop
 * takes the first and never sees the ones it overlaps.
 */
class CuesCoversTest {

  private static final List<String> PHRASES = List.of("no plans", "plans to", "plans to launch", "launch",
      "test-fired", "Kim Jong Un", "state media", "élan", "ſtate", "19 days", "the", "a b c d e f");

  private static final String[] PIECES = {"no", "plans", "to", "launch", "relaunch", "test-fired", "TEST FIRED",
    "Kim  Jong\nUn", "\u212Aim Jong Un", "state media", "State\t\tMedia", "ÉLAN", "19 days", "119 days", "the",
    "THE", "a b c d e f", "a  b  c  d  e  f", "x", "é", "1", "\uD83D\uDE80", ",", ".", "\n"};

  /** What a loop from the start of the text answers. */
  private static boolean coveredByAFullScan(Cues cues, String text, int start, int end) {
    Matcher m = cues.pattern().matcher(text);
    while (m.find()) {
      if (m.start() <= start && m.end() >= end) {
        return true;
      }
    }
    return false;
  }

  @Test
  void answersAsAScanFromTheStartOfTheText() {
    SplittableRandom random = new SplittableRandom(31);
    int covered = 0;
    for (int round = 0; round < 3; round++) {
      Cues cues = new Cues(round == 0 ? PHRASES : PHRASES.subList(round, PHRASES.size() - round));
      for (int t = 0; t < 300; t++) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(40); i >= 0; i--) {
          sb.append(PIECES[random.nextInt(PIECES.length)]);
          sb.append(" ".repeat(random.nextInt(3)));
        }
        String text = sb.toString();
        for (int q = 0; q < 20; q++) {
          int start = random.nextInt(-2, text.length() + 3);
          int end = start + random.nextInt(-3, 16);
          boolean expected = coveredByAFullScan(cues, text, start, end);
          assertThat(cues.covers(text, start, end)).as("%s [%d, %d)", text, start, end).isEqualTo(expected);
          covered += expected ? 1 : 0;
        }
      }
    }
    assertThat(covered).as("spans covered").isGreaterThan(1000);
  }

  @Test
  void aCueOverlappedByAnEarlierOneCoversNothing() {
    Cues cues = new Cues(List.of("no plans", "plans to"));
    String text = "There are no plans to launch, and plans to test.";
    int first = text.indexOf("plans to");
    int second = text.lastIndexOf("plans to");
    assertThat(cues.covers(text, first, first + "plans to".length())).isFalse();
    assertThat(cues.covers(text, first, first + "plans".length())).isTrue();
    assertThat(cues.covers(text, second, second + "plans to".length())).isTrue();
  }

  @Test
  void aCueWithLongWhitespaceInsideCoversItsWholeSpan() {
    Cues cues = new Cues(List.of("state media"));
    String text = "x".repeat(500) + " state" + " ".repeat(300) + "media said";
    int start = text.indexOf("state");
    int end = text.indexOf("media") + "media".length();
    assertThat(cues.covers(text, start, end)).isTrue();
    assertThat(cues.covers(text, end - 2, end)).isTrue();
    assertThat(cues.covers(text, end - 2, end + 1)).isFalse();
  }

  @Test
  void eachTriggerOfAVeryLongSentenceIsAnsweredAlike() {
    Cues cues = new Cues(List.of("no plans to"));
    String piece = "officials said there were no plans to launch and the missile was launched from the coast ";
    String text = piece.repeat(400);
    for (int at = text.indexOf("launch"); at >= 0; at = text.indexOf("launch", at + 1)) {
      assertThat(cues.covers(text, at, at + "launch".length())).isFalse();
    }
    for (int at = text.indexOf("plans"); at >= 0; at = text.indexOf("plans", at + 1)) {
      assertThat(cues.covers(text, at, at + "plans".length())).isTrue();
    }
  }
}
