package org.watchfloor.extract.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Running each rule only in its regions finds exactly what a scan of the whole text finds. */
class RegionsTest {

  private static final List<Rule> RULES = Stream.of(AbsoluteRules.rules(), RelativeRules.rules(),
      ClockRules.rules()).flatMap(List::stream).toList();

  /** Phrases of every kind the rules read, in several casings, for generated texts. */
  private static final String[] PHRASES = {
    "PYONGYANG, March 5 (KCNA) --", "on Wednesday, December 26, 2025", "on 26 December 2025", "Dec. 26th",
    "2025-12-26", "12/26/2025", "in mid-2024", "early 2026", "late last year", "the first half of 2024",
    "Juche 113 (2024)", "November Juche 111 (2022)", "April last year", "the 2021–2025 plan", "from 2021 to 2025",
    "between March 3 and 7", "from 19 to 29 August 2025", "from June to August 2024", "for three days",
    "five years", "TODAY", "Yesterday morning", "the previous day", "the day before yesterday", "tomorrow night",
    "two weeks ago", "some years ago", "earlier this week", "at the end of last month", "over the weekend",
    "this past weekend", "last Friday", "on Wednesday last week", "Monday of next week", "on Saturday evening", "just the other day", "in recent days",
    "RECENTLY", "not long ago", "in recent decades", "for more than a decade", "within 48 hours",
    "at 7:10 a.m. KST", "around 11 pm (2300 KST)", "0630 KST", "at noon JST", "shortly after midnight",
    "the 1990s", "May", "Marshal", "resolution 2397", "1,200 km", "in the past year", "1999"};

  private static final String[] FILLER = {"The", "missile", "flew", "east", "officials", "said", ",", ".",
    "and", "of", "a", "day", "week", "ago", "\n", "\n\n", "  ", "(", ")", "-", "Kim", "inspected", "the", "plant",
    "2024", "600", "km", "Jan", "Seoul"};

  private static List<String> texts() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/sample-corpus/articles"))) {
      for (Path f : files.sorted().toList()) {
        out.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    SplittableRandom random = new SplittableRandom(20261123);
    for (int t = 0; t < 200; t++) {
      StringBuilder sb = new StringBuilder();
      int words = 20 + random.nextInt(600);
      for (int w = 0; w < words; w++) {
        if (random.nextInt(6) == 0) {
          sb.append(PHRASES[random.nextInt(PHRASES.length)]);
        } else {
          sb.append(FILLER[random.nextInt(FILLER.length)]);
        }
        sb.append(random.nextInt(10) == 0 ? "" : " ");
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static List<String> wholeText(Rule rule, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = rule.pattern().matcher(text);
    while (m.find()) {
      out.add(m.start() + "-" + m.end());
    }
    return out;
  }

  private static List<String> inRegions(Rule rule, String text) {
    List<String> out = new ArrayList<>();
    int[] regions = Regions.of(text, rule.anchor());
    Matcher m = rule.pattern().matcher(text);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    for (int r = 0; r < regions.length; r += 2) {
      m.region(regions[r], regions[r + 1]);
      while (m.find()) {
        out.add(m.start() + "-" + m.end());
      }
    }
    return out;
  }

  @Test
  void everyRuleFindsTheSameMatchesInItsRegionsAsInTheWholeText() throws IOException {
    List<String> texts = texts();
    int matches = 0;
    for (Rule rule : RULES) {
      for (String text : texts) {
        List<String> whole = wholeText(rule, text);
        assertThat(inRegions(rule, text)).as("rule %s", rule.name()).isEqualTo(whole);
        matches += whole.size();
      }
    }
    assertThat(matches).as("the texts exercise the rules").isGreaterThan(5000);
  }

  @Test
  void regionsAreMergedInOrderAndStayInsideTheText() {
    String text = "x".repeat(500) + " on Friday " + "y".repeat(100) + " last Monday " + "z".repeat(600);
    int[] r = Regions.of(text, Regions.anchorOf("weekday"));
    assertThat(r).hasSize(2);
    assertThat(r[0]).isEqualTo(text.indexOf("Friday") - Regions.MARGIN);
    assertThat(r[1]).isEqualTo(text.indexOf("Monday") + "Monday".length() + Regions.MARGIN);
    assertThat(Regions.of("nothing to see", Regions.anchorOf("weekday"))).isEmpty();
    assertThat(Regions.of("Friday", Regions.anchorOf("weekday"))).containsExactly(0, 6);
  }
}
