package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A local index records the PostgreSQL snapshot its last catch-up read under (see {@link
 * Dialect#committedSnapshot}); one taken on another server (a database restored elsewhere, whose
 * transaction ids are younger) would hide rows for good, and is told apart by its ids.
 */
class DialectSnapshotTest {

  @Test
  void aSnapshotAheadOfEveryTransactionThisServerBeganIsAnotherServers() {
    assertThat(Dialect.POSTGRESQL.snapshotOfAnotherServer("90512:90530:90513,90520", "1200:1210:1203")).isTrue();
    assertThat(Dialect.POSTGRESQL.snapshotOfAnotherServer("1211:1211:", "1200:1210:1203")).isTrue();
  }

  @Test
  void anEarlierSnapshotOfThisServerOrNoneIsNot() {
    assertThat(Dialect.POSTGRESQL.snapshotOfAnotherServer("1190:1205:1191,1200", "1200:1210:1203")).isFalse();
    assertThat(Dialect.POSTGRESQL.snapshotOfAnotherServer("1210:1210:", "1200:1210:1203")).isFalse();
    assertThat(Dialect.POSTGRESQL.snapshotOfAnotherServer("", "1200:1210:1203")).isFalse();
  }

  @Test
  void sqliteCatchesUpByItsNumbersAlone() {
    assertThat(Dialect.SQLITE.changedSince("seq")).isEqualTo("seq > ?");
    assertThat(Dialect.SQLITE.snapshotOfAnotherServer("", "")).isFalse();
  }
}
