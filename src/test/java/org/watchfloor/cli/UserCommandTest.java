package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
      assertThat(list.out()).startsWith("ana\tcreated ").endsWith("\t1 API token\n");
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
}
