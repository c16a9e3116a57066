package org.watchfloor.extract.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule tried only where its {@link Starts} occur finds the same candidates as the rule tried
 * at every position of its regions, on the sample articles and on texts crowded with the words
 * the rules open with, in odd casings, glued to letters, digits and non-ASCII letters.
 */
class RuleStartsTest {

  private static final String[] PIECES = {
    "in", "In", "IN", "since", "during", "by", "until", "till", "before", "after", "through", "from", "FROM",
    "between", "of", "last", "Last", "next", "this", "This past", "this coming", "the", "The", "THE", "early",
    "Early", "mid", "mid-", "late", "beginning of", "start of", "end of", "middle of", "first half of",
    "second quarter of", "Monday", "Wednesday,", "Sun", "Sunday", "January", "Jan.", "Sept", "Sept.", "May", "Mar",
    "March", "Dec", "December", "5", "26th", "31st", "2024", "1999", "20", "19", "18", "1850s", "the 1990s",
    "2021–2025", "-", "–", "to", "and", "through", "12/26/2025", "2025-12-26", "Juche 113", "(2024)", "yesterday",
    "the previous day", "the day before", "last night", "earlier", "later", "at the end of", "week", "month",
    "year", "just", "the other day", "in recent days", "coming", "past", "evening", "a", "an", "a few", "one", "two",
    "twelve", "seventy", "several", "dozens of", "days", "hours", "minute", "decade", "long", "for", "over",
    "within", "more than", "about", "nearly", "almost", "some", "around", "x", "é", "\u0130", "\u212A", "_", "9",
    ",", ".", "\n", "  "};

  private static final List<Rule> RULES = Stream.of(AbsoluteRules.rules(), RelativeRules.rules(),
      ClockRules.rules()).flatMap(List::stream).toList();

  private static List<String> texts() {
    List<String> out = new ArrayList<>(PieceTexts.sampleArticles());
    out.addAll(PieceTexts.random(PIECES, 4_200_200, 300, 300));
    return out;
  }

  private static List<Candidate> apply(Rule rule, String text) {
    List<Candidate> out = new ArrayList<>();
    rule.apply(new Context(text, LocalDate.of(2024, 6, 15)), new Regions.Scan(text), out);
    return out;
  }

  @Test
  void aRuleTriedAtItsStartsFindsWhatItFindsTriedEverywhere() {
    List<String> texts = texts();
    int withStarts = 0;
    int found = 0;
    for (Rule rule : RULES) {
      if (rule.starts() == null) {
        continue;
      }
      withStarts++;
      Rule everywhere = new Rule(rule.name(), rule.pattern(), rule.resolver(), null, rule.hasX());
      for (String text : texts) {
        List<Candidate> expected = apply(everywhere, text);
        assertThat(apply(rule, text)).as("rule %s on %s", rule.name(), text).isEqualTo(expected);
        found += expected.size();
      }
    }
    assertThat(withStarts).isGreaterThan(15);
    assertThat(found).as("the texts exercise the rules").isGreaterThan(5000);
  }
}
