package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.Problem;
import org.watchfloor.model.Article;

/**
 * The writers' repeat filter in Flink's keyed operator harness, keyed as the job keys it (by
 * candidate block): an article handed twice within the window reaches the store once; a copy
 * under another URL, one after the window, and problems all pass; the set is checkpointed with the
 * source, so after a restore it holds what came before the checkpoint and nothing after.
 */
class RepeatFilterTest {

  private static final JobSettings SETTINGS = new JobSettings("unused", "dprk", "rules");
  private static final Duration WINDOW = Duration.ofHours(1);

  @TempDir Path tmp;
  private List<Staged.Extracted> news;

  @BeforeEach
  void extract() throws Exception {
    Corpora.firehose(tmp, 12, 11);
    List<String> lines = Files.readAllLines(tmp.resolve("articles.jsonl"), StandardCharsets.UTF_8);
    news = new ArrayList<>();
    for (Staged s : Harnesses.run(new ExtractFunction(SETTINGS), Harnesses.run(new ParseFunction("in.jsonl"), lines))) {
      news.add((Staged.Extracted) s);
    }
    assertThat(news).hasSizeGreaterThan(3);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Staged, Staged> harness() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, Staged, Staged> h = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new RepeatFilter(WINDOW)), new CandidateBlock(), Types.STRING);
    h.setup(Harnesses.STAGED);
    return h;
  }

  private static List<Staged> feed(KeyedOneInputStreamOperatorTestHarness<String, Staged, Staged> h, Staged... in) throws Exception {
    int before = h.extractOutputValues().size();
    for (Staged s : in) {
      h.processElement(s, 0);
    }
    List<Staged> all = h.extractOutputValues();
    return List.copyOf(all.subList(before, all.size()));
  }

  /** The same article under another URL: a copy, which the store records as one, not a repeat. */
  private static Staged.Extracted elsewhere(Staged.Extracted e, String url) {
    Article a = e.article();
    Article moved = new Article(a.id() + "-copy", url, a.sourcePath(), a.outlet(), a.title(), a.byline(), a.published(),
        a.language(), a.text(), a.contentHash(), a.flags(), a.copyOf(), a.extra(), a.problems());
    return new Staged.Extracted(e.document(), moved, e.extraction());
  }

  @Test
  void anArticleHandedTwiceWithinTheWindowGoesOnOnce() throws Exception {
    try (var h = harness()) {
      h.open();
      Staged.Extracted a = news.get(0);
      Staged.Extracted b = news.get(1);

      assertThat(feed(h, a, b, a, b, a)).containsExactly(a, b);
    }
  }

  @Test
  void aCopyUnderAnotherUrlAndProblemsPass() throws Exception {
    try (var h = harness()) {
      h.open();
      Staged.Extracted a = news.get(0);
      Staged.Extracted copy = elsewhere(a, "https://mirror.example/copy");
      Staged.Failed bad = new Staged.Failed(new Problem("in.jsonl:9", "not valid JSON"));

      assertThat(feed(h, a, copy, bad, bad)).containsExactly(a, copy, bad, bad);
    }
  }

  @Test
  void aRepeatAfterTheWindowGoesOnToTheStore() throws Exception {
    try (var h = harness()) {
      h.open();
      Staged.Extracted a = news.get(0);
      h.setStateTtlProcessingTime(0);
      assertThat(feed(h, a)).containsExactly(a);

      h.setStateTtlProcessingTime(WINDOW.toMillis() - 1);
      assertThat(feed(h, a)).as("within the window").isEmpty();

      h.setStateTtlProcessingTime(WINDOW.toMillis() + 1);
      assertThat(feed(h, a)).as("after the window: the store finds it a duplicate, not the filter").containsExactly(a);
    }
  }

  @Test
  void restoredFromACheckpointItRemembersWhatCameBeforeItOnly() throws Exception {
    Staged.Extracted before = news.get(0);
    Staged.Extracted after = news.get(1);
    OperatorSubtaskState checkpoint;
    try (var h = harness()) {
      h.open();
      feed(h, before);
      checkpoint = h.snapshot(1, 1);
      assertThat(feed(h, after)).containsExactly(after);
    }
    try (var restored = harness()) {
      restored.initializeState(checkpoint);
      restored.open();

      // the source replays from the checkpoint: what came after it is read again, and goes on to
      // the store (which skips it if it committed it); a repeat of what came before is dropped
      assertThat(feed(restored, after, before)).containsExactly(after);
    }
  }
}
