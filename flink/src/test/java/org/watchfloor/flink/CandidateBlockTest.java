package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extraction;
import org.watchfloor.ingest.Problem;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/**
 * The key of the store's writers: the candidate block (type × week) of an article's first news
 * report, and what crosses the shuffle to them arrives whole.
 */
class CandidateBlockTest {

  private static final JobSettings SETTINGS = new JobSettings("unused", "dprk", "rules");

  @TempDir Path tmp;

  private static Report report(String type, EventDate date, boolean background) {
    return new Report("a#0", "a", type, date, false, background, List.of("North Korea"), List.of(), List.of(),
        Map.of(), "evidence", 0, 8, null, Certainty.ASSERTED, "origin", List.of());
  }

  private static EventDate day(String iso) {
    return EventDate.day(LocalDate.parse(iso));
  }

  /** The extracted articles of a generated corpus, through the parse and extract stages' harnesses. */
  private List<Staged> extracted() throws Exception {
    Corpora.firehose(tmp, 12, 7);
    List<String> news = Files.readAllLines(tmp.resolve("articles.jsonl"), StandardCharsets.UTF_8);
    return Harnesses.run(new ExtractFunction(SETTINGS), Harnesses.run(new ParseFunction("in.jsonl"), news));
  }

  @Test
  void reportsOfOneTypeInOneWeekShareAKeyAndAWeekLaterOrAnotherTypeDoNot() {
    // 2024-01-01 is a Monday; the blocks are counted from 1970-01-01, a Thursday
    String thursday = CandidateBlock.of(null, new Extraction(List.of(), List.of(report("missile_launch", day("2024-01-04"), false))));
    String wednesday = CandidateBlock.of(null, new Extraction(List.of(), List.of(report("missile_launch", day("2024-01-10"), false))));
    String nextThursday = CandidateBlock.of(null, new Extraction(List.of(), List.of(report("missile_launch", day("2024-01-11"), false))));
    String test = CandidateBlock.of(null, new Extraction(List.of(), List.of(report("nuclear_test", day("2024-01-04"), false))));

    assertThat(wednesday).isEqualTo(thursday);
    assertThat(nextThursday).isNotEqualTo(thursday);
    assertThat(test).isNotEqualTo(thursday);
  }

  @Test
  void theFirstReportThatIsNewsGivesTheKeyNotAPassingMention() {
    Report mention = report("nuclear_test", day("2017-09-03"), true);
    Report news = report("missile_launch", day("2024-01-04"), false);

    assertThat(CandidateBlock.of(null, new Extraction(List.of(), List.of(mention, news))))
        .isEqualTo(CandidateBlock.of(null, new Extraction(List.of(), List.of(news))));
    assertThat(CandidateBlock.of(null, new Extraction(List.of(), List.of(mention))))
        .as("a passing mention alone keys by its own block")
        .isEqualTo(CandidateBlock.of(null, new Extraction(List.of(), List.of(report("nuclear_test", day("2017-09-03"), false)))));
  }

  @Test
  void undatedReportsOfATypeShareOneKey() {
    assertThat(CandidateBlock.of(null, new Extraction(List.of(), List.of(report("missile_launch", EventDate.UNKNOWN, false)))))
        .isEqualTo(CandidateBlock.of(null, new Extraction(List.of(), List.of(report("missile_launch", EventDate.UNKNOWN, true)))))
        .isNotEqualTo(CandidateBlock.of(null, new Extraction(List.of(), List.of(report("missile_launch", day("2024-01-04"), false)))));
  }

  @Test
  void anArticleWithoutReportsIsKeyedByItsTextAndAProblemByItsSource() throws Exception {
    Staged.Extracted news = (Staged.Extracted) extracted().get(0);
    Staged.Extracted noReports = new Staged.Extracted(news.document(), news.article(), new Extraction(news.extraction().mentions(), List.of()));

    assertThat(new CandidateBlock().getKey(noReports)).isEqualTo("text|" + news.article().contentHash());
    assertThat(new CandidateBlock().getKey(new Staged.Failed(new Problem("in.jsonl:3", "not valid JSON"))))
        .isEqualTo("problem|in.jsonl:3");
  }

  @Test
  void extractedArticlesCrossTheShuffleToTheirWriterWhole() throws Exception {
    List<Staged> extracted = extracted();
    assertThat(extracted).isNotEmpty();

    for (Staged s : extracted) {
      DataOutputSerializer out = new DataOutputSerializer(4096);
      Harnesses.STAGED.serialize(s, out);
      Staged back = Harnesses.STAGED.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

      // field by field: a document's bytes are an array, equal by content only
      assertThat(back).usingRecursiveComparison().isEqualTo(s);
      assertThat(new CandidateBlock().getKey(back)).isEqualTo(new CandidateBlock().getKey(s));
    }
  }
}
