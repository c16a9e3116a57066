package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(CliTest.class.getClassLoader().getResource("fixtures/" + name).toURI());
  }

  private List<JsonNode> jsonLines(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void twoReportsOfOneDirectiveBecomeOneEventWithBothReports() throws Exception {
    String store = tmp.resolve("s").toString();
    CliRunner.Result ingest = CliRunner.run("ingest", "--store", store, fixture("directive").toString());
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    assertThat(ingest.out()).startsWith("ingested 2 articles (0 already stored, 0 failed)");

    CliRunner.Result events = CliRunner.run("events", "--store", store, "--format", "jsonl");
    assertThat(events.exit()).isZero();
    List<JsonNode> directives = jsonLines(events.out()).stream()
        .filter(e -> e.get("type").asText().equals("production_directive")).toList();
    assertThat(directives).hasSize(1);
    JsonNode e = directives.get(0);
    assertThat(e.get("date").asText()).isIn("2024-03-07", "2024-03-08");
    assertThat(e.get("reports")).hasSize(2);
    for (JsonNode r : e.get("reports")) {
      assertThat(r.get("source_path").asText()).endsWith(".txt");
      assertThat(r.get("evidence").asText()).containsIgnoringCase("missile");
    }
    assertThat(e.get("corroboration").get("independent_origins").asInt()).isEqualTo(1);
    assertThat(e.fieldNames()).toIterable().contains("id", "type", "date", "date_precision", "planned", "actors",
        "weapons", "locations", "attributes", "summary", "confidence", "corroboration", "conflicts", "reports");
    assertThat(e.get("actors").toString()).contains("Kim Jong Un");
  }

  @Test
  void eventsNamesWhatReadsEventsAndAFolderWithoutAModelIsRefused() throws Exception {
    String store = tmp.resolve("s").toString();
    CliRunner.Result bad = CliRunner.run("ingest", "--store", store, "--events", tmp.resolve("nowhere").toString(),
        fixture("directive").toString());
    assertThat(bad.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(bad.err()).contains("--events").contains("nowhere");
    Path empty = Files.createDirectories(tmp.resolve("empty-model"));
    CliRunner.Result none = CliRunner.run("ingest", "--store", store, "--events", empty.toString(), fixture("directive").toString());
    assertThat(none.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(none.err()).contains("event model file").contains("is missing").doesNotContain("IOException");

    CliRunner.Result learned = CliRunner.run("ingest", "--store", store, "--events", "learned", fixture("directive").toString());
    assertThat(learned.exit()).as(learned.err()).isZero();
    List<JsonNode> events = jsonLines(CliRunner.run("events", "--store", store, "--format", "jsonl").out());
    assertThat(events).isNotEmpty();
    assertThat(events.get(0).get("summary").asText()).containsIgnoringCase("production");
  }

  @Test
  void reIngestingChangesNothing() throws Exception {
    String store = tmp.resolve("s").toString();
    CliRunner.run("ingest", "--store", store, fixture("directive").toString());
    String before = CliRunner.run("events", "--store", store, "--format", "jsonl").out();
    CliRunner.Result again = CliRunner.run("ingest", "--store", store, fixture("directive").toString());
    assertThat(again.out()).startsWith("ingested 0 articles (2 already stored, 0 failed)");
    assertThat(CliRunner.run("events", "--store", store, "--format", "jsonl").out()).isEqualTo(before);
    assertThat(jsonLines(CliRunner.run("articles", "--store", store, "--format", "jsonl").out())).hasSize(2);
  }

  @Test
  void badFilesAreNamedOneLineEachAndTheRestIsIngested() throws Exception {
    String store = tmp.resolve("s").toString();
    Path missing = tmp.resolve("nope.txt");
    CliRunner.Result r = CliRunner.run("ingest", "--store", store, fixture("bad").toString(), missing.toString());
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().lines().filter(l -> l.startsWith("watchfloor: error: ")).toList())
        .hasSize(3)
        .anySatisfy(l -> assertThat(l).contains("empty.txt: empty file"))
        .anySatisfy(l -> assertThat(l).contains("image.txt: binary file"))
        .anySatisfy(l -> assertThat(l).contains("nope.txt: no such file or folder"));
    List<JsonNode> articles = jsonLines(CliRunner.run("articles", "--store", store, "--format", "jsonl").out());
    assertThat(articles).extracting(a -> a.get("title").asText()).containsExactly("A good one");
  }

  @Test
  void aFileOfRandomHighBytesIsRefusedAsNotTextNamingIt() throws Exception {
    byte[] noise = new byte[16_384];
    java.util.SplittableRandom random = new java.util.SplittableRandom(14);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (byte) (0x80 + random.nextInt(0x80));
    }
    Path file = java.nio.file.Files.write(tmp.resolve("noise.txt"), noise);
    String store = tmp.resolve("s").toString();
    CliRunner.Result r = CliRunner.run("ingest", "--store", store, file.toString());
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().lines().filter(l -> l.startsWith("watchfloor: error: ")).toList()).singleElement()
        .asString().startsWith("watchfloor: error: " + file + ": not text: ");
    assertThat(r.out()).startsWith("ingested 0 articles (0 already stored, 1 failed)");
  }

  @Test
  void articleContractHasEveryKey() throws Exception {
    String store = tmp.resolve("s").toString();
    CliRunner.run("ingest", "--store", store, fixture("directive/clutter-ai-disclaimer.txt").toString());
    JsonNode a = jsonLines(CliRunner.run("articles", "--store", store, "--format", "jsonl").out()).get(0);
    assertThat(a.fieldNames()).toIterable().contains("id", "url", "source_path", "outlet", "title", "byline",
        "published", "language", "flags", "copy_of", "text");
    assertThat(a.get("flags").toString()).contains("ai_generated");
    assertThat(a.get("published").asText()).isEqualTo("2024-03-08");
    assertThat(a.get("text").asText()).doesNotContain("Comments").doesNotContain("minutes read");
  }

  @Test
  void aDirectoryThatIsNotAStoreIsRefusedAndLeftUntouched() throws Exception {
    Path dir = tmp.resolve("notes");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("mine.txt"), "my own notes", StandardCharsets.UTF_8);
    CliRunner.Result r = CliRunner.run("events", "--store", dir.toString());
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("not a Watchfloor store");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("mine.txt");
    }
  }

  @Test
  void aStoreOfAnotherFormatIsRefused() throws Exception {
    Path dir = tmp.resolve("future");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("WATCHFLOOR-STORE"), "watchfloor store format 9\n", StandardCharsets.UTF_8);
    CliRunner.Result r = CliRunner.run("articles", "--store", dir.toString());
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("another version of Watchfloor");
    assertThat(Files.exists(dir.resolve("watchfloor.db"))).isFalse();
  }

  @Test
  void unknownEventIdIsBadInput() throws Exception {
    CliRunner.run("ingest", "--store", tmp.resolve("s").toString(), fixture("bad/good.txt").toString());
    CliRunner.Result r = CliRunner.run("event", "--store", tmp.resolve("s").toString(), "e-nope");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).isEqualTo("watchfloor: no event with id e-nope\n");
  }

  @Test
  void usageErrorsExitTwoAndHelpExitsZero() {
    assertThat(CliRunner.run("events", "--format", "yaml").exit()).isEqualTo(Main.USAGE);
    assertThat(CliRunner.run("frobnicate").exit()).isEqualTo(Main.USAGE);
    for (String cmd : List.of("ingest", "events", "event", "articles", "search", "export", "run", "serve", "eval")) {
      CliRunner.Result help = CliRunner.run(cmd, "--help");
      assertThat(help.exit()).as(cmd).isZero();
      assertThat(help.out()).as(cmd).contains("Usage: watchfloor " + cmd);
    }
  }

  @Test
  void searchFindsArticlesAndEvents() throws Exception {
    String store = tmp.resolve("s").toString();
    CliRunner.run("ingest", "--store", store, fixture("directive").toString());
    CliRunner.Result r = CliRunner.run("search", "--store", store, "munitions");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("article ").contains("[munitions]");
    CliRunner.Result ev = CliRunner.run("search", "--store", store, "--kind", "event", "missile");
    assertThat(ev.out()).startsWith("event ");
    assertThat(CliRunner.run("search", "--store", store, "AND (").exit()).isEqualTo(Main.BAD_INPUT);
  }

  @Test
  void runSeedsAnEmptyStoreWithTheSampleCorpusAndIngestsTheInbox() throws Exception {
    Path store = tmp.resolve("s");
    CliRunner.Result first = CliRunner.run("run", "--store", store.toString(), "--once");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("ingesting the bundled sample corpus").contains("watchfloor events --store");
    int articles = jsonLines(CliRunner.run("articles", "--store", store.toString(), "--format", "jsonl").out()).size();
    assertThat(articles).isGreaterThanOrEqualTo(30);

    Files.copy(fixture("bad/good.txt"), store.resolve("inbox/good.txt"));
    CliRunner.Result second = CliRunner.run("run", "--store", store.toString(), "--once");
    assertThat(second.out()).doesNotContain("sample corpus").contains("ingested 1 articles");
    assertThat(Files.exists(store.resolve("inbox/processed/good.txt"))).isTrue();
  }

  @Test
  void exportWritesCsvWithCitations() throws Exception {
    String store = tmp.resolve("s").toString();
    CliRunner.run("ingest", "--store", store, fixture("directive").toString());
    CliRunner.Result r = CliRunner.run("export", "--store", store, "--format", "csv");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("id,type,date,date_precision");
    assertThat(r.out()).contains("production_directive").contains("clutter-ai-disclaimer.txt");
  }

  @Test
  void theLaunchTableLeavesOutLaunchesRecalledInPassingUnlessAsked() throws Exception {
    Path dir = tmp.resolve("b");
    try (org.watchfloor.store.Store s = org.watchfloor.store.Store.open(dir)) {
      org.watchfloor.serve.NewsAndBackgroundLaunches.fill(s);
    }
    CliRunner.Result news = CliRunner.run("export", "--store", dir.toString(), "--launches");
    assertThat(news.exit()).isZero();
    assertThat(news.out().lines().skip(1)).singleElement().asString()
        .contains(org.watchfloor.serve.NewsAndBackgroundLaunches.NEWS).endsWith(",false");
    CliRunner.Result all = CliRunner.run("export", "--store", dir.toString(), "--launches", "--include-background");
    assertThat(all.exit()).isZero();
    assertThat(all.out().lines().skip(1).toList()).hasSize(2)
        .anySatisfy(l -> assertThat(l).contains(org.watchfloor.serve.NewsAndBackgroundLaunches.RECALLED)
            .endsWith(",true"));
  }

  @Test
  void anOversizedFileIsRefusedWithItsSizeAndTheRestIsIngested() throws Exception {
    Path dir = tmp.resolve("in");
    Files.createDirectories(dir);
    Files.copy(fixture("bad/good.txt"), dir.resolve("good.txt"));
    Path big = dir.resolve("huge.txt");
    try (var out = Files.newOutputStream(big)) {
      byte[] line = "North Korea fired a missile, the military said. ".repeat(20).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written <= 21L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    CliRunner.Result r = CliRunner.run("ingest", "--store", tmp.resolve("s").toString(), dir.toString());
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("huge.txt: file too large (21.0 MB, limit 20 MB)");
    assertThat(r.out()).startsWith("ingested 1 articles (0 already stored, 1 failed)");
  }

  @Test
  void readingCommandsNeedAStoreAndWorkBesideAWriter() throws Exception {
    Path store = tmp.resolve("s");
    CliRunner.Result none = CliRunner.run("events", "--store", store.toString());
    assertThat(none.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(none.err()).contains("no store here yet");
    assertThat(Files.exists(store)).isFalse();

    CliRunner.run("ingest", "--store", store.toString(), fixture("directive").toString());
    try (org.watchfloor.store.Store writer = org.watchfloor.store.Store.open(store)) {
      CliRunner.Result events = CliRunner.run("events", "--store", store.toString(), "--format", "jsonl");
      assertThat(events.exit()).as(events.err()).isZero();
      assertThat(jsonLines(events.out())).isNotEmpty();
      CliRunner.Result search = CliRunner.run("search", "--store", store.toString(), "munitions");
      assertThat(search.out()).contains("[munitions]");
      assertThat(writer.count("articles")).isEqualTo(2);
    }
  }
}
