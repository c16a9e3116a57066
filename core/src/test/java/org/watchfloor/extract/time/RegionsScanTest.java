package org.watchfloor.extract.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Finding anchors only where one of their start words occurs gives the regions a scan of the
 * whole text with the anchor pattern gives, on texts crowded with near misses: overlapping
 * anchors, letters glued on either side, casings, and non-ASCII letters that fold to ASCII ones
 * under Unicode rules but not under {@code (?i)}.
 */
class RegionsScanTest {

  private static final String[] PIECES = {
    "January", "Jan", "Janu", "Sept", "Sep", "Septe", "June", "Junes", "Mar", "March", "Marches", "May", "MAY",
    "may", "Decade", "decade", "Dec", "DEC", "xDec", "_Dec", "1Dec", "Dec1", "1999", "2024", "20245", "1820",
    "17", "12:30", "9:5", "7 a.m", "7pm", "0630", "Juche", "JUCHE", "yesterday", "YesterDay", "dayear",
    "tonight", "TONIGHT", "tonightevening", "evening", "noon", "afternoon", "midday", "midnight", "weekend",
    "weekday", "Monday", "sunday", "Sundays", "recent", "lately", "ago", "agO", "year", "YEAR", "years", "hour",
    "minute", "month", "week", "today", "\u212Aelvin", "\u0130", "\u0131", "\u017F", "\u00E9", " ", " ", " ",
    "\n", ",", ".", "-", "(", ")", "\uD83D\uDE80"};

  private static final List<String> RULES = List.of("dateline", "iso-date", "year-part", "juche", "clock",
      "hour-ampm", "military", "today", "later-today", "yesterday", "day-before-yesterday", "tomorrow", "ago",
      "this-last-next", "weekend", "weekday", "other-day", "recently", "duration", "noon");

  /** The regions as first written: the anchor pattern tried at every position. */
  private static List<Integer> byWholeScan(String text, Pattern anchor) {
    List<Integer> out = new ArrayList<>();
    Matcher m = anchor.matcher(text);
    while (m.find()) {
      int s = Math.max(0, m.start() - Regions.MARGIN);
      int e = Math.min(text.length(), m.end() + Regions.MARGIN);
      if (!out.isEmpty() && s <= out.get(out.size() - 1)) {
        out.set(out.size() - 1, Math.max(out.get(out.size() - 1), e));
      } else {
        out.add(s);
        out.add(e);
      }
    }
    return out;
  }

  private static List<Integer> boxed(int[] a) {
    List<Integer> out = new ArrayList<>();
    for (int x : a) {
      out.add(x);
    }
    return out;
  }

  @Test
  void everyAnchorGivesTheRegionsOfAWholeTextScan() {
    Set<Pattern> anchors = new LinkedHashSet<>();
    Stream.of(AbsoluteRules.rules(), RelativeRules.rules(), ClockRules.rules())
        .flatMap(List::stream)
        .forEach(r -> anchors.add(r.anchor()));
    assertThat(anchors).hasSizeGreaterThan(15);
    List<String> texts = new ArrayList<>(PieceTexts.random(PIECES, 20261123, 200, 12));
    texts.addAll(PieceTexts.random(PIECES, 20261124, 200, 200));
    int nonEmpty = 0;
    for (String text : texts) {
      Regions.Scan scan = new Regions.Scan(text);
      for (Pattern anchor : anchors) {
        List<Integer> expected = byWholeScan(text, anchor);
        assertThat(boxed(scan.regions(anchor))).as("%s in %s", anchor, text).isEqualTo(expected);
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(nonEmpty).as("the texts hold anchors").isGreaterThan(2000);
  }

  @Test
  void rulesSharingAnAnchorShareItsPattern() {
    for (String rule : RULES) {
      assertThat(Regions.anchorOf(rule)).isNotNull();
    }
    assertThat(Regions.anchorOf("weekday")).isSameAs(Regions.anchorOf("weekday-of-week"));
    assertThat(Regions.anchorOf("month")).isSameAs(Regions.anchorOf("day-month-year"));
  }
}
