package org.watchfloor.eval.extract;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The aggregate of an extraction evaluation.
 *
 * @param method the extraction method measured
 * @param pages one score per page, in folder-name order
 * @param pagesPerSecond pages extracted per second of wall time, extraction alone, on one thread
 * @param pagesPerCpuSecond pages extracted per second of the extracting thread's CPU time (less
 *     disturbed by other work on the machine; 0 when the JVM cannot measure it)
 */
public record ExtractReport(String method, List<PageScore> pages, double pagesPerSecond, double pagesPerCpuSecond) {
  public ExtractReport {
    Objects.requireNonNull(method, "method");
    pages = List.copyOf(pages);
  }

  public double bodyF1Mean() {
    return pages.stream().mapToDouble(PageScore::f1).average().orElse(0);
  }

  public double bodyF1Median() {
    double[] f1 = pages.stream().mapToDouble(PageScore::f1).sorted().toArray();
    if (f1.length == 0) {
      return 0;
    }
    int mid = f1.length / 2;
    return f1.length % 2 == 1 ? f1[mid] : (f1[mid - 1] + f1[mid]) / 2;
  }

  public double precisionMean() {
    return pages.stream().mapToDouble(PageScore::precision).average().orElse(0);
  }

  public double recallMean() {
    return pages.stream().mapToDouble(PageScore::recall).average().orElse(0);
  }

  public double titleExact() {
    return share(pages.stream().filter(PageScore::titleMatch).count(), pages.size());
  }

  public double bylineExact() {
    return share(pages.stream().filter(PageScore::bylineMatch).count(), pages.size());
  }

  public double languageExact() {
    return share(pages.stream().filter(PageScore::languageMatch).count(), pages.size());
  }

  /** Pages that expect a published time. */
  public int publishedCount() {
    return (int) pages.stream().filter(p -> p.publishedMatch() != null).count();
  }

  public double publishedExact() {
    long hits = pages.stream().filter(p -> Boolean.TRUE.equals(p.publishedMatch())).count();
    return share(hits, publishedCount());
  }

  /** One line: {@code pages=90 body_f1_mean=0.93 … pages_per_s=…}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "method=%s pages=%d body_f1_mean=%.3f body_f1_median=%.3f precision_mean=%.3f recall_mean=%.3f"
            + " title_exact=%.3f byline_exact=%.3f lang_exact=%.3f published_exact=%.3f (n=%d) pages_per_s=%.0f pages_per_cpu_s=%.0f",
        method, pages.size(), bodyF1Mean(), bodyF1Median(), precisionMean(), recallMean(), titleExact(),
        bylineExact(), languageExact(), publishedExact(), publishedCount(), pagesPerSecond, pagesPerCpuSecond);
  }

  private static double share(long hits, long total) {
    return total == 0 ? 0 : (double) hits / total;
  }
}
