package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train events} from the command line: a model learned from an annotated corpus written for
 * this test is written to a folder that {@code ingest --events DIR} then reads; options that do not
 * go together, and a corpus that is not annotated, are refused naming what is wrong.
 */
class TrainEventsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Launch stories of this test's own words, each with its event and evidence, and talks with none. */
  private Path corpus() throws Exception {
    String[] places = {"off its east coast", "near Wonsan", "from a site north of the capital", "into the sea off Hamhung"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String day = String.format("2017-%02d-%02d", 1 + i % 9, 10 + i);
      String before = "It last fired a ballistic missile in March 2016.";
      String plan = "The North said it will launch a satellite rocket next month.";
      String lead = "North Korea fired a ballistic missile " + places[i % 4] + " early on Tuesday, the South's military said.";
      ObjectNode a = JSON.createObjectNode();
      a.put("id", "launch-" + i).put("url", "https://wire.example/" + day + "/launch").put("outlet", "Example Wire")
          .put("published", day).put("title", "North Korea fires missile")
          .put("text", lead + "\n\n" + before + "\n\nThe missile flew about 450 kilometres, officials said.\n\n" + plan
              + "\n\nMarkets barely moved.");
      ArrayNode events = a.putArray("events");
      ObjectNode e = events.addObject();
      e.put("key", day + "-launch").put("type", "missile_launch").put("date", day).put("date_precision", "day")
          .put("planned", false).put("role", "news").put("actor_country", "DPRK");
      e.putArray("weapons");
      e.putArray("evidence").add(lead);
      ObjectNode b = events.addObject();
      b.put("key", "2016-03-launch").put("type", "missile_launch").put("date", "2016-03").put("date_precision", "month")
          .put("planned", false).put("role", "background").put("actor_country", "DPRK");
      b.putArray("evidence").add(before);
      ObjectNode p = events.addObject();
      p.put("key", day.substring(0, 7) + "-plan").put("type", "missile_launch").put("date", day.substring(0, 7))
          .put("date_precision", "month").put("planned", true).put("role", "news").put("actor_country", "DPRK");
      p.putArray("evidence").add(plan);
      lines.add(JSON.writeValueAsString(a));
      ObjectNode talk = JSON.createObjectNode();
      talk.put("id", "talk-" + i).put("url", "https://wire.example/" + day + "/talks").put("outlet", "Example Wire")
          .put("published", day).put("title", "Trade talks end")
          .put("text", "Diplomats met in Geneva to discuss fishing rights.\n\nA professor said missile defence budgets were for parliament.");
      talk.putArray("events");
      lines.add(JSON.writeValueAsString(talk));
    }
    Path file = tmp.resolve("annotated.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aModelTrainedFromTheCommandLineIsReadByIngest() throws Exception {
    Path model = tmp.resolve("model");
    CliRunner.Result trained = CliRunner.run("train", "events", "--corpus", corpus().toString(), "--out", model.toString(),
        "--model-version", "test-1");
    assertThat(trained.exit()).as(trained.err()).isZero();
    assertThat(trained.out()).contains("event model test-1 trained on 24 articles");
    assertThat(model.resolve("event.properties")).exists();

    Path story = Files.writeString(tmp.resolve("story.txt"), """
        url: https://other.example/2018/launch
        outlet: Other Paper
        published: 2018-05-15
        title: Missile launch

        North Korea fired a ballistic missile near Wonsan early on Tuesday, the South's military said.
        """);
    String store = tmp.resolve("s").toString();
    CliRunner.Result ingest = CliRunner.run("ingest", "--store", store, "--events", model.toString(), story.toString());
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    String events = CliRunner.run("events", "--store", store, "--format", "jsonl").out();
    assertThat(events).contains("\"type\":\"missile_launch\"").contains("2018-05-15");
  }

  @Test
  void goldArticlesWithoutTheirGoldAndACorpusWithoutEventsAreRefused() throws Exception {
    Path corpus = corpus();
    CliRunner.Result half = CliRunner.run("train", "events", "--corpus", corpus.toString(), "--gold-articles",
        corpus.toString(), "--out", tmp.resolve("m").toString(), "--model-version", "x");
    assertThat(half.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(half.err()).contains("--gold-articles and --gold go together");

    CliRunner.Result alone = CliRunner.run("train", "events", "--corpus", corpus.toString(), "--gold-evidence",
        corpus.toString(), "--out", tmp.resolve("m").toString(), "--model-version", "x");
    assertThat(alone.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(alone.err()).contains("--gold-evidence labels articles of --gold-articles");

    Path gold = Files.writeString(tmp.resolve("gold.csv"), "event_key,event_date,event_type,article_urls\n");
    Path stale = Files.writeString(tmp.resolve("evidence.jsonl"),
        "{\"line\": 1, \"url\": \"https://wire.example/2017-01-10/launch\", \"text_sha256\": \"0\", \"events\": []}\n");
    CliRunner.Result changed = CliRunner.run("train", "events", "--corpus", corpus.toString(), "--gold-articles",
        corpus.toString(), "--gold", gold.toString(), "--gold-evidence", stale.toString(), "--out",
        tmp.resolve("m").toString(), "--model-version", "x");
    assertThat(changed.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(changed.err()).contains("evidence.jsonl (line 1 of ").contains("checksum differs");

    CliRunner.Result cv = CliRunner.run("eval", "cv", "--corpus", tmp.resolve("missing.jsonl").toString());
    assertThat(cv.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(cv.err()).contains("missing.jsonl");

    Path plain = Files.writeString(tmp.resolve("plain.jsonl"),
        "{\"id\": \"a\", \"url\": \"https://x.example/a\", \"outlet\": \"X\", \"published\": \"2020-01-01\","
            + " \"title\": \"t\", \"text\": \"Nothing happened.\"}\n");
    CliRunner.Result notAnnotated = CliRunner.run("train", "events", "--corpus", plain.toString(), "--out",
        tmp.resolve("m2").toString(), "--model-version", "x");
    assertThat(notAnnotated.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(notAnnotated.err()).contains("plain.jsonl").contains("no \"events\" field");
  }
}
