package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.store.Store;

/** {@code watchfloor alert add|list|remove|test|config}: exact output and exit codes. */
class AlertCommandTest {

  private static final Path SAMPLE = Path.of("src/main/resources/sample-corpus/articles");

  @TempDir static Path shared;
  @TempDir Path tmp;
  private static String sample;

  @BeforeAll
  static void ingestSample() {
    sample = shared.resolve("sample").toString();
    assertThat(CliRunner.run("ingest", "--store", sample, SAMPLE.toString()).exit()).isZero();
  }

  @Test
  void aRuleIsAddedListedAndRemovedWhileTheStoreIsHeldForWriting() {
    Path dir = tmp.resolve("s");
    try (Store held = Store.open(dir)) {
      CliRunner.Result added = CliRunner.run("alert", "add", "icbm", "--type", "missile_launch", "--weapon", "ICBMs",
          "--min-origins", "2", "--on", "new,corroborated", "--store", dir.toString());
      assertThat(added.err()).isEmpty();
      assertThat(added.exit()).isZero();
      assertThat(added.out()).startsWith("""
          added alert rule icbm: missile_launch; weapons ICBM (and 8 more of their classes); 2+ independent origins;\
           news only; on new,corroborated
          atom feed (its token is shown once):
            http://127.0.0.1:8080/alerts/icbm.atom?token=feed_""");

      CliRunner.Result list = CliRunner.run("alert", "list", "--store", dir.toString());
      assertThat(list.exit()).isZero();
      assertThat(list.out()).isEqualTo("""
          icbm: missile_launch; weapons ICBM (and 8 more of their classes); 2+ independent origins; news only;\
           on new,corroborated
            0 alerts decided; feed /alerts/icbm.atom
            no webhook or e-mail: the feed only
          """);

      CliRunner.Result again = CliRunner.run("alert", "add", "icbm", "--store", dir.toString());
      assertThat(again.exit()).isEqualTo(Main.BAD_INPUT);
      assertThat(again.err()).isEqualTo("watchfloor: alert rule icbm exists already: remove it first to change it\n");

      CliRunner.Result removed = CliRunner.run("alert", "remove", "icbm", "--store", dir.toString());
      assertThat(removed.out()).isEqualTo("removed alert rule icbm and its 0 alerts\n");
      assertThat(CliRunner.run("alert", "remove", "icbm", "--store", dir.toString()).err())
          .isEqualTo("watchfloor: no alert rule icbm\n");
      assertThat(CliRunner.run("alert", "list", "--store", dir.toString()).out())
          .isEqualTo("no alert rules (add one with: watchfloor alert add NAME …)\n");
    }
  }

  @Test
  void aRuleWithADigestAddressSaysWhenTheDigestGoesAndListsHowItsDigestsStand() {
    String dir = tmp.resolve("s").toString();
    assertThat(CliRunner.run("alert", "config", "alerts.digest.zone", "Asia/Seoul", "--store", dir).exit()).isZero();
    assertThat(CliRunner.run("alert", "config", "alerts.digest.zone", "Mars/Olympus", "--store", dir).err())
        .isEqualTo("watchfloor: alert setting alerts.digest.zone: 'Mars/Olympus' is not a time zone"
            + " (such as UTC, +09:00 or Asia/Seoul)\n");
    CliRunner.Result added = CliRunner.run("alert", "add", "daily", "--type", "missile_launch", "--digest", "ana@example.org",
        "--store", dir);
    assertThat(added.exit()).isZero();
    assertThat(added.out()).contains("\ndaily digest to ana@example.org, after 07:00 Asia/Seoul\natom feed");
    assertThat(CliRunner.run("alert", "list", "--store", dir).out()).isEqualTo("""
        daily: missile_launch; 1+ independent origin; news only; on new
          0 alerts decided; feed /alerts/daily.atom
          digest ana@example.org: 0 sent, 0 pending, 0 failed, 0 alerts waiting for the next
        """);
    CliRunner.Result bad = CliRunner.run("alert", "add", "x", "--digest", "ana at example", "--store", dir);
    assertThat(bad.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(bad.err()).startsWith("watchfloor: alert rule x not added:\n  'ana at example' is not an e-mail address");
  }

  @Test
  void badInputIsRefusedWithEveryProblemAndTheBadInputExitCode() {
    CliRunner.Result r = CliRunner.run("alert", "add", "x", "--type", "launch", "--weapon", "Hwasong-99",
        "--webhook", "http://127.0.0.1:9/hook", "--store", tmp.resolve("s").toString());
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("watchfloor: alert rule x not added:\n  unknown event type 'launch'")
        .contains("\n  unknown weapon 'Hwasong-99': not a name in the dprk profile's gazetteer\n")
        .endsWith("\n  webhook http://127.0.0.1:9/hook refused: 127.0.0.1 resolves to a loopback address 127.0.0.1"
            + " (allow it with: watchfloor alert config alerts.allow-private-targets true)\n");
    assertThat(CliRunner.run("alert", "add", "x", "--min-origins", "two", "--store", tmp.resolve("s").toString()).exit())
        .isEqualTo(Main.USAGE);
  }

  @Test
  void settingsAreShownSetCheckedAndReset() {
    String dir = tmp.resolve("s").toString();
    assertThat(CliRunner.run("alert", "config", "smtp.port", "2525", "--store", dir).out()).isEqualTo("smtp.port = 2525\n");
    assertThat(CliRunner.run("alert", "config", "smtp.password", "hunter2", "--store", dir).out())
        .isEqualTo("smtp.password = (set)\n");
    CliRunner.Result bad = CliRunner.run("alert", "config", "smtp.prot", "25", "--store", dir);
    assertThat(bad.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(bad.err()).startsWith("watchfloor: unknown alert setting 'smtp.prot' (known: smtp.host, smtp.port,");
    String shown = CliRunner.run("alert", "config", "--store", dir).out();
    assertThat(shown).contains("smtp.host = (none)  (default)\n", "smtp.port = 2525\n", "smtp.password = (set)\n",
        "alerts.allow-private-targets = false  (default)\n").doesNotContain("hunter2");
    assertThat(CliRunner.run("alert", "config", "smtp.port", "--unset", "--store", dir).out())
        .isEqualTo("smtp.port reset to its default\n");
    assertThat(CliRunner.run("alert", "config", "smtp.port", "--store", dir).out()).isEqualTo("25\n");
  }

  @Test
  void testListsTheStoredEventsARuleMatchesNowAndDecidesNothing() {
    assertThat(CliRunner.run("alert", "add", "icbm2", "--type", "missile_launch", "--weapon", "ICBM",
        "--min-origins", "3", "--store", sample).exit()).isZero();
    CliRunner.Result t = CliRunner.run("alert", "test", "icbm2", "--store", sample);
    assertThat(t.exit()).isZero();
    // (the Hwasong-18 launch of 2023-04-13 has its third origin, Japan's government: its alert
    // "after North Korea launched a ballistic missile, but the government withdrew the warning ...,
    // saying there had been no ..." tells the launch; the negation is of another clause)
    assertThat(t.out().lines().map(l -> l.substring(0, 16)).toList())
        .containsExactly("e9a59005b55c1c4b", "ec0e89b760de1c7f", "ea1da46d29e2056c", "3 stored events ");
    assertThat(t.out()).endsWith("\n3 stored events match icbm2\n");
    try (Store s = Store.openReadOnly(Path.of(sample))) {
      assertThat(s.count("alerts")).isZero();
    }
    assertThat(CliRunner.run("alert", "test", "nothing", "--store", sample).err()).isEqualTo("watchfloor: no alert rule nothing\n");
  }
}
