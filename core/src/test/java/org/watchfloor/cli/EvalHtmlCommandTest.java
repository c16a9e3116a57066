package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalHtmlCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new EvalHtmlCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private static String bench() throws Exception {
    return Path.of(EvalHtmlCommandTest.class.getResource("/fixtures/html/benchmark").toURI()).toString();
  }

  @Test
  void scoresHalvesAndAllAndWritesTheTextsInTheBenchmarksFormat(@TempDir Path tmp) throws Exception {
    Path output = tmp.resolve("out.json");
    int exit = run("--pages", bench(), "--verbose", "--output", output.toString());

    assertThat(exit).as(err.toString()).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines[0]).startsWith("page").contains("site", "half", "precision", "recall", "ms");
    // one row per page, in name order, with its site
    assertThat(lines[1]).startsWith("clean").contains("example.org", "1.000  1.000");
    assertThat(lines[2]).startsWith("cluttered").contains("example.net");
    assertThat(lines[3]).startsWith("set");
    assertThat(lines[4]).startsWith("A");
    assertThat(lines[5]).startsWith("B");
    assertThat(lines[6]).startsWith("ALL").contains(" 2 ");
    assertThat(lines[7]).matches("method=extractor pages=2 sites=2 precision=0\\.\\d{4} recall=1\\.0000"
        + " f1=0\\.\\d{4} ms_per_page=\\d+\\.\\d{2}");
    // the quiz line is extra text: precision below 1 on that page
    assertThat(lines[2]).doesNotContain("1.000  1.000");
    JsonNode json = new ObjectMapper().readTree(output.toFile());
    assertThat(json.get("clean").get("articleBody").asText()).contains("ballistic missile");
    assertThat(json.get("cluttered").get("articleBody").asText()).contains("weekly quiz");
  }

  @Test
  void aFolderWithoutGroundTruthIsRefusedByName(@TempDir Path tmp) throws Exception {
    assertThat(run("--pages", tmp.toString())).isEqualTo(EvalHtmlCommand.EXIT_BAD_PAGES);
    assertThat(err.toString()).contains("not a benchmark folder", tmp.toString());
  }

  @Test
  void aMissingPageIsNamed(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("pages"));
    Files.writeString(tmp.resolve("ground-truth.json"),
        "{\"gone\": {\"url\": \"https://example.org/a\", \"articleBody\": \"text\"}}");
    assertThat(run("--pages", tmp.toString())).isEqualTo(EvalHtmlCommand.EXIT_BAD_PAGES);
    assertThat(err.toString()).contains("gone.html");
  }

  @Test
  void groundTruthThatIsNotAnObjectIsRefused(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("pages"));
    Files.writeString(tmp.resolve("ground-truth.json"), "[1, 2]");
    assertThat(run("--pages", tmp.toString())).isEqualTo(EvalHtmlCommand.EXIT_BAD_PAGES);
    assertThat(err.toString()).contains("not a JSON object", "ground-truth.json");
  }

  @Test
  void unknownMethodIsAUsageError() throws Exception {
    assertThat(run("--pages", bench(), "--method", "magic")).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("unknown --method 'magic'");
  }
}
