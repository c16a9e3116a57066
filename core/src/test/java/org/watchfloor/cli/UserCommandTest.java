package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.serve.auth.Accounts;
import org.watchfloor.serve.auth.Analyst;
import org.watchfloor.store.Store;

/** {@code watchfloor user}: accounts are managed while another process (run, an ingest) holds the store. */
class UserCommandTest {

  @TempDir Path tmp;
  private final InputStream stdin = System.in;

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
  }

  private CliRunner.Result addWithPassword(Path store, String name, String password) {
    System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
    return CliRunner.run("user", "add", name, "--password-stdin", "--store", store.toString());
  }

  @Test
  void anAnalystIsAddedAndListedWhileTheStoreIsHeldForWriting() {
    Path dir = tmp.resolve("s");
    try (Store held = Store.open(dir)) {
      CliRunner.Result added = addWithPassword(dir, "ana", "correct horse battery");
      assertThat(added.err()).isEmpty();
      assertThat(added.out()).isEqualTo("added analyst ana\n");
      assertThat(added.exit()).isZero();

      CliRunner.Result token = CliRunner.run("user", "token", "ana", "--store", dir.toString());
      assertThat(token.exit()).isZero();
      assertThat(token.out()).startsWith("wft_");

      CliRunner.Result list = CliRunner.run("user", "list", "--store", dir.toString());
      assertThat(list.exit()).isZero();
      assertThat(list.out().lines().toList()).hasSize(2);
      assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("ana\tcreated ").endsWith("\t1 API token");
    }
  }

  @Test
  void addingToADirectoryWithNoStoreYetCreatesTheStore() {
    Path dir = tmp.resolve("new");
    CliRunner.Result added = addWithPassword(dir, "ana", "correct horse battery");
    assertThat(added.exit()).isZero();
    assertThat(added.out()).isEqualTo("added analyst ana\n");
    assertThat(dir.resolve(Store.MARKER)).exists();
  }

  @Test
  void aShortPasswordIsRefusedWithTheBadInputExitCode() {
    Path dir = tmp.resolve("s");
    try (Store held = Store.open(dir)) {
      CliRunner.Result added = addWithPassword(dir, "ana", "short");
      assertThat(added.exit()).isEqualTo(Main.BAD_INPUT);
      assertThat(added.err()).contains("password shorter than 10 characters");
      assertThat(added.out()).isEmpty();
    }
  }

  /** The id of the one token {@code user list} shows. */
  private static String tokenId(Path dir) {
    String list = CliRunner.run("user", "list", "--store", dir.toString()).out();
    String line = list.lines().filter(l -> l.startsWith("  token ")).findFirst().orElseThrow();
    return line.substring("  token ".length(), line.indexOf('\t'));
  }

  private static Optional<String> analystOf(Path dir, String token) {
    try (Store s = Store.openReadOnly(dir); Accounts accounts = Accounts.beside(s)) {
      return accounts.byToken(token).map(Analyst::name);
    }
  }

  @Test
  void aTokenLivesNinetyDaysOrAsManyAsAskedShowsItsLastUseAndCanBeRevoked() {
    Path dir = tmp.resolve("s");
    addWithPassword(dir, "ana", "correct horse battery");
    CliRunner.Result issued = CliRunner.run("user", "token", "ana", "--days", "7", "--store", dir.toString());
    assertThat(issued.exit()).as(issued.err()).isZero();
    String token = issued.out().strip();
    assertThat(issued.err()).startsWith("API token ").contains(" for analyst ana, expires ");

    String listed = CliRunner.run("user", "list", "--store", dir.toString()).out();
    Instant expires = Instant.parse(listed.replaceAll("(?s).*\texpires ([^\t]+)\t.*", "$1"));
    assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));
    assertThat(listed).contains("\tlast used never");

    assertThat(analystOf(dir, token)).contains("ana");
    assertThat(CliRunner.run("user", "list", "--store", dir.toString()).out()).doesNotContain("last used never");

    String id = tokenId(dir);
    CliRunner.Result revoked = CliRunner.run("user", "token", "--revoke", id, "--store", dir.toString());
    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(revoked.out()).isEqualTo("revoked API token " + id + " of analyst ana\n");
    assertThat(analystOf(dir, token)).isEmpty();
    assertThat(CliRunner.run("user", "token", "--revoke", id, "--store", dir.toString()).exit()).isEqualTo(Main.BAD_INPUT);

    CliRunner.Result plain = CliRunner.run("user", "token", "ana", "--store", dir.toString());
    String plainListed = CliRunner.run("user", "list", "--store", dir.toString()).out();
    Instant plainExpires = Instant.parse(plainListed.replaceAll("(?s).*\texpires ([^\t]+)\t.*", "$1"));
    assertThat(Duration.between(Instant.now(), plainExpires)).isBetween(Duration.ofDays(90).minusMinutes(5), Duration.ofDays(90));
    assertThat(plain.exit()).isZero();
  }

  @Test
  void passwdSetsANewPasswordFromStandardInputOrAFileAndEndsTheSessions() throws Exception {
    Path dir = tmp.resolve("s");
    addWithPassword(dir, "ana", "correct horse battery");
    try (Store s = Store.openReadOnly(dir); Accounts accounts = Accounts.beside(s)) {
      String session = accounts.startSession(new Analyst("ana")).id();

      System.setIn(new ByteArrayInputStream("staple battery horse\n".getBytes(StandardCharsets.UTF_8)));
      CliRunner.Result changed = CliRunner.run("user", "passwd", "ana", "--password-stdin", "--store", dir.toString());
      assertThat(changed.exit()).as(changed.err()).isZero();
      assertThat(changed.out()).isEqualTo("changed the password of analyst ana; their sessions are ended\n");
      assertThat(accounts.login("ana", "correct horse battery".toCharArray())).isEmpty();
      assertThat(accounts.login("ana", "staple battery horse".toCharArray())).isPresent();
      assertThat(accounts.session(session)).isEmpty();
    }

    Path secret = tmp.resolve("secret");
    Files.writeString(secret, "battery staple correct\nignored second line\n", StandardCharsets.UTF_8);
    CliRunner.Result fromFile = CliRunner.run("user", "passwd", "ana", "--password-file", secret.toString(), "--store", dir.toString());
    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
    try (Store s = Store.openReadOnly(dir); Accounts accounts = Accounts.beside(s)) {
      assertThat(accounts.login("ana", "battery staple correct".toCharArray())).isPresent();
    }

    assertThat(CliRunner.run("user", "passwd", "nobody", "--password-file", secret.toString(), "--store", dir.toString()).exit())
        .isEqualTo(Main.BAD_INPUT);
    assertThat(CliRunner.run("user", "passwd", "ana", "--password", "x", "--store", dir.toString()).exit())
        .as("no password on the command line").isEqualTo(Main.USAGE);
  }

  @Test
  void removeTakesTheAccountWithItsTokens() {
    Path dir = tmp.resolve("s");
    addWithPassword(dir, "ana", "correct horse battery");
    addWithPassword(dir, "bo", "correct horse battery");
    String token = CliRunner.run("user", "token", "ana", "--store", dir.toString()).out().strip();

    CliRunner.Result removed = CliRunner.run("user", "remove", "ana", "--store", dir.toString());

    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(removed.out()).isEqualTo("removed analyst ana\n");
    assertThat(CliRunner.run("user", "list", "--store", dir.toString()).out()).startsWith("bo\t").doesNotContain("ana");
    assertThat(analystOf(dir, token)).isEmpty();
    CliRunner.Result again = CliRunner.run("user", "remove", "ana", "--store", dir.toString());
    assertThat(again.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(again.err()).contains("no account ana");
  }
}
