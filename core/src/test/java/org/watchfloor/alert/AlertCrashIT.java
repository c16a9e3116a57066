package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.bench.FeedServer;
import org.watchfloor.bench.LaunchPages;
import org.watchfloor.cli.Main;
import org.watchfloor.model.Alert;
import org.watchfloor.store.AlertConnection;
import org.watchfloor.store.Store;

/**
 * Exactly once across crashes: {@code run} watches an inbox that articles keep arriving in, or
 * polls a feed server in this test that items keep being published on, and posts alerts to a
 * receiver in this test, and is killed with SIGKILL at seeded random moments
 * ({@value #DEFAULT_KILLS} times by default, {@code -Dwatchfloor.alert.kills=N}), then started again.
 * At the end every alert an uninterrupted ingest of the same articles decides has been received,
 * each key at least once and none that was not decided; receivers dedupe by key, so each is
 * delivered exactly once to them. Raw duplicates (a crash between send and mark) are counted and
 * printed, not forbidden: delivery is at least once. No alert is for an event below a rule's
 * threshold (a launch one origin told, for the rule that wants two) or for a background mention.
 */
class AlertCrashIT {

  static final int DEFAULT_KILLS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void everyAlertIsDeliveredOnceByKeyAcrossKillsAndRestarts() throws Exception {
    Map<String, byte[]> articles = articles();
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    List<String> pending = new ArrayList<>(articles.keySet());
    killAndRestart("inbox", new Source() {
      @Override
      public List<String> runOptions() {
        return List.of("--inbox", inbox.toString());
      }

      @Override
      public boolean publishNext() throws IOException {
        if (pending.isEmpty()) {
          return false;
        }
        String name = pending.remove(0);
        Files.write(inbox.resolve(name), articles.get(name));
        return true;
      }

      @Override
      public boolean taken(Path store) throws Exception {
        return inboxEmpty(inbox);
      }

      @Override
      public Set<String> reference(String url) throws Exception {
        Path store = tmp.resolve("reference");
        Path all = Files.createDirectories(tmp.resolve("all"));
        for (Map.Entry<String, byte[]> a : articles.entrySet()) {
          Files.write(all.resolve(a.getKey()), a.getValue());
        }
        rules(store, url);
        cli("ingest", "--store", store.toString(), all.toString());
        return new TreeSet<>(alerts(store).stream().map(Alert::idempotencyKey).toList());
      }
    });
  }

  /**
   * The same with the articles published on a feed server that {@code run} polls (every second,
   * without a politeness delay, as the server is this test's own): a poll that finds the feed
   * changed fetches every page it lists again, so kills between fetch and commit, and between
   * commit and the feed's validators being saved, are covered. Among the items are talks that recall an old ICBM
   * launch in the background, which no rule may alert on. The feed lists its items oldest first,
   * so that they are read in the order they were published, as the reference reads them.
   */
  @Test
  void everyAlertOfAPolledFeedIsDeliveredOnceByKeyAcrossKillsAndRestarts() throws Exception {
    List<LaunchPages.Page> pages = pages();
    try (FeedServer feed = new FeedServer(pages.size(), false)) {
      List<LaunchPages.Page> pending = new ArrayList<>(pages);
      killAndRestart("feed", new Source() {
        @Override
        public List<String> runOptions() {
          return List.of("--feed", feed.feedUrl(), "--allow-private-addresses", "--politeness", "0");
        }

        @Override
        public boolean publishNext() {
          if (pending.isEmpty()) {
            return false;
          }
          LaunchPages.Page p = pending.remove(0);
          feed.publish(p.path(), p.title(), p.html(), p.published());
          return true;
        }

        @Override
        public boolean taken(Path store) {
          return stored(store) == pages.size();
        }

        @Override
        public Set<String> reference(String url) throws Exception {
          // an uninterrupted run over the whole feed at once, from the same server (article ids, and so
          // event ids, depend on the URLs); its alerts go nowhere: only the keys it decides are wanted
          Path store = tmp.resolve("reference");
          rules(store, "http://127.0.0.1:9/nowhere");
          cli("run", "--once", "--store", store.toString(), "--feed", feed.feedUrl(), "--no-profile-feeds",
              "--no-sample", "--allow-private-addresses", "--politeness", "0");
          assertThat(stored(store)).as("the reference run stored every page").isEqualTo(pages.size());
          assertThat(cli("events", "--store", store.toString(), "--format", "jsonl"))
              .as("the talks' old launch is in the record, so that not alerting on it means something")
              .contains("2023-07-12");
          return new TreeSet<>(alerts(store).stream().map(Alert::idempotencyKey).toList());
        }
      });
    }
  }

