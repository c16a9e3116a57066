package org.watchfloor.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.watchfloor.eval.extract.ExtractEvaluation;
import picocli.CommandLine.Option;

/**
 * Which HTML extraction method an evaluation runs and how many passes, as options shared by
 * {@code eval extract} and {@code eval html}.
 */
final class ExtractionRuns {

  private static final String METHODS =
      Arrays.stream(ExtractEvaluation.Method.values()).map(ExtractEvaluation.Method::label)
          .collect(Collectors.joining(", "));

  @Option(names = "--method", defaultValue = "extractor",
      description = "extractor, paragraphs (the naive all-<p> baseline), readability4j or readability4j-extended"
          + " (the library port of Readability.js); default: ${DEFAULT-VALUE}.")
  String method;

  @Option(names = "--repeat", defaultValue = "1",
      description = "Extraction passes; the fastest pass of each page gives its time (default: ${DEFAULT-VALUE}).")
  int repeat;

  /** The method asked for, or empty after saying on {@code err} what is wrong with the options. */
  Optional<ExtractEvaluation.Method> check(PrintWriter err) {
    Optional<ExtractEvaluation.Method> m = ExtractEvaluation.Method.byLabel(method);
    if (m.isEmpty()) {
      err.println("error: unknown --method '" + method + "' (expected one of " + METHODS + ")");
    } else if (repeat < 1) {
      err.println("error: --repeat must be at least 1: " + repeat);
      return Optional.empty();
    }
    return m;
  }
}
