package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extraction;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/**
 * The store's writer, on an embedded store: what it stores is what {@code ingest} stores of the
 * same articles, and handing it the same articles again (a replay after a restart) changes
 * nothing.
 */
class StoreSinkTest {

  @TempDir Path tmp;

  private final Extractor extractor = new Extractor(WatchProfile.load("dprk"));

  private List<Staged.Extracted> extracted(Path jsonl) throws Exception {
    List<Staged.Extracted> out = new java.util.ArrayList<>();
    ArticleParser parser = new ArticleParser();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      FileSource.jsonLine("in", "in", line, new DocumentSink() {
        @Override
        public void accept(RawDocument document) {
          Article article = parser.parse(document).article();
          Optional<Extraction> extraction = extractor.extractRelevant(article);
          extraction.ifPresent(x -> out.add(new Staged.Extracted(document, article, x)));
        }

        @Override
        public void problem(Problem problem) {
          throw new AssertionError(problem.toString());
        }
      });
    }
    return out;
  }

  @Test
  void storesWhatIngestStoresAndAReplayChangesNothing() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    new org.watchfloor.bench.CorpusGenerator(5).generate(60, corpus);
    Path articles = corpus.resolve("articles.jsonl");
    List<Staged.Extracted> input = extracted(articles);
    assertThat(input).isNotEmpty();
    Path dir = tmp.resolve("job-store");
    JobSettings settings = new JobSettings(dir.toString(), "dprk", "rules");

    StoreSink.Writer writer = new StoreSink.Writer(settings, new UnregisteredMetricsGroup(), "store 1/1");
    for (Staged.Extracted e : input) {
      writer.write(e, null);
    }
    writer.write(new Staged.Failed(new Problem("in:7", "not valid JSON")), null);
    writer.flush(false);
    StoredEvents once;
    try (Store store = Store.openReadOnly(dir)) {
      once = StoredEvents.of(store);
      assertThat(store.count("quarantine")).isEqualTo(1);
    }
    // the checkpoint's work is committed: a restart replays the same articles
    for (Staged.Extracted e : input) {
      writer.write(e, null);
    }
    writer.flush(true);
    writer.close();

    StoredEvents embedded;
    try (Store store = Store.open(tmp.resolve("ingest-store"))) {
      new Pipeline(store, extractor, new Pipeline.Listener() {}).ingestFiles(List.of(articles));
      embedded = StoredEvents.of(store);
    }
    try (Store store = Store.openReadOnly(dir)) {
      StoredEvents twice = StoredEvents.of(store);
      assertThat(twice).isEqualTo(once);
      assertThat(twice).isEqualTo(embedded);
      assertThat(twice.events()).isNotEmpty();
    }
  }
}
