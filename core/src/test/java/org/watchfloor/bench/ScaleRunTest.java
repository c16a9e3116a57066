package org.watchfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.WatchfloorException;
import org.watchfloor.extract.Extractor;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

class ScaleRunTest {

  @TempDir Path tmp;

  private static final Extractor EXTRACTOR = new Extractor(WatchProfile.load("dprk"));

  @Test
  void recordsOneLinePerWindowAndResumesAfterTheLastOne() throws Exception {
    new CorpusGenerator(11).generate(25, tmp);
    Path corpus = tmp.resolve("articles.jsonl");
    // a first run stopped after 20 documents: simulated by a corpus cut there
    Path cut = tmp.resolve("first-20.jsonl");
    Files.write(cut, Files.readAllLines(corpus, StandardCharsets.UTF_8).subList(0, 20), StandardCharsets.UTF_8);
    List<ScaleRun.Window> seen = new ArrayList<>();
    try (Store store = Store.open(tmp.resolve("store"))) {
      List<ScaleRun.Window> first = ScaleRun.run(cut, tmp, store, EXTRACTOR, 10, seen::add);
      assertThat(first).extracting(ScaleRun.Window::documentsRead).containsExactly(10L, 20L);
      assertThat(first).extracting(ScaleRun.Window::stored).containsExactly(10, 10);

      List<ScaleRun.Window> second = ScaleRun.run(corpus, tmp, store, EXTRACTOR, 10, seen::add);
      // the 20 recorded documents are not read again: one last, short window of 5
      assertThat(second).extracting(ScaleRun.Window::documentsRead).containsExactly(25L);
      assertThat(second.get(0).stored()).isEqualTo(5);
      assertThat(second.get(0).duplicates()).isZero();
      assertThat(store.articles().refs()).hasSize(25);
    }
    assertThat(seen).hasSize(3);
    List<ScaleRun.Window> recorded = ScaleRun.windows(tmp);
    assertThat(recorded).extracting(ScaleRun.Window::documentsRead).containsExactly(10L, 20L, 25L);
    assertThat(recorded.get(0).wallSeconds()).isPositive();
    assertThat(recorded.get(0).stages().total()).isPositive().isLessThanOrEqualTo(recorded.get(0).wallSeconds());
    assertThat(recorded.get(0).peakHeapMb()).isPositive();
    assertThat(recorded.get(0).cpu().resolve()).isPositive();
    assertThat(recorded.get(0).cpu().total()).isLessThanOrEqualTo(recorded.get(0).processCpuSeconds());
  }

  @Test
  void aDamagedWindowsFileIsNamedInTheError() throws Exception {
    Files.writeString(tmp.resolve(ScaleRun.WINDOWS_FILE), "10\t10\tnot-a-number\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ScaleRun.windows(tmp))
        .isInstanceOf(WatchfloorException.BadInput.class)
        .hasMessageContaining(ScaleRun.WINDOWS_FILE);
  }
}
