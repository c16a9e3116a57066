package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench alerts} runs {@code run} as a child process against its own feed and receiver and
 * reports each item; the latencies are measurements, not asserted, only that every item was alerted
 * and each has one line. A store already there is refused, naming it: the figure is of a fresh store.
 */
class BenchAlertsCommandTest {

  @TempDir Path tmp;

  @Test
  void twoItemsAreEachAlertedAndReported() throws Exception {
    Path out = tmp.resolve("bench");
    CliRunner.Result r = CliRunner.run("bench", "alerts", "--out", out.toString(), "--items", "2", "--every", "1",
        "--run-option=--interval=1", "--drain", "60");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 of 2 items delivered", "median", "max");
    List<String> lines = Files.readAllLines(out.resolve("latency.csv"));
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(1, 3)).allMatch(l -> l.matches("\\d+,/harbour/[^,]+,\\d+"));
  }

  @Test
  void anExistingStoreIsRefused() throws Exception {
    Path out = tmp.resolve("bench");
    Files.createDirectories(out.resolve("store"));
    CliRunner.Result r = CliRunner.run("bench", "alerts", "--out", out.toString(), "--items", "1");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains(out.resolve("store").toString(), "fresh store");
  }
}