  /** Where the articles come from: an inbox they are dropped into, or a feed they are published on. */
  private interface Source {
    /** The options that point {@code run} at the source. */
    List<String> runOptions();

    /** Makes the next article available; false when none is left. */
    boolean publishNext() throws IOException;

    /** Whether every article has been taken into the store. */
    boolean taken(Path store) throws Exception;

    /** The alert keys an uninterrupted ingest of the same articles, in the same order, decides. */
    Set<String> reference(String url) throws Exception;
  }

  private void killAndRestart(String what, Source source) throws Exception {
    int kills = Integer.getInteger("watchfloor.alert.kills", DEFAULT_KILLS);
    Random random = new Random(15);
    Path store = tmp.resolve("store");
    try (Receiver receiver = new Receiver()) {
      Random failures = new Random(16);
      receiver.answering(() -> failures.nextInt(10) == 0 ? 503 : 204);
      rules(store, receiver.url());

      int restarts = 0;
      int published = 0;
      for (int k = 0; k < kills; k++) {
        Process run = start(store, source.runOptions(), tmp.resolve("run-" + k + ".log"));
        restarts++;
        long until = System.nanoTime() + Duration.ofMillis(500 + random.nextInt(7000)).toNanos();
        while (System.nanoTime() < until) {
          if (random.nextInt(3) == 0 && source.publishNext()) {
            published++;
          }
          Thread.sleep(150);
        }
        run.destroyForcibly().waitFor();
      }
      while (source.publishNext()) {
        published++;
      }
      Process last = start(store, source.runOptions(), tmp.resolve("run-last.log"));
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      while (Instant.now().isBefore(deadline) && !(source.taken(store) && nothingPending(store))) {
        Thread.sleep(500);
      }
      last.destroy();
      last.waitFor();

      List<Alert> decided = alerts(store);
      Set<String> keys = new TreeSet<>(decided.stream().map(Alert::idempotencyKey).toList());
      Set<String> expected = source.reference(receiver.url());
      List<String> accepted = receiver.calls.stream().filter(c -> c.status() / 100 == 2)
          .map(c -> c.header(Webhook.IDEMPOTENCY_KEY)).toList();
      Set<String> receivedOnce = new TreeSet<>(accepted);
      System.out.printf(Locale.ROOT, "alert kill test (%s): %d kills and restarts, %d articles, %d alerts expected,"
          + " %d decided, %d calls (%d answered 503 and retried), %d accepted: %d distinct keys, %d sent again after a"
          + " crash between send and mark%n", what, restarts, published, expected.size(), keys.size(),
          receiver.calls.size(), receiver.calls.size() - accepted.size(), accepted.size(), receivedOnce.size(),
          accepted.size() - receivedOnce.size());

      assertThat(source.taken(store)).as("every article was ingested").isTrue();
      assertThat(keys).as("the alerts decided are those of an uninterrupted ingest").isEqualTo(expected);
      assertThat(receivedOnce).as("every alert received, none that was not decided").isEqualTo(keys);
      assertThat(expected).as("the test has alerts of both rules and updates: %s", expected).anyMatch(k -> k.startsWith("two:"))
          .anyMatch(k -> k.startsWith("any:") && k.endsWith(":corroborated")).hasSizeGreaterThan(10);
      assertThat(expected.stream().filter(k -> k.startsWith("two:")))
          .as("rule two (two independent origins) fires once for each launch a second origin told, and for no other")
          .hasSize(SECOND_ORIGIN_WEEKS);
      for (Alert a : decided) {
        JsonNode event = JSON.readTree(a.payload()).get("event");
        assertThat(event.get("reports").findValues("background")).as(a.idempotencyKey() + " is news")
            .anyMatch(b -> !b.asBoolean());
        assertThat(a.payload()).as(a.idempotencyKey() + " is not the old launch the talks recall").doesNotContain("2023-07-12");
        if (a.ruleId().equals("two")) {
          assertThat(event.get("corroboration").get("independent_origins").asInt()).as(a.idempotencyKey()).isGreaterThanOrEqualTo(2);
        }
      }
    }
  }

