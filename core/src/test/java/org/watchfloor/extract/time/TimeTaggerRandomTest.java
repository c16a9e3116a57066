package org.watchfloor.extract.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random texts: the tagger never throws, and its spans stay inside and apart. */
class TimeTaggerRandomTest {

  private static final String[] PIECES = {
    "January", "Dec.", "May", " 26", "31", "29", "February 30", "2024", "1999", "Juche 113",
    " (", ")", "-", "–", "/", ":", "7:10", "a.m.", "KST", "GMT", "(0223 GMT)", "Friday",
    "late", "early", "mid-", "last", "next", "week", "year", "ago", "three", "days", "the",
    "other day", "between", " and ", "from", " to ", ",", ".", "\n", "Pyongyang, ", "(KCNA)",
    " ", "  ", "é", "İ", "\u0000", "\uD83D\uDE80", "99999999999", "0", "will", "\""
  };

  @Test
  void neverThrowsAndKeepsSpansInsideAndApart() {
    TimeTagger tagger = new TimeTagger();
    Random random = new Random(20251226L);
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        if (random.nextInt(5) == 0) {
          sb.append((char) random.nextInt(0x3000));
        } else {
          sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
      }
      String text = sb.toString();
      LocalDate anchor = LocalDate.of(1990 + random.nextInt(60), 1, 1).plusDays(random.nextInt(366));
      List<TimeExpression> found = tagger.tag(text, anchor);
      int lastEnd = 0;
      for (TimeExpression e : found) {
        assertThat(e.start()).as(text).isGreaterThanOrEqualTo(lastEnd);
        assertThat(e.end()).as(text).isLessThanOrEqualTo(text.length()).isGreaterThan(e.start());
        assertThat(e.text()).isEqualTo(text.substring(e.start(), e.end()));
        lastEnd = e.end();
      }
    }
  }
}
