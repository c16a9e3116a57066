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

  /**
   * With {@code --ingest FILE} the articles of the file are ingested into the served store while the
   * load runs, and the report says how many were stored; a file that is not JSON Lines is refused
   * naming it, and {@code --ingest} with {@code --url} (a store served elsewhere) is a usage error.
   */
  @Test
  void anIngestRunsBesideTheLoadAndSaysWhatItStored() throws Exception {
    Path store = tmp.resolve("store");
    CliRunner.Result ingest = CliRunner.run("ingest", "--store", store.toString(), "src/main/resources/sample-corpus/articles");
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    Path articles = tmp.resolve("more.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      lines.append("{\"url\":\"https://wire.example/beside/").append(i).append("\",\"outlet\":\"Wire\",\"published\":\"2024-0")
          .append(i + 1).append("-10\",\"title\":\"Launch ").append(i).append("\",\"text\":\"North Korea fired a ballistic")
          .append(" missile into the sea on ").append(i + 1).append(" March 2024, the Joint Chiefs of Staff said.\"}\n");
    }
    java.nio.file.Files.writeString(articles, lines);
    CliRunner.Result r = CliRunner.run("bench", "serve", "--store", store.toString(), "--clients", "1", "--seconds", "8",
        "--warmup", "0", "--ingest", articles.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("ingesting " + articles).containsPattern("ingest beside: 3 articles stored in")
        .contains("it ran out of articles before the load ended");

    CliRunner.Result notJsonl = CliRunner.run("bench", "serve", "--store", store.toString(), "--seconds", "1",
        "--ingest", tmp.resolve("nothing.txt").toString());
    assertThat(notJsonl.exit()).isNotZero();
    assertThat(notJsonl.err()).contains("nothing.txt").contains("JSON Lines");

    CliRunner.Result elsewhere = CliRunner.run("bench", "serve", "--url", "http://127.0.0.1:9", "--ingest", articles.toString());
    assertThat(elsewhere.exit()).isEqualTo(Main.USAGE);
    assertThat(elsewhere.err()).contains("--ingest");
  }

  @Test
  void benchWithoutItsCorpusIsAUsageError() {
    CliRunner.Result r = CliRunner.run("bench");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--generate N and --out DIR are required");
  }
}
