package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalExtractCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new EvalExtractCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private static String pages() throws Exception {
    return Path.of(EvalExtractCommandTest.class.getResource("/fixtures/html/eval-pages").toURI()).toString();
  }

  @Test
  void printsTheAggregateRowAndASummaryLine() throws Exception {
    int exit = run("--pages", pages());

    assertThat(exit).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("page").contains("precision", "recall", "f1", "title", "published");
    assertThat(lines[1]).startsWith("ALL (mean; exact-match rates)");
    assertThat(lines[2]).matches(
        "method=extractor pages=2 body_f1_mean=\\d\\.\\d{3} body_f1_median=\\d\\.\\d{3} precision_mean=\\d\\.\\d{3}"
            + " recall_mean=\\d\\.\\d{3} title_exact=1\\.000 byline_exact=1\\.000 lang_exact=1\\.000"
            + " published_exact=1\\.000 \\(n=1\\) pages_per_s=\\d+ pages_per_cpu_s=\\d+");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void verboseAddsOneRowPerPage() throws Exception {
    assertThat(run("--pages", pages(), "--verbose")).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines).hasSize(5);
    assertThat(lines[1]).startsWith("kim-factory-visit").endsWith("yes");
    assertThat(lines[2]).startsWith("launcher-output").endsWith("-");
  }

  @Test
  void jsonFormat() throws Exception {
    assertThat(run("--pages", pages(), "--format", "json", "--verbose")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("pages").asInt()).isEqualTo(2);
    assertThat(json.get("published_n").asInt()).isEqualTo(1);
    assertThat(json.get("per_page")).hasSize(2);
  }

  @Test
  void theBaselineCanBeMeasuredSideBySide() throws Exception {
    assertThat(run("--pages", pages(), "--method", "paragraphs")).isZero();
    assertThat(out.toString()).contains("method=paragraphs pages=2");
  }

  @Test
  void missingPagesDirectoryIsExitOneWithAOneLineErrorNamingIt(@TempDir Path tmp) {
    Path missing = tmp.resolve("no-such-dir");
    assertThat(run("--pages", missing.toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: --pages is not a directory: " + missing + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void directoryWithoutPagesIsExitOne(@TempDir Path tmp) {
    assertThat(run("--pages", tmp.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: --pages holds no page folders").contains(tmp.toString());
  }

  @Test
  void usageErrorsAreExitTwo() throws Exception {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--pages=DIR'");
    assertThat(run("--pages", pages(), "--format", "xml")).isEqualTo(2);
    assertThat(run("--pages", pages(), "--method", "magic")).isEqualTo(2);
  }

  @Test
  void helpIsExitZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: extract").contains("--pages=DIR", "--verbose", "--format");
  }
}
