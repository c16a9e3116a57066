package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

  @TempDir Path tmp;

  private long committed(String table) {
    try (Store reader = Store.openReadOnly(tmp.resolve("s"))) {
      return reader.count(table);
    }
  }

  @Test
  void unitsBecomeVisibleToOtherConnectionsOnlyWhenTheirBatchCommits() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      store.commitEvery(3);
      store.quarantine("a", "bad");
      store.quarantine("b", "bad");
      assertThat(committed("quarantine")).isZero();
      store.quarantine("c", "bad");
      assertThat(committed("quarantine")).isEqualTo(3);
      store.quarantine("d", "bad");
      store.flush();
      assertThat(committed("quarantine")).isEqualTo(4);
    }
  }

  @Test
  void aFailingUnitIsUndoneAloneAndTheRestOfItsBatchIsKept() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      store.commitEvery(10);
      store.quarantine("kept-1", "bad");
      assertThatThrownBy(() -> store.inTransaction(() -> {
        store.quarantine("undone", "bad");
        throw new IllegalStateException("article failed half-way");
      })).hasMessageContaining("half-way");
      store.quarantine("kept-2", "bad");
      store.flush();
    }
    assertThat(committed("quarantine")).isEqualTo(2);
  }

  @Test
  void theIndexIsNeverSyncedAheadOfACommitAndClosingCommitsWhatIsPending() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      store.commitEvery(100);
      store.quarantine("a", "bad");
      store.syncIndex();
      assertThat(committed("quarantine")).isEqualTo(1);
      store.quarantine("b", "bad");
    }
    assertThat(committed("quarantine")).isEqualTo(2);
  }

  @Test
  void aBatchOfLessThanOneUnitIsRefused() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      assertThatThrownBy(() -> store.commitEvery(0)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
