package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.watchfloor.cli.Main;
import org.watchfloor.model.Alert;
import org.watchfloor.store.AlertConnection;

/**
 * Exactly once across crashes: {@code run} watches an inbox that articles keep arriving in and
 * posts alerts to a receiver in this test, and is killed with SIGKILL at seeded random moments
 * ({@value #DEFAULT_KILLS} times by default, {@code -Dwatchfloor.alert.kills=N}), then started again.
 * At the end every alert an uninterrupted ingest of the same articles decides has been received,
 * each key at least once and none that was not decided; receivers dedupe by key, so each is
 * delivered exactly once to them. Raw duplicates (a crash between send and mark) are counted and
 * printed, not forbidden: delivery is at least once.
 */
class AlertCrashIT {

  static final int DEFAULT_KILLS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void everyAlertIsDeliveredOnceByKeyAcrossKillsAndRestarts() throws Exception {
    int kills = Integer.getInteger("watchfloor.alert.kills", DEFAULT_KILLS);
    Random random = new Random(15);
    Map<String, byte[]> articles = articles();
    Path store = tmp.resolve("store");
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    try (Receiver receiver = new Receiver()) {
      Random failures = new Random(16);
      receiver.answering(() -> failures.nextInt(10) == 0 ? 503 : 204);
      rules(store, receiver.url());

      List<String> pending = new ArrayList<>(articles.keySet());
      int restarts = 0;
      for (int k = 0; k < kills; k++) {
        Process run = start(store, inbox, tmp.resolve("run-" + k + ".log"));
        restarts++;
        long until = System.nanoTime() + Duration.ofMillis(500 + random.nextInt(7000)).toNanos();
        while (System.nanoTime() < until) {
          if (!pending.isEmpty() && random.nextInt(3) == 0) {
            String name = pending.remove(0);
            Files.write(inbox.resolve(name), articles.get(name));
          }
          Thread.sleep(150);
        }
        run.destroyForcibly().waitFor();
      }
      for (String name : pending) {
        Files.write(inbox.resolve(name), articles.get(name));
      }
      Process last = start(store, inbox, tmp.resolve("run-last.log"));
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      while (Instant.now().isBefore(deadline) && !(inboxEmpty(inbox) && nothingPending(store))) {
        Thread.sleep(500);
      }
      last.destroy();
      last.waitFor();

      List<Alert> decided = alerts(store);
      Set<String> keys = new TreeSet<>(decided.stream().map(Alert::idempotencyKey).toList());
      Set<String> expected = reference(receiver.url());
      List<String> accepted = receiver.calls.stream().filter(c -> c.status() / 100 == 2)
          .map(c -> c.header(Webhook.IDEMPOTENCY_KEY)).toList();
      Set<String> receivedOnce = new TreeSet<>(accepted);
      System.out.printf(Locale.ROOT, "alert kill test: %d kills and restarts, %d articles, %d alerts expected,"
          + " %d decided, %d calls (%d answered 503 and retried), %d accepted: %d distinct keys, %d sent again after a"
          + " crash between send and mark%n", restarts, articles.size(), expected.size(), keys.size(),
          receiver.calls.size(), receiver.calls.size() - accepted.size(), accepted.size(), receivedOnce.size(),
          accepted.size() - receivedOnce.size());

      assertThat(inboxEmpty(inbox)).as("every article was ingested").isTrue();
      assertThat(keys).as("the alerts decided are those of an uninterrupted ingest").isEqualTo(expected);
      assertThat(receivedOnce).as("every alert received, none that was not decided").isEqualTo(keys);
      assertThat(expected).as("the test has alerts of both rules and updates: %s", expected).anyMatch(k -> k.startsWith("two:"))
          .anyMatch(k -> k.startsWith("any:") && k.endsWith(":corroborated")).hasSizeGreaterThan(10);
      for (Alert a : decided) {
        JsonNode event = JSON.readTree(a.payload()).get("event");
        assertThat(event.get("reports").findValues("background")).as(a.idempotencyKey() + " is news")
            .anyMatch(b -> !b.asBoolean());
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

  /** The alert keys an uninterrupted ingest of the same articles, in the same order, decides. */
  private Set<String> reference(String url) throws Exception {
    Path store = tmp.resolve("reference");
    Path all = Files.createDirectories(tmp.resolve("all"));
    for (Map.Entry<String, byte[]> a : articles().entrySet()) {
      Files.write(all.resolve(a.getKey()), a.getValue());
    }
    rules(store, url);
    cli("ingest", "--store", store.toString(), all.toString());
    return new TreeSet<>(alerts(store).stream().map(Alert::idempotencyKey).toList());
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).as(String.join(" ", args) + ": " + err).isZero();
    return out.toString();
  }

  private static Process start(Path store, Path inbox, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
        "--store", store.toString(), "--inbox", inbox.toString(), "--no-sample", "--no-profile-feeds", "--interval", "1")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
