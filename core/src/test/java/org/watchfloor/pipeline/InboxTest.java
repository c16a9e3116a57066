package org.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.model.Article;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/** The inbox takes only finished files, and files each one by what became of its own documents. */
class InboxTest {

  private static final Extractor EXTRACTOR = new Extractor(WatchProfile.load("dprk"));
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir Path tmp;
  private Store store;
  private final HandClock clock = new HandClock();
  private Path dir;
  private Inbox inbox;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("s"));
    dir = tmp.resolve("inbox");
    inbox = new Inbox(dir, SETTLE, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Inbox.Look look() throws IOException {
    return look(new Pipeline.Listener() {});
  }

  private Inbox.Look look(Pipeline.Listener listener) throws IOException {
    return inbox.take(new Pipeline(store, EXTRACTOR, listener, Optional.empty()));
  }

  private static String line(int n, String text) {
    return "{\"url\": \"https://wire.example/inbox/%d\", \"title\": \"Report %d\", \"published\": \"2024-04-0%dT09:00:00+09:00\", \"text\": \"%s\"}\n"
        .formatted(n, n, n, text);
  }

  /** Writes {@code text} to {@code f} (appending), as last modified at {@code at}. */
  private static void write(Path f, String text, Instant at) throws IOException {
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Files.setLastModifiedTime(f, FileTime.from(at));
  }

  private List<Article> articles() {
    return store.inTransaction(() -> store.articles().list(null, 0));
  }

  @Test
  void aFileBeingWrittenIsLeftUntilItHasSettledAndIsThenReadWhole() throws Exception {
    String first = line(1, "North Korea fired two short-range ballistic missiles toward the sea on Monday, the South's military said.");
    String second = line(2, "A satellite carrier rocket was moved to the launch pad at Sohae, imagery from Tuesday showed; the launch window opens next week.");
    Path f = dir.resolve("wire.jsonl");
    int half = second.length() / 2;
    write(f, first + second.substring(0, half), T0);

    clock.now = T0.plusSeconds(1);
    Inbox.Look early = look();

    assertThat(early.summary()).isNull();
    assertThat(early.waiting()).containsExactly(f);
    assertThat(f).exists();
    assertThat(store.count("articles")).isZero();

    Instant finished = T0.plusSeconds(3);
    write(f, second.substring(half), finished);
    clock.now = finished.plus(SETTLE).minusMillis(1);
    assertThat(look().waiting()).as("not yet settled").containsExactly(f);

    clock.now = finished.plus(SETTLE);
    Inbox.Look done = look();

    assertThat(done.processed()).containsExactly(f);
    assertThat(done.failed()).isEmpty();
    assertThat(Files.readString(dir.resolve("processed/wire.jsonl"), StandardCharsets.UTF_8)).isEqualTo(first + second);
    assertThat(f).doesNotExist();
    assertThat(articles()).extracting(Article::text)
        .anySatisfy(t -> assertThat(t).endsWith("the launch window opens next week."))
        .hasSize(2);
  }

  @Test
  void aFileWhoseArticlesMetABusyStoreStaysInTheInboxAndIsReadAtTheNextLook() throws Exception {
    Path f = dir.resolve("busy.jsonl");
    write(f, line(1, "North Korea fired a ballistic missile into the sea on Monday, the South's military said."), T0);
    clock.now = T0.plus(SETTLE);
    store.busyTimeout(java.time.Duration.ofMillis(50));
    Inbox.Look blocked;
    try (java.sql.Connection other = java.sql.DriverManager.getConnection(
        "jdbc:sqlite:" + tmp.resolve("s").resolve(Store.DB_FILE)); java.sql.Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE"); // another writer holds the write lock past the busy timeout
      blocked = look();
      s.execute("ROLLBACK");
    }
    assertThat(blocked.busy()).containsExactly(f);
    assertThat(blocked.failed()).isEmpty();
    assertThat(blocked.processed()).isEmpty();
    assertThat(f).exists();
    assertThat(dir.resolve("failed")).doesNotExist();

    Inbox.Look later = look();
    assertThat(later.processed()).containsExactly(f);
    assertThat(later.busy()).isEmpty();
    assertThat(articles()).hasSize(1);
  }

  @Test
  void aGoodFileIsProcessedWhenAFileWhoseNameStartsWithItsNameFails() throws Exception {
    Instant old = T0.minusSeconds(60);
    write(dir.resolve("a.jsonl"), line(1, "North Korea fired a cruise missile over the Yellow Sea on Monday, officials in Seoul said."), old);
    write(dir.resolve("a.jsonl.bad.jsonl"), "{\"title\": \"cut short", old);
    write(dir.resolve("a.jsonl2"), "", old);

    Inbox.Look look = look();

    assertThat(look.processed()).containsExactly(dir.resolve("a.jsonl"));
    assertThat(look.failed()).containsExactly(dir.resolve("a.jsonl.bad.jsonl"), dir.resolve("a.jsonl2"));
    assertThat(dir.resolve("processed/a.jsonl")).exists();
    assertThat(dir.resolve("failed/a.jsonl.bad.jsonl")).exists();
    assertThat(dir.resolve("failed/a.jsonl2")).exists();
    assertThat(store.count("articles")).isEqualTo(1);
  }

  @Test
  void filesUnderATemporaryNameAreLeftAloneUntilRenamed() throws Exception {
    Instant old = T0.minusSeconds(60);
    String text = line(1, "North Korea launched a military reconnaissance satellite on Tuesday night, Japan's government said.");
    Path part = dir.resolve("night.jsonl.part");
    Path dotted = dir.resolve(".night.jsonl");
    Path tmpName = dir.resolve("night.jsonl.tmp");
    write(part, text, old);
    write(dotted, text, old);
    write(tmpName, text, old);

    Inbox.Look look = look();

    assertThat(look.summary()).isNull();
    assertThat(look.waiting()).isEmpty();
    assertThat(part).exists();
    assertThat(dotted).exists();
    assertThat(tmpName).exists();

    Files.move(part, dir.resolve("night.jsonl"));
    assertThat(look().processed()).containsExactly(dir.resolve("night.jsonl"));
    assertThat(store.count("articles")).isEqualTo(1);
  }

  @Test
  void aFileThatChangesWhileItIsReadStaysToBeReadAgain() throws Exception {
    Path f = dir.resolve("late.jsonl");
    write(f, line(1, "North Korea fired an intercontinental ballistic missile on a lofted path on Thursday, Tokyo said."),
        T0.minusSeconds(60));
    String more = line(2, "The missile flew for about seventy minutes before falling into the sea west of Hokkaido, officials added.");

    Inbox.Look look = look(new Pipeline.Listener() {
      @Override
      public void fileDone(Path file) {
        try {
          write(file, more, T0);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });

    assertThat(look.changed()).containsExactly(f);
    assertThat(look.processed()).isEmpty();
    assertThat(f).exists();

    clock.now = T0.plus(SETTLE);
    assertThat(look().processed()).containsExactly(f);
    assertThat(store.count("articles")).isEqualTo(2);
  }
}
