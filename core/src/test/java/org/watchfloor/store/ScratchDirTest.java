package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDirTest {

  @Test
  void closingDeletesTheFolderWithAStoreInIt() throws Exception {
    Path folder;
    try (ScratchDir dir = ScratchDir.create("watchfloor-scratch-test")) {
      folder = dir.path();
      assertThat(folder).isEmptyDirectory();
      try (Store store = Store.open(folder)) {
        assertThat(store.count("articles")).isZero();
      }
      Files.createDirectories(folder.resolve("a/b"));
      Files.writeString(folder.resolve("a/b/c.txt"), "left by a stage");
    }
    assertThat(folder).doesNotExist();
  }
}
