package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchfloor.model.Article;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Mention;
import org.watchfloor.model.Published;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;

/** Bad and random input: the extractor never throws, and every span it gives lies inside the text. */
class ExtractorRobustnessTest {

  private static RuleExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new RuleExtractor(WatchProfile.load("dprk"));
  }

  static Article article(String text) {
    return new Article("a1", null, null, "Test Wire", null, null,
        Published.ofDate(LocalDate.of(2026, 3, 2), ZoneOffset.ofHours(9)), "en", text, "h", Set.of(), null, Map.of(),
        java.util.List.of());
  }

  static Stream<Arguments> badTexts() {
    String noBoundaries = "north korea fired a ballistic missile toward the sea of japan and the jcs said it flew far "
        .repeat(3000);
    return Stream.of(
        Arguments.of("no sentence boundaries", noBoundaries),
        Arguments.of("Korean script", "북한은 2일 오전 동해상으로 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다. 화성-18형으로 추정된다."),
        Arguments.of("mixed scripts", "North Korea (북한) fired a Hwasong-18 (화성-18형) on Monday, 合同参謀本部 said."),
        Arguments.of("impossible date", "North Korea fired a Hwasong-18 missile on 2026-02-30, the JCS said."),
        Arguments.of("comma thousands", "The missile flew 1,000km on Sunday, reaching an apogee of 6,000km."),
        Arguments.of("space thousands", "The missile flew 1 000 km on Sunday, reaching an apogee of 6 000 km."),
        Arguments.of("only punctuation", ".....\n\n\n!!!???---- (KCNA) --"),
        Arguments.of("empty", ""),
        Arguments.of("lone surrogate and controls", "Kim \uD83D oversaw \u0000 a test-fire of the Hwasal-2 \uDE80 missile."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTexts")
  void badInputGivesAResultWithSpansInsideTheText(String name, String text) {
    Extraction x = extractor.extract(article(text));
    assertSpansInside(text, x);
  }

  @Test
  void numbersWithThousandSeparatorsAreReadAsOneNumber() {
    for (String text : new String[] {"The missile flew 1,000km on Sunday.", "The missile flew 1 000 km on Sunday."}) {
      Extraction x = extractor.extract(article(text));
      assertThat(x.mentions()).filteredOn(m -> m.kind() == Mention.Kind.NUMBER)
          .extracting(Mention::value).anyMatch(v -> v != null && v.contains("1000"));
    }
  }

  @Test
  void aTenMegabyteArticleIsExtractedWithSpansInside() {
    String paragraph = "North Korea fired a Hwasong-18 missile into the Sea of Japan on Sunday, the JCS said. "
        + "Officials met in Seoul to discuss the weather and the economy.\n";
    String text = paragraph.repeat(10 * 1024 * 1024 / paragraph.length());
    Extraction x = extractor.extract(article(text));
    assertThat(x.reports()).isNotEmpty();
    assertSpansInside(text, x);
  }

  @Test
  void seededRandomTextsNeverThrowAndKeepSpansInside() {
    String[] pieces = {
      "North Korea", " fired", " launched", " a ", "Hwasong-18", "KN-23", " missile", " ballistic", " into the ",
      "Sea of Japan", "East Sea", ", the JCS said", "KCNA", " reported", " on Sunday", "yesterday", " earlier this week",
      "2026-02-30", "1,000km", "1 000 km", " apogee of ", "6,000", " km", " will", " may", " did not", " reportedly",
      ".", ". ", "\n", "\n\n", "- ", "\"", "“", "”", "Pyongyang, March 2 (KCNA) -- ", "Kim Jong Un", " inspected",
      " munitions factory", " party congress", " early 2026", "북한", "화성", " ", "İ", "\uD83D\uDE80", "\u0000"
    };
    Random random = new Random(20260302L);
    for (int round = 0; round < 1500; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        if (random.nextInt(6) == 0) {
          sb.append((char) random.nextInt(0xD000));
        } else {
          sb.append(pieces[random.nextInt(pieces.length)]);
        }
      }
      String text = sb.toString();
      assertSpansInside(text, extractor.extract(article(text)));
    }
  }

  private static void assertSpansInside(String text, Extraction x) {
    for (Mention m : x.mentions()) {
      assertThat(m.end()).as("mention %s in %s", m, text.length()).isLessThanOrEqualTo(text.length());
      assertThat(m.text()).isEqualTo(text.substring(m.start(), m.end()));
    }
    for (Report r : x.reports()) {
      assertThat(r.evidenceStart()).isGreaterThanOrEqualTo(0);
      assertThat(r.evidenceEnd()).isLessThanOrEqualTo(text.length()).isGreaterThanOrEqualTo(r.evidenceStart());
      assertThat(r.evidence()).isEqualTo(text.substring(r.evidenceStart(), r.evidenceEnd()));
      for (Claim c : r.claims()) {
        assertThat(c.start()).isGreaterThanOrEqualTo(0);
        assertThat(c.end()).isLessThanOrEqualTo(text.length()).isGreaterThanOrEqualTo(c.start());
      }
    }
  }
}
