package org.watchfloor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.eval.extract.ExtractEvaluation;
import org.watchfloor.eval.extract.HtmlBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor eval html}: scores main-text extraction on a benchmark with checked article text. */
@Command(
    name = "html",
    mixinStandardHelpOptions = true,
    description = {
      "Scores HTML main-text extraction on a benchmark folder (ground-truth.json and pages/NAME.html):",
      "word 4-gram precision and recall per page, averaged over pages, F1 from the two means;",
      "by halves of the sites (A, B: a site is never in both) and over all pages, with time per page."
    })
public final class EvalHtmlCommand implements Callable<Integer> {
  /** Exit code for a --pages folder that is missing or not a benchmark. */
  public static final int EXIT_BAD_PAGES = 1;

  @Spec CommandSpec spec;

  @Option(names = "--pages", required = true, paramLabel = "DIR",
      description = "Benchmark folder holding ground-truth.json and pages/.")
  Path pages;

  @Mixin ExtractionRuns runs;

  @Option(names = "--verbose", description = "One row per page.")
  boolean verbose;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the extracted texts as JSON, {NAME: {\"articleBody\": TEXT}}, the benchmark's own format.")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExtractEvaluation.Method m = runs.check(err).orElse(null);
    if (m == null) {
      return picocli.CommandLine.ExitCode.USAGE;
    }
    if (!Files.isRegularFile(pages.resolve("ground-truth.json")) || !Files.isDirectory(pages.resolve("pages"))) {
      err.println("error: --pages is not a benchmark folder with ground-truth.json and pages/: " + pages);
      return EXIT_BAD_PAGES;
    }
    HtmlBenchmark.Report report;
    try {
      report = new HtmlBenchmark().evaluate(pages, m, runs.repeat);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return EXIT_BAD_PAGES;
    }
    if (verbose) {
      out.println(String.format(Locale.ROOT, "%-16s %-24s %4s %9s %6s %8s", "page", "site", "half", "precision",
          "recall", "ms"));
      for (HtmlBenchmark.Page p : report.pages()) {
        out.println(String.format(Locale.ROOT, "%-16s %-24s %4s %9.3f %6.3f %8.2f", p.name().substring(0,
            Math.min(16, p.name().length())), p.site(), p.half(), p.counts().precision(), p.counts().recall(),
            p.extractNanos() / 1e6));
      }
    }
    out.println(String.format(Locale.ROOT, "%-5s %5s %9s %6s %6s %8s", "set", "pages", "precision", "recall", "f1",
        "ms/page"));
    row(out, "A", report.half(HtmlBenchmark.Half.A));
    row(out, "B", report.half(HtmlBenchmark.Half.B));
    row(out, "ALL", report.all());
    HtmlBenchmark.Score all = report.all();
    out.println(String.format(Locale.ROOT, "method=%s pages=%d sites=%d precision=%.4f recall=%.4f f1=%.4f"
        + " ms_per_page=%.2f", report.method(), all.pages(), report.sites(), all.precision(), all.recall(), all.f1(),
        all.millisPerPage()));
    out.flush();
    if (output != null) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = mapper.createObjectNode();
      for (HtmlBenchmark.Page p : report.pages()) {
        root.putObject(p.name()).put("articleBody", p.text());
      }
      try {
        mapper.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), root);
      } catch (IOException e) {
        err.println("error: cannot write --output " + output + ": " + e.getMessage());
        return EXIT_BAD_PAGES;
      }
    }
    return 0;
  }

  private static void row(PrintWriter out, String name, HtmlBenchmark.Score s) {
    out.println(String.format(Locale.ROOT, "%-5s %5d %9.4f %6.4f %6.4f %8.2f", name, s.pages(), s.precision(),
        s.recall(), s.f1(), s.millisPerPage()));
  }
}
