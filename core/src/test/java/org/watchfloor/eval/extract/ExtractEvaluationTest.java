package org.watchfloor.eval.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractEvaluationTest {
  static Path pages() throws Exception {
    return Path.of(ExtractEvaluationTest.class.getResource("/fixtures/html/eval-pages").toURI());
  }

  @Test
  void scoresEveryPageFolder() throws Exception {
    ExtractReport report = new ExtractEvaluation().evaluate(pages(), ExtractEvaluation.Method.EXTRACTOR, 2);

    assertThat(report.pages()).extracting(PageScore::page).containsExactly("kim-factory-visit", "launcher-output");
    assertThat(report.bodyF1Mean()).isGreaterThan(0.9);
    assertThat(report.titleExact()).isEqualTo(1.0);
    assertThat(report.languageExact()).isEqualTo(1.0);
    assertThat(report.publishedCount()).isEqualTo(1);
    assertThat(report.publishedExact()).isEqualTo(1.0);
    assertThat(report.pagesPerSecond()).isPositive();
    assertThat(report.summary()).startsWith("method=extractor pages=2 body_f1_mean=");
  }

  @Test
  void theNaiveBaselineKeepsTheCommentsAndLosesPrecision() throws Exception {
    ExtractReport report = new ExtractEvaluation().evaluate(pages(), ExtractEvaluation.Method.PARAGRAPHS, 1);
    assertThat(report.precisionMean()).isLessThan(1.0);
    assertThat(report.recallMean()).isEqualTo(1.0);
  }

  @Test
  void readability4jIsMeasuredOnTheSamePagesButReadsNoPublishedTime() throws Exception {
    ExtractReport report = new ExtractEvaluation().evaluate(pages(), ExtractEvaluation.Method.READABILITY4J, 1);

    assertThat(report.summary()).startsWith("method=readability4j pages=2 ");
    assertThat(report.bodyF1Mean()).isGreaterThan(0.5);
    assertThat(report.publishedCount()).isEqualTo(1);
    assertThat(report.publishedExact()).isZero();
    assertThat(report.pages()).allSatisfy(p -> assertThat(p.f1()).isPositive());
  }

  @Test
  void methodsAreNamedByTheirLabel() {
    assertThat(ExtractEvaluation.Method.byLabel("readability4j-extended"))
        .contains(ExtractEvaluation.Method.READABILITY4J_EXTENDED);
    assertThat(ExtractEvaluation.Method.byLabel("READABILITY4J")).isEmpty();
  }

  @Test
  void tokensAreLowerCasedWithoutTheDefaultLocale() {
    // Under a Turkish default locale "I" would lower-case to a dotless "ı".
    Map<String, Integer> bag = Tokens.bag("KIM Jong Un, Kim; HWASONG-18 (2025)");
    assertThat(bag).containsEntry("kim", 2).containsEntry("hwasong", 1).containsEntry("18", 1)
        .containsEntry("2025", 1).containsEntry("jong", 1).hasSize(6);
    assertThat(Tokens.overlap(Tokens.bag("a a b"), Tokens.bag("a b b c"))).isEqualTo(2);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    ExtractReport r = new ExtractReport("x", java.util.List.of(score(0.2), score(0.4), score(0.6), score(1.0)), 1, 1);
    assertThat(r.bodyF1Median()).isCloseTo(0.5, within(1e-9));
    assertThat(r.bodyF1Mean()).isCloseTo(0.55, within(1e-9));
  }

  private static PageScore score(double f1) {
    return new PageScore("p", f1, f1, f1, true, true, true, null, 1, java.util.List.of());
  }
}
