package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extraction;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.Problem;
import org.watchfloor.profile.WatchProfile;

/** The extract stage in Flink's operator test harness. */
class ExtractFunctionTest {

  private static final JobSettings SETTINGS = new JobSettings("unused", "dprk", "rules");

  @TempDir Path tmp;

  /** The stages' output for {@code lines}: parsed, then extracted, each in its own harness. */
  private static List<Staged> parseThenExtract(List<String> lines) throws Exception {
    return extract(Harnesses.run(new ParseFunction("in.jsonl"), lines));
  }

  private static List<Staged> extract(List<Staged> in) throws Exception {
    return Harnesses.run(new ExtractFunction(SETTINGS), in);
  }

  @Test
  void newsOfTheWatchGoesOnWithWhatTheExtractorFindsAndTheRestIsDropped() throws Exception {
    Corpora.firehose(tmp, 6, 3);
    List<String> news = Files.readAllLines(tmp.resolve("articles.jsonl"), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(news);
    lines.addAll(1, Corpora.UNRELATED);

    List<Staged> out = parseThenExtract(lines);

    assertThat(out).hasSize(news.size()).allSatisfy(s -> assertThat(s).isInstanceOf(Staged.Extracted.class));
    Extractor extractor = new Extractor(WatchProfile.load("dprk"));
    for (Staged s : out) {
      Staged.Extracted e = (Staged.Extracted) s;
      assertThat(e.article().title()).isNotIn("Council keeps the library open on Sundays",
          "Wheat harvest starts early after a warm spring", "Marathon closes the river road on Sunday");
      // what the embedded pipeline's extractor makes of the same article, no more and no less
      Optional<Extraction> embedded = extractor.extractRelevant(e.article());
      assertThat(embedded).isPresent();
      assertThat(e.extraction()).isEqualTo(embedded.get());
    }
    assertThat(out).anySatisfy(s -> assertThat(((Staged.Extracted) s).extraction().reports()).isNotEmpty());
  }

  @Test
  void failuresPassThroughToTheStore() throws Exception {
    Staged.Failed failed = new Staged.Failed(new Problem("in.jsonl", "not valid JSON"));

    assertThat(extract(List.of(failed))).containsExactly(failed);
  }
}
