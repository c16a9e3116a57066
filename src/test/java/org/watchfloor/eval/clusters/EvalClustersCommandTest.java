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
      + " ballistic missile fired on 16 May 2024 flew about 350 km and fell into the sea off the east coast.\n";

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

  @Test
  void twoReportsOfOneLaunchScorePerfectly() throws Exception {
    Path articles = Files.createDirectories(tmp.resolve("articles"));
    Files.writeString(articles.resolve("a.txt"), LAUNCH, StandardCharsets.UTF_8);
    Files.writeString(articles.resolve("b.txt"), SAME_LAUNCH, StandardCharsets.UTF_8);
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
  void aMissingGoldFileIsExitOne() {
    Run r = run("--gold", tmp.resolve("none.csv").toString(), "--articles", tmp.toString());
    assertThat(r.code()).isEqualTo(EvalClustersCommand.EXIT_BAD_INPUT);
    assertThat(r.err()).startsWith("error: --gold is not a file: ");
  }
}
