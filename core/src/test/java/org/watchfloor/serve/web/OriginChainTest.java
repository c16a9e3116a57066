package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/**
 * The origin chain the event page shows for each report, primary source first: the origin, the
 * wire the article credits, the outlet; a link naming the one before it is left out.
 */
class OriginChainTest {

  private static final Map<String, String> NAMES = Map.of("kcna", "KCNA", "jcs", "South Korea's Joint Chiefs of Staff");

  private static Report report(String origin) {
    return new Report("a1-r0", "a1", "missile_launch", EventDate.day(LocalDate.of(2024, 5, 17)), false, false,
        List.of(), List.of(), List.of(), Map.of(), "A missile flew east.", 0, 20, null, Certainty.ASSERTED, origin,
        List.of());
  }

  private static Article article(String outlet, String text, @Nullable String byline) {
    return new Article("a1", null, null, outlet, "A title", byline, null, "en", text, "ha1", Set.of(), null, Map.of(),
        List.of());
  }

  @Test
  void aStateMediaClaimCarriedByAWireAndRepublishedIsThreeLinks() {
    OriginChain chain = OriginChain.of(report("kcna"),
        article("Example Weekly", "SEOUL (Reuters) - North Korea said it fired a missile.", null), NAMES);
    assertThat(chain.text()).isEqualTo("KCNA \u2192 Reuters \u2192 Example Weekly");
  }

  @Test
  void theWireItselfOrAnOutletsOwnStoryIsNotNamedTwice() {
    // the wire's own story: the origin traced to the wire, the wire credited, the wire publishing
    assertThat(OriginChain.of(report("outlet:Reuters"),
        article("Reuters", "SEOUL (Reuters) - A missile flew east.", null), NAMES).links())
        .containsExactly("Reuters");
    assertThat(OriginChain.of(report("outlet:Example Daily"), article("Example Daily", "A missile flew east.", null),
        NAMES).links()).containsExactly("Example Daily");
    // a byline credit and an outlet named with more words than the wire
    assertThat(OriginChain.of(report("jcs"),
        article("Associated Press News", "A missile flew east.", "By Jane Roe, Associated Press"), NAMES).links())
        .containsExactly("South Korea's Joint Chiefs of Staff", "Associated Press");
  }
}
