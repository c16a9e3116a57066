package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench serve} runs its load against a workbench over the sample store and prints a row per
 * endpoint; the figures themselves are measurements, not asserted. {@code bench} without its
 * corpus options is a usage error, as before they stopped being required by picocli.
 */
class BenchServeCommandTest {

  @TempDir Path tmp;

  @Test
  void aShortLoadPrintsEveryEndpointWithoutErrors() {
    Path store = tmp.resolve("store");
    CliRunner.Result ingest = CliRunner.run("ingest", "--store", store.toString(), "src/main/resources/sample-corpus/articles");
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    CliRunner.Result r = CliRunner.run("bench", "serve", "--store", store.toString(), "--clients", "2", "--seconds", "1",
        "--warmup", "0");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("endpoint", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors");
    for (String endpoint : new String[] {"event by id (API)", "event page (HTML)", "event list (API)",
        "event list filtered (API)", "search (API)", "entity (API)", "timeline (HTML)", "all"}) {
      assertThat(r.out()).contains(endpoint);
    }
    String all = r.out().lines().filter(l -> l.startsWith("all ")).findFirst().orElseThrow();
    assertThat(all.strip()).endsWith(" 0");
  }

  @Test
  void benchWithoutItsCorpusIsAUsageError() {
    CliRunner.Result r = CliRunner.run("bench");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--generate N and --out DIR are required");
  }
}
