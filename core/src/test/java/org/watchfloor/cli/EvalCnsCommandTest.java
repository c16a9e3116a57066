package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvalCnsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new EvalCnsCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private static String fixture(String name) throws Exception {
    return Path.of(EvalCnsCommandTest.class.getResource("/fixtures/cns/" + name).toURI()).toString();
  }

  @Test
  void checksEachLaunchAgainstCnsThenGold() throws Exception {
    int exit = run("--cns", fixture("cns.csv"), "--articles", fixture("articles.jsonl"), "--gold", fixture("gold.csv"));

    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    String text = out.toString();
    assertThat(text).startsWith("CNS covers 2023-03-16 to 2023-09-15; articles=5 published in 2023-01..2023-09 (5 months)");
    assertThat(text).containsPattern("2023-07-12 \\[Hwasong-18.*->  CNS 2023-07-11 x1 Hwasong-18 ICBM \\(missile name\\)");
    assertThat(text).containsPattern("2023-08-31 \\[Hwasong-12\\].*->  CNS 2023-08-30 x2 Hwasong-11A \\(KN-23\\) SRBM"
        + " \\(missile differs\\)");
    assertThat(text).containsPattern("2023-09-02 .*->  gold 2023-09-02-cruise");
    assertThat(text).containsPattern("2023-06-15 .*->  NEITHER");
    assertThat(text).contains("LAUNCHES OUTSIDE CNS COVERAGE (1)\n  2023-01-01 ");
    assertThat(text).contains("CNS ROWS IN THE ARTICLES' MONTHS NOT FOUND (2)\n  2023-07-24 KN-25 SRBM success (line 7)\n"
        + "  2023-09-15 Unknown Unknown unknown (line 8)");
    assertThat(text).contains("launches=5 checked=4 cns=2 name_agrees=1 class_agrees=0 differs=1 unknown=0"
        + " gold_only=1 neither=1 outside=1 undated=0 cns_rows_missed=2\n");
    // row level: "two Hwasong-12 missiles" are two rows of the table, as CNS has two that day
    assertThat(text).containsPattern("CNS 2023-08-30 x2 .*\\[table rows 2, outcome unknown vs success,");
    assertThat(text).contains("rows: table_rows=3 cns_rows=3 rows_paired=3 count_agrees=2/2 outcome_stated=0"
        + " outcome_agrees=0 time_stated=0 time_agrees=0\n");
    // the site, landing, apogee and distance: "Sunan area" is CNS's Sunan, "East Sea" its sea-of-japan;
    // Japan's economic zone is not the sea CNS names; 1,001 km and 6,648 km agree with CNS's rounded
    // 1000 and 6600, "about 400 km" not with 350
    assertThat(text).containsPattern("CNS 2023-08-30 x2 .*facility Pyongyang International Airport vs Sunan,"
        + " landing Sea of Japan vs sea-of-japan, apogee_km unknown vs 50/na, distance_km 400 vs 350/na\\]");
    assertThat(text.strip()).endsWith("columns: facility_stated=1 facility_comparable=1 facility_agrees=1"
        + " landing_stated=2 landing_comparable=2 landing_agrees=1 apogee_stated=1 apogee_comparable=1 apogee_agrees=1"
        + " distance_stated=2 distance_comparable=2 distance_agrees=1");
  }

  @Test
  void theHelpIsFormattedWithoutAWarning() {
    // a bare "%" in the description made picocli warn on every --help and print it unformatted
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    String usage;
    System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      usage = new picocli.CommandLine(new EvalCnsCommand()).getUsageMessage();
    } finally {
      System.setErr(before);
    }
    assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Could not format");
    assertThat(usage).contains("(within 10 %,");
  }

  @Test
  void aMissingCnsFileIsBadInput() throws Exception {
    int exit = run("--cns", "/no/such/cns.csv", "--articles", fixture("articles.jsonl"));

    assertThat(exit).isEqualTo(EvalCnsCommand.EXIT_BAD_INPUT);
    assertThat(err.toString().strip()).isEqualTo("error: --cns is not a file: /no/such/cns.csv");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aCnsFileWithoutItsColumnsIsBadInput() throws Exception {
    int exit = run("--cns", fixture("gold.csv"), "--articles", fixture("articles.jsonl"));

    assertThat(exit).isEqualTo(EvalCnsCommand.EXIT_BAD_INPUT);
    assertThat(err.toString()).startsWith("error: CNS row lacks date_utc (source=");
  }
}
