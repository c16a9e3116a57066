package org.watchfloor.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.cli.EvalClustersCommand;
import picocli.CommandLine;

class EvalClustersCommandTest {

  @TempDir Path tmp;

  private static final String LAUNCH = "url: https://wire.example/launch\noutlet: Wire Service\npublished: 2024-05-16\n"
      + "title: Missile launched\n\nNorth Korea fired a ballistic missile into the sea off its east coast on Thursday,"
      + " 16 May 2024, South Korea's Joint Chiefs of Staff said. The missile flew about 300 km before landing"
      + " outside Japan's exclusive economic zone, the military said.\n";

  private static final String SAME_LAUNCH = "url: https://tokyo.example/launch\noutlet: Tokyo Times\n"
      + "published: 2024-05-16\ntitle: Japan tracks missile\n\nJapan's defence ministry said a North Korean"
      + " ballistic missile fired on 16 May 2024 flew about 350 km and fell into the sea off the east coast."
      // (a report of one sentence that names neither Pyongyang nor North Korea itself is too little
      // for the relevance gate: see the README's "Extraction")
      + " Tokyo protested to Pyongyang through its embassy in Beijing.\n";

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new EvalClustersCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** An articles folder holding {@code a.txt} and {@code b.txt}, two reports of one launch. */
  private Path twoReportsOfOneLaunch() throws Exception {
    Path articles = Files.createDirectories(tmp.resolve("articles"));
    Files.writeString(articles.resolve("a.txt"), LAUNCH, StandardCharsets.UTF_8);
    Files.writeString(articles.resolve("b.txt"), SAME_LAUNCH, StandardCharsets.UTF_8);
    return articles;
  }

  @Test
  void twoReportsOfOneLaunchScorePerfectly() throws Exception {
    Path articles = twoReportsOfOneLaunch();
    Path gold = tmp.resolve("gold.csv");
    Files.writeString(gold, "event_key,event_type,article_urls\nlaunch,missile_launch,"
        + "https://wire.example/launch file:articles/b.txt\n", StandardCharsets.UTF_8);

    Run r = run("--gold", gold.toString(), "--articles", articles.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("pairwise      1.000     1.000     1.000")
        .contains("clusters: 1 gold events, 2 gold articles, 1 links gold / 1 system / 1 both; pairwise F1 1.000,"
            + " B-cubed F1 1.000; 2 articles, ");
  }

  @Test
  void detailsListSplitGoldEventsAndSystemEventsHoldingSeveral() throws Exception {
    Path articles = twoReportsOfOneLaunch();
    Path gold = tmp.resolve("gold.csv");
    // the gold wrongly calls the two reports of one launch two events, and adds an article to one
    // of them that no report places anywhere
    Files.writeString(gold, "event_key,event_type,article_urls\nfirst,missile_launch,https://wire.example/launch\n"
        + "second,missile_launch,file:articles/b.txt file:articles/none.txt\n", StandardCharsets.UTF_8);

    Run plain = run("--gold", gold.toString(), "--articles", articles.toString());
    assertThat(plain.out()).doesNotContain("split or unplaced");
    Run r = run("--details", "--gold", gold.toString(), "--articles", articles.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("split or unplaced gold events:\nsystem events holding articles of several gold events:\n")
        .containsPattern("\n  e[0-9a-f]{15} missile_launch 2024-05-16 \"[^\n]*\": first, second\n");
  }

  @Test
  void detailsShowWhereASplitEventsArticlesWent() throws Exception {
    Path articles = Files.createDirectories(tmp.resolve("articles"));
    Files.writeString(articles.resolve("a.txt"), LAUNCH, StandardCharsets.UTF_8);
    Files.writeString(articles.resolve("c.txt"), LAUNCH.replace("wire.example/launch", "wire.example/later")
        .replace("16 May 2024", "30 June 2024").replace("2024-05-16", "2024-06-30"), StandardCharsets.UTF_8);
    Path gold = tmp.resolve("gold.csv");
    Files.writeString(gold, "event_key,event_type,article_urls\nlaunch,missile_launch,"
        + "https://wire.example/launch https://wire.example/later\n", StandardCharsets.UTF_8);

    Run r = run("--details", "--gold", gold.toString(), "--articles", articles.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("  launch (missile_launch): 2 articles over 2 system events, 0 without one\n")
        .containsPattern("    https://wire.example/launch -> e[0-9a-f]{15} missile_launch 2024-05-16 ")
        .containsPattern("    https://wire.example/later -> e[0-9a-f]{15} missile_launch 2024-06-30 ")
        .contains("gold events split although articles share an origin (two of them in no common system event):\n"
            + "  launch: shared jcs; e")
        .contains("split although sharing an origin: 1 gold events;");
  }

  @Test
  void detailsListASystemEventHoldingTwoLaunchesOfOneMissileWeeksApart() throws Exception {
    Path articles = twoReportsOfOneLaunch();
    Path gold = tmp.resolve("gold.csv");
    // the gold says the two reports the system joins are firings of one missile six weeks apart
    Files.writeString(gold, "event_key,event_date,event_type,weapons,article_urls\n"
        + "april,2024-04-04,missile_launch,Hwasong-11; ballistic missile,https://wire.example/launch\n"
        + "may,2024-05-16,missile_launch,Hwasong 11,file:articles/b.txt\n", StandardCharsets.UTF_8);

    Run r = run("--details", "--gold", gold.toString(), "--articles", articles.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("system events holding launches of one weapon over 7 days apart:\n"
            + "  e[0-9a-f]{15} missile_launch 2024-05-16 \"[^\n]*\": april and may, 42 days apart, both hwasong11\n")
        .contains("same weapon's launches over 7 days apart merged: 1 system events");
  }

  @Test
  void aMissingGoldFileIsExitOne() {
    Run r = run("--gold", tmp.resolve("none.csv").toString(), "--articles", tmp.toString());
    assertThat(r.code()).isEqualTo(EvalClustersCommand.EXIT_BAD_INPUT);
    assertThat(r.err()).startsWith("error: --gold is not a file: ");
  }
}
