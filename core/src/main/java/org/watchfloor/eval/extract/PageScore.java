package org.watchfloor.eval.extract;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the extractor did on one page.
 *
 * @param page the page folder's name
 * @param precision share of extracted body tokens that are in the expected text
 * @param recall share of expected tokens that were extracted
 * @param f1 harmonic mean of precision and recall
 * @param titleMatch title equal to the expected one (whitespace collapsed)
 * @param bylineMatch byline equal to the expected one (whitespace collapsed)
 * @param languageMatch language equal to the expected one, ignoring case
 * @param publishedMatch same instant to the minute; null when the page expects no date
 * @param extractNanos time spent in extraction alone
 * @param problems what the extractor reported
 */
public record PageScore(
    String page,
    double precision,
    double recall,
    double f1,
    boolean titleMatch,
    boolean bylineMatch,
    boolean languageMatch,
    @Nullable Boolean publishedMatch,
    long extractNanos,
    List<String> problems) {
  public PageScore {
    Objects.requireNonNull(page, "page");
    problems = List.copyOf(problems);
  }
}
