package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.WatchfloorException;

/**
 * A store becomes a store (gets its marker) only once whole; a creation killed before that is
 * recognised as such, by readers and by the next writer, which finishes it.
 */
class StoreCreationTest {

  @TempDir Path tmp;

  /** What a kill while the schema was being created leaves: the creation's marker, half the migrations. */
  private Path creationKilledDuringTheSchema() throws Exception {
    Path dir = tmp.resolve("s");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(StoreDirectory.CREATING), "", StandardCharsets.UTF_8);
    Flyway.configure().dataSource("jdbc:sqlite:" + dir.resolve(Store.DB_FILE), null, null)
        .locations("classpath:db/migration").target("4").load().migrate();
    return dir;
  }

  @Test
  void aNewStoreHasItsMarkerAndNoCreationLeftovers() {
    Path dir = tmp.resolve("new");
    try (Store store = Store.open(dir)) {
      assertThat(dir.resolve(Store.MARKER)).hasContent(Store.MARKER_TEXT.strip());
      assertThat(dir.resolve(StoreDirectory.CREATING)).doesNotExist();
    }
  }

  @Test
  void aReaderSaysTheCreationWasInterruptedAndChangesNothing() throws Exception {
    Path dir = creationKilledDuringTheSchema();

    assertThatThrownBy(() -> Store.openReadOnly(dir))
        .isInstanceOf(WatchfloorException.StoreRefused.class)
        .hasMessageContaining("creation was interrupted")
        .hasMessageContaining("finishes creating it");
    assertThat(dir.resolve(Store.MARKER)).doesNotExist();
  }

  @Test
  void theNextWriterFinishesCreatingTheStore() throws Exception {
    Path dir = creationKilledDuringTheSchema();

    try (Store store = Store.open(dir)) {
      assertThat(store.count("articles")).isZero();
    }

    assertThat(dir.resolve(Store.MARKER)).hasContent(Store.MARKER_TEXT.strip());
    assertThat(dir.resolve(StoreDirectory.CREATING)).doesNotExist();
    try (Store reader = Store.openReadOnly(dir)) {
      assertThat(reader.count("events")).isZero();
      assertThat(reader.checkIndex()).isEmpty();
    }
  }

  @Test
  void aDirectoryWithOtherFilesBesideACreationMarkerIsStillRefusedUntouched() throws Exception {
    Path dir = creationKilledDuringTheSchema();
    Files.writeString(dir.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Store.open(dir))
        .isInstanceOf(WatchfloorException.StoreRefused.class)
        .hasMessageContaining("not a Watchfloor store");
    assertThat(dir.resolve(Store.MARKER)).doesNotExist();
  }
}