  /** Two rules: every launch told as news (and its corroboration), and launches with two independent origins. */
  private static void rules(Path store, String url) {
    cli("alert", "config", "alerts.allow-private-targets", "true", "--store", store.toString());
    cli("alert", "config", "alerts.retry.first-seconds", "1", "--store", store.toString());
    cli("alert", "add", "any", "--type", "missile_launch", "--on", "new,corroborated", "--webhook", url, "--store", store.toString());
    cli("alert", "add", "two", "--type", "missile_launch", "--min-origins", "2", "--webhook", url, "--store", store.toString());
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).as(String.join(" ", args) + ": " + err).isZero();
    return out.toString();
  }

  private static Process start(Path store, List<String> source, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", "--store", store.toString(), "--no-sample", "--no-profile-feeds", "--interval", "1"));
    command.addAll(source);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Articles in the store, or -1 while it cannot be read (no schema yet, or busy). */
  private static long stored(Path store) {
    try (Store s = Store.openReadOnly(store)) {
      return s.count("articles");
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static boolean inboxEmpty(Path inbox) throws Exception {
    try (Stream<Path> s = Files.list(inbox)) {
      return s.noneMatch(Files::isRegularFile);
    }
  }

  private static boolean nothingPending(Path store) {
    try (AlertConnection c = AlertConnection.beside(store)) {
      return c.inTransaction(() -> c.alerts().due(Instant.now().plus(Duration.ofDays(1)), 1).isEmpty());
    } catch (RuntimeException e) {
      return false; // no schema yet, or busy: not done
    }
  }

  private static List<Alert> alerts(Path store) {
    try (AlertConnection c = AlertConnection.beside(store)) {
      return c.inTransaction(() -> c.alerts().all());
    }
  }

  /** Launch weeks that a second independent origin (the Tokyo paper) also tells: every third of 16. */
  private static final int SECOND_ORIGIN_WEEKS = 6;

  /**
   * The feed's pages, in the order they are published: the same weeks as {@link #articles()} (a
   * launch each week, every third also told from Tokyo, every fourth a factory visit), and every
   * fifth week talks that recall an old launch in the background.
   */
  private static List<LaunchPages.Page> pages() {
    List<LaunchPages.Page> out = new ArrayList<>();
    LocalDate day = LocalDate.of(2024, 2, 5);
    for (int i = 0; i < 16; i++) {
      LocalDate d = day.plusWeeks(i);
      out.add(LaunchPages.seoul(d, i));
      if (i % 3 == 0) {
        out.add(LaunchPages.tokyo(d, i));
      }
      if (i % 4 == 1) {
        out.add(LaunchPages.factory(d, i));
      }
      if (i % 5 == 2) {
        out.add(LaunchPages.talks(d.plusDays(3), i));
      }
    }
    return out;
  }

  /**
   * Articles written for this test: launches on days a week apart, reported by a Seoul wire on
   * the South Korean military's word; every third also by a Tokyo paper on Japan's defence
   * ministry's (a second independent origin), and every fourth week a factory visit, which no
   * rule selects. Named so that their sorted order is the order they arrive in.
   */
  private static Map<String, byte[]> articles() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    LocalDate day = LocalDate.of(2024, 2, 5);
    int n = 0;
    for (int i = 0; i < 16; i++) {
      LocalDate d = day.plusWeeks(i);
      String weekday = d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      String month = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      out.put(String.format(Locale.ROOT, "a%03d.txt", n++), ("""
          url: https://harbourwire.example/%1$s/launch
          outlet: Harbour Wire
          published: %1$sT11:00:00+09:00
          title: North Korea fires ballistic missile toward the sea

          SEOUL, %2$s %3$d (Harbour Wire) -- North Korea fired a short-range ballistic missile off its east coast on \
          %4$s, South Korea's Joint Chiefs of Staff said.

          The missile flew about %5$d km before falling into the sea, the JCS said, adding that it was analysing the launch \
          with the United States.
          """).formatted(d, month, d.getDayOfMonth(), weekday, 300 + 17 * i).getBytes(StandardCharsets.UTF_8));
      if (i % 3 == 0) {
        out.put(String.format(Locale.ROOT, "a%03d.txt", n++), ("""
            url: https://islandpost.example/%1$s/missile
            outlet: Island Post
            published: %1$sT15:00:00+09:00
            title: Japan says North Korean missile fell outside its waters

            TOKYO -- Japan's Ministry of Defense said on %2$s that a short-range ballistic missile launched by North Korea \
            off its east coast came down outside Japan's exclusive economic zone.

            Officials in Tokyo said there were no reports of damage to ships or aircraft.
            """).formatted(d, weekday).getBytes(StandardCharsets.UTF_8));
      }
      if (i % 4 == 1) {
        LocalDate visit = d.plusDays(2);
        out.put(String.format(Locale.ROOT, "a%03d.txt", n++), ("""
            url: https://harbourwire.example/%1$s/factory
            outlet: Harbour Wire
            published: %1$sT09:00:00+09:00
            title: Kim tours munitions factory

            SEOUL, %2$s %3$d (Harbour Wire) -- North Korean leader Kim Jong Un inspected a munitions factory and called \
            for more shells to be produced, state media reported on %4$s.
            """).formatted(visit, visit.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), visit.getDayOfMonth(),
            visit.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
