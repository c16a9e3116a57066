package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.LoopbackServer;
import org.watchfloor.ingest.Problem;

/** The fetch stage in Flink's operator test harness, against a real server on loopback. */
class FetchFunctionTest {

  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    server.page("/launch", "text/html", LoopbackServer.article("Launch at dawn", "A missile flew east at dawn."));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aFoundUrlIsFetchedIntoADocumentAndWhatIsNotAUrlPassesOn() throws Exception {
    Staged.Failed badRow = new Staged.Failed(new Problem("x.export.CSV:3", "not a GDELT 2.0 event"));

    List<Staged> out = Harnesses.run(new FetchFunction(new FetchFunction.Settings(true, 0)), List.of(
        new Staged.Found(server.url("/launch"), "x.export.CSV"), badRow,
        new Staged.Found(server.url("/missing"), "x.export.CSV")));

    assertThat(out).hasSize(3);
    assertThat(out.get(0)).isInstanceOfSatisfying(Staged.Arrived.class, a -> {
      assertThat(a.document().metadata()).containsEntry("url", server.url("/launch"));
      assertThat(a.document().format()).isEqualTo(org.watchfloor.ingest.RawDocument.Format.HTML);
    });
    assertThat(out.get(1)).isEqualTo(badRow);
    assertThat(out.get(2)).isInstanceOfSatisfying(Staged.Failed.class,
        f -> assertThat(f.problem().message()).startsWith(server.url("/missing") + ": ").contains("404"));
  }

  @Test
  void aLoopbackAddressIsRefusedUnlessAllowedAndNothingIsAsked() throws Exception {
    List<Staged> out = Harnesses.run(new FetchFunction(new FetchFunction.Settings(false, 0)),
        List.of(new Staged.Found(server.url("/launch"), "x.export.CSV")));

    assertThat(out).singleElement().isInstanceOfSatisfying(Staged.Failed.class,
        f -> assertThat(f.problem().message()).contains("refused").contains("loopback"));
    assertThat(server.requests).isEmpty();
  }

  @Test
  void theFetchesOfAHostAreKeyedTogether() throws Exception {
    assertThat(FetchFunction.HOST.getKey(new Staged.Found("https://Wire.Example/a", "f")))
        .isEqualTo(FetchFunction.HOST.getKey(new Staged.Found("https://wire.example/b?x=1", "f")))
        .isEqualTo("wire.example");
    assertThat(FetchFunction.HOST.getKey(new Staged.Found("https://other.example/a", "f"))).isEqualTo("other.example");
  }
}
