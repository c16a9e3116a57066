package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * {@link Cues#find} tries its pattern only where a cue can start, and must find what a plain
 * {@link Matcher#find()} finds, leaving the matcher where that leaves it, also among letters
 * that fold to ASCII ones only under Unicode case rules.
 */
class CuesFindTest {

  private static final List<String> PHRASES = List.of("test-fired", "Kim Jong Un", "launched", "élan",
      "Ünterseeboot", "state media", "said", "ſtate", "K-pop", "19 days", "ICBM", "the");

  private static final String[] PIECES = {"test-fired", "TEST-FIRED", "test fired", "Kim  Jong\nUn", "kim jong un",
    "\u212Aim Jong Un", "launched", "relaunched", "launched2", "ÉLAN", "élan", "Élan", "ünterseeboot", "UNTERSEEBOOT",
    "State Media", "ſtate media", "STATE", "said", "SAID", "saidé", "K-POP", "k-pop", "19 days", "119 days", "ICBM",
    "icbms", "the", "The", "THE", "theé", "x", "é", "1", "\uD83D\uDE80", " ", " ", ",", ".", "\n"};

  private static List<String> firstMatches(Matcher m, int upTo) {
    List<String> out = new ArrayList<>();
    if (m == null) {
      return out;
    }
    do {
      out.add(m.start() + "-" + m.end());
    } while (out.size() < upTo && m.find());
    return out;
  }

  @Test
  void findsTheFirstCueAsAPlainSearchDoesAndSearchesOnFromIt() {
    SplittableRandom random = new SplittableRandom(88);
    int found = 0;
    for (int round = 0; round < 3; round++) {
      List<String> phrases = round == 0 ? PHRASES : PHRASES.subList(round, PHRASES.size() - round);
      Cues cues = new Cues(phrases);
      for (int t = 0; t < 400; t++) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(30); i >= 0; i--) {
          sb.append(PIECES[random.nextInt(PIECES.length)]);
          if (random.nextBoolean()) {
            sb.append(' ');
          }
        }
        String text = sb.toString();
        Matcher plain = cues.pattern().matcher(text);
        List<String> expected = plain.find() ? firstMatches(plain, 3) : List.of();
        assertThat(firstMatches(cues.find(text), 3)).as(text).isEqualTo(expected);
        assertThat(cues.in(text)).isEqualTo(!expected.isEmpty());
        found += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(found).as("texts with cues").isGreaterThan(600);
  }

  @Test
  void noCuesFindNothingAndBlankCuesFindWhatTheirPatternFinds() {
    assertThat(new Cues(List.of()).find("anything said")).isNull();
    Cues blank = new Cues(List.of("  "));
    for (String text : List.of("anything said", "")) {
      Matcher plain = blank.pattern().matcher(text);
      assertThat(firstMatches(blank.find(text), 3)).isEqualTo(firstMatches(plain.find() ? plain : null, 3));
    }
  }
}
