package org.watchfloor.resolve;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/** Tests that ingest short texts through the whole pipeline into a fresh store, one store a test. */
abstract class IngestingTest {

  @TempDir Path tmp;
  Store store;
  Pipeline pipeline;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("s"));
    pipeline = new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {},
        Embedder.loaded());
  }

  @AfterEach
  void close() {
    store.close();
  }

  static RawDocument doc(String host, String outlet, String published, String title, String text) {
    return new RawDocument(host, null, RawDocument.Format.TEXT, text.getBytes(StandardCharsets.UTF_8),
        Map.of("outlet", outlet, "url", "https://" + host + "/story", "published", published, "title", title));
  }

  /** The first stored article of an outlet. */
  Article stored(String outlet) throws Exception {
    return store.articles().list(outlet, 0).get(0);
  }
}
