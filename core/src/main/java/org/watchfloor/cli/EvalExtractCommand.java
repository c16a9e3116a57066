package org.watchfloor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.eval.extract.ExtractEvaluation;
import org.watchfloor.eval.extract.ExtractReport;
import org.watchfloor.eval.extract.PageScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor eval extract}: scores the HTML article extractor on a folder of pages. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Scores HTML article extraction on page folders (source.html, expected.html, expected-metadata.json):",
      "body-text token F1, exact title, byline, language and published time, and pages per second."
    })
public final class EvalExtractCommand implements Callable<Integer> {
  /** Exit code for a --pages directory that is missing or holds no pages. */
  public static final int EXIT_BAD_PAGES = 1;

  /** Output formats. */
  public enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Option(names = "--pages", required = true, paramLabel = "DIR", description = "Folder of page folders.")
  Path pages;

  @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--verbose", description = "One row per page.")
  boolean verbose;

  @Mixin ExtractionRuns runs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExtractEvaluation.Method m = runs.check(err).orElse(null);
    if (m == null) {
      return picocli.CommandLine.ExitCode.USAGE;
    }
    if (!Files.isDirectory(pages)) {
      err.println("error: --pages is not a directory: " + pages);
      return EXIT_BAD_PAGES;
    }
    ExtractReport report;
    try {
      report = new ExtractEvaluation().evaluate(pages, m, runs.repeat);
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return EXIT_BAD_PAGES;
    }
    if (report.pages().isEmpty()) {
      err.println("error: --pages holds no page folders with a source.html: " + pages);
      return EXIT_BAD_PAGES;
    }
    if (format == Format.json) {
      out.println(json(report));
    } else {
      table(report, out);
    }
    out.flush();
    return 0;
  }

  private void table(ExtractReport report, PrintWriter out) {
    String header = String.format(Locale.ROOT, "%-32s %9s %6s %6s %5s %6s %4s %9s", "page", "precision",
        "recall", "f1", "title", "byline", "lang", "published");
    if (verbose) {
      out.println(header);
      for (PageScore p : report.pages()) {
        out.println(String.format(Locale.ROOT, "%-32s %9.3f %6.3f %6.3f %5s %6s %4s %9s", p.page(), p.precision(),
            p.recall(), p.f1(), yes(p.titleMatch()), yes(p.bylineMatch()), yes(p.languageMatch()),
            p.publishedMatch() == null ? "-" : yes(p.publishedMatch())));
      }
    } else {
      out.println(header);
    }
    out.println(String.format(Locale.ROOT, "%-32s %9.3f %6.3f %6.3f %5.3f %6.3f %4.2f %9.3f",
        "ALL (mean; exact-match rates)", report.precisionMean(), report.recallMean(), report.bodyF1Mean(),
        report.titleExact(), report.bylineExact(), report.languageExact(), report.publishedExact()));
    out.println(report.summary());
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }

  private String json(ExtractReport report) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("method", report.method());
    root.put("pages", report.pages().size());
    root.put("body_f1_mean", report.bodyF1Mean());
    root.put("body_f1_median", report.bodyF1Median());
    root.put("precision_mean", report.precisionMean());
    root.put("recall_mean", report.recallMean());
    root.put("title_exact", report.titleExact());
    root.put("byline_exact", report.bylineExact());
    root.put("lang_exact", report.languageExact());
    root.put("published_exact", report.publishedExact());
    root.put("published_n", report.publishedCount());
    root.put("pages_per_s", report.pagesPerSecond());
    root.put("pages_per_cpu_s", report.pagesPerCpuSecond());
    if (!verbose) {
      return root.toString();
    }
    ArrayNode rows = root.putArray("per_page");
    for (PageScore p : report.pages()) {
      ObjectNode row = rows.addObject();
      row.put("page", p.page());
      row.put("precision", p.precision());
      row.put("recall", p.recall());
      row.put("f1", p.f1());
      row.put("title", p.titleMatch());
      row.put("byline", p.bylineMatch());
      row.put("lang", p.languageMatch());
      if (p.publishedMatch() == null) {
        row.putNull("published");
      } else {
        row.put("published", p.publishedMatch());
      }
    }
    return root.toString();
  }
}
