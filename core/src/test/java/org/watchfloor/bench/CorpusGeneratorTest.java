package org.watchfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.eval.clusters.GoldEvents;

class CorpusGeneratorTest {

  @TempDir Path tmp;

  @Test
  void writesExactlyNArticlesEachInOneGoldEvent() throws Exception {
    CorpusGenerator.Summary s = new CorpusGenerator(7).generate(300, tmp);
    List<String> lines = Files.readAllLines(tmp.resolve("articles.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(300);
    assertThat(s.articles()).isEqualTo(300);
    List<GoldEvents.Event> gold = GoldEvents.read(tmp.resolve("gold-events.csv"));
    assertThat(gold).hasSize(s.events());
    assertThat(gold.stream().mapToInt(e -> e.articles().size()).sum()).isEqualTo(300);
    assertThat(gold.stream().flatMap(e -> e.articles().stream()).distinct().count()).isEqualTo(300);
    assertThat(gold.stream().anyMatch(e -> e.articles().size() > 2)).isTrue();
    assertThat(s.conflicts()).isPositive();
  }

  @Test
  void theSameSeedGivesTheSameCorpus() throws Exception {
    new CorpusGenerator(3).generate(50, tmp.resolve("a"));
    new CorpusGenerator(3).generate(50, tmp.resolve("b"));
    assertThat(Files.readString(tmp.resolve("a/articles.jsonl"), StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(tmp.resolve("b/articles.jsonl"), StandardCharsets.UTF_8));
  }

  @Test
  void aCorpusGeneratedWholeIsFoundAgainOnlyForItsSizeAndSeed() throws Exception {
    CorpusGenerator.Summary s = new CorpusGenerator(5).generate(40, tmp);
    assertThat(CorpusGenerator.existing(tmp, 40, 5)).contains(s);
    assertThat(CorpusGenerator.existing(tmp, 41, 5)).isEmpty();
    assertThat(CorpusGenerator.existing(tmp, 40, 6)).isEmpty();
    assertThat(CorpusGenerator.existing(tmp.resolve("nothing-here"), 40, 5)).isEmpty();
  }
}
