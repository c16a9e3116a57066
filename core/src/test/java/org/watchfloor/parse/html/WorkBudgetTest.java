package org.watchfloor.parse.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crafted pages that ask for work growing faster than the page are held to the work budget, in
 * counted steps rather than wall time, and still give their text.
 */
class WorkBudgetTest {
  private static final String LEAD = "<p>" + "The launch was reported by the joint chiefs, who gave its range. ".repeat(12) + "</p>";
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  /** Generated hostile pages: thousands of siblings a naive cleaner removes or moves one by one. */
  static Stream<Arguments> hostilePages() {
    int n = 3_000;
    return Stream.of(
        Arguments.of("comment siblings", "<div>" + LEAD + "<div class=comment>a, b</div>".repeat(n) + "</div>"),
        Arguments.of("empty paragraphs", "<div>" + LEAD + "<p></p>".repeat(n) + "</div>"),
        Arguments.of("asides", "<div>" + LEAD + "<aside>x</aside>".repeat(n) + "</div>"),
        Arguments.of("link-only divs", "<div>" + LEAD + "<div><a href=/x>link</a></div>".repeat(n) + "</div>"),
        Arguments.of("phrasing in one div", "<div>" + LEAD + "<span>a, b</span> ".repeat(n) + "</div>"),
        Arguments.of("unclosed tables", LEAD + "<table class=x>a, b ".repeat(n)),
        Arguments.of("br runs", "<div>" + LEAD + "a, b<br><br>".repeat(n) + "</div>"),
        Arguments.of("comments in one parent", "<div>" + LEAD + "<!-- c -->x ".repeat(n) + "</div>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostilePages")
  void aHostilePageStopsAtItsBudgetAndKeepsItsText(String name, String html) {
    long limit = 100_000;
    WorkBudget unlimited = new WorkBudget(Long.MAX_VALUE);
    extractor.extract(html, null, unlimited);
    // Without a budget the page asks for many times the limit: the budget is what bounds it.
    assertThat(unlimited.spent()).as("steps asked for").isGreaterThan(10 * limit);

    WorkBudget budget = new WorkBudget(limit);
    ExtractedPage page = extractor.extract(html, null, budget);

    assertThat(budget.spent()).as("steps spent").isLessThanOrEqualTo(limit);
    assertThat(budget.exhausted()).isTrue();
    assertThat(page.problems()).contains(budget.problem());
    assertThat(page.text()).contains("who gave its range");
  }

  @Test
  void theStandardBudgetBoundsAHostilePageJustUnderTheElementCap() {
    String html = "<div>" + LEAD + "<div class=comment>a, b</div>".repeat(HtmlArticleExtractor.MAX_ELEMENTS - 100) + "</div>";
    WorkBudget budget = WorkBudget.standard();

    ExtractedPage page = extractor.extract(html, null, budget);

    assertThat(budget.spent()).isLessThanOrEqualTo(WorkBudget.DEFAULT_STEPS);
    assertThat(budget.exhausted()).isTrue();
    assertThat(page.problems()).anySatisfy(p -> assertThat(p).contains("work budget of 4000000 steps"));
    assertThat(page.text()).contains("who gave its range");
  }

  @Test
  void ordinaryPagesSpendLessThanATenthOfTheStandardBudget() throws Exception {
    Path dir = Path.of(WorkBudgetTest.class.getResource("/fixtures/html").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        WorkBudget budget = WorkBudget.standard();
        ExtractedPage page = extractor.extract(Files.readString(file), null, budget);
        assertThat(budget.spent()).as(file.getFileName().toString()).isPositive()
            .isLessThan(WorkBudget.DEFAULT_STEPS / 10);
        assertThat(page.problems()).doesNotContain(budget.problem());
      }
    }
  }

  @Test
  void thousandsOfUnclosedTagsAreCutToTheDepthLimitKeepingTheirText() {
    String html = LEAD + "<div class=x>deep, deeper ".repeat(3_000) + "the deepest words";
    Document doc = Jsoup.parse(html);
    String textBefore = doc.text();
    TreeBounds.Shape before = TreeBounds.measure(doc);
    assertThat(before.depth()).isGreaterThan(TreeBounds.MAX_DEPTH);

    String problem = TreeBounds.cut(before);

    TreeBounds.Shape after = TreeBounds.measure(doc);
    assertThat(after.depth()).isLessThanOrEqualTo(TreeBounds.MAX_DEPTH);
    assertThat(after.workBound()).isLessThanOrEqualTo(TreeBounds.MAX_WORK);
    assertThat(doc.text()).isEqualTo(textBefore);
    assertThat(problem).contains("nested " + before.depth() + " deep").contains("limit of " + TreeBounds.MAX_DEPTH);

    ExtractedPage page = extractor.extract(html, null);
    assertThat(page.problems()).contains(problem);
    assertThat(page.text()).contains("the deepest words");
  }

  @Test
  void pagesWithinTheDepthLimitAreNotCut() {
    Document doc = Jsoup.parse(LEAD + "<div>".repeat(50) + "shallow enough");
    assertThat(TreeBounds.cut(TreeBounds.measure(doc))).isNull();
    assertThat(doc.text()).contains("shallow enough");
  }

  @Test
  void aBudgetRefusesEveryRequestOnceOneDidNotFit() {
    WorkBudget budget = new WorkBudget(10);
    assertThat(budget.spend(6)).isTrue();
    assertThat(budget.spend(5)).isFalse();
    assertThat(budget.spend(1)).isFalse();
    assertThat(budget.spent()).isEqualTo(6);
    assertThat(budget.exhausted()).isTrue();
    assertThatThrownBy(() -> new WorkBudget(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
