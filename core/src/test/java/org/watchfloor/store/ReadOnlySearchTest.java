package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;

/**
 * A process that opened the search index to read (a server beside an ingest) keeps its reader
 * while nothing is committed, and sees each commit of the writing process at its next search.
 */
class ReadOnlySearchTest {

  @TempDir Path tmp;

  private void ingest(Store store, String name, String text) throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in-" + name));
    Files.writeString(in.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
    new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {}).ingest(List.of(in));
    store.syncIndex();
  }

  private static List<String> titles(Store store) {
    return store.search().search("Sinpo", "article", 10).stream().map(SearchIndex.Hit::title).sorted().toList();
  }

  @Test
  void aReaderSeesTheWritersNextCommitAndNothingBefore() throws IOException {
    try (Store writer = Store.open(tmp.resolve("s"))) {
      ingest(writer, "first", """
          title: Shipyard at Sinpo busy
          outlet: Test Wire
          published: 2024-03-02T10:00:00+09:00

          Satellite pictures of the Sinpo shipyard show a new submarine hull on the slipway.
          """);
      try (Store reader = Store.openReadOnly(tmp.resolve("s"))) {
        assertThat(titles(reader)).containsExactly("Shipyard at Sinpo busy");
        long version = reader.search().version();
        assertThat(titles(reader)).containsExactly("Shipyard at Sinpo busy");
        assertThat(reader.search().version()).isEqualTo(version);

        ingest(writer, "second", """
            title: Missile fired near Sinpo
            outlet: Test Wire
            published: 2024-03-09T10:00:00+09:00

            North Korea fired a missile from waters near Sinpo on Saturday, the military said.
            """);
        assertThat(titles(reader)).containsExactly("Missile fired near Sinpo", "Shipyard at Sinpo busy");
        assertThat(reader.search().version()).isNotEqualTo(version);
      }
    }
  }
}
