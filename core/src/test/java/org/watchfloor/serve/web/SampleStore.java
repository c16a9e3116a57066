package org.watchfloor.serve.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.SampleCorpus;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/** A store holding the sample corpus plus one hostile article, for the web tests. */
final class SampleStore {

  static final String HOSTILE_TITLE = "<script>alert('title')</script>Missile <img src=x onerror=alert(1)> \u202Eevil";

  private SampleStore() {}

  static Store create(Path tmp) throws IOException {
    Path hostile = tmp.resolve("hostile");
    Files.createDirectories(hostile);
    Files.writeString(hostile.resolve("hostile.txt"), """
        url: javascript:alert('url')
        outlet: Hostile <b>Outlet</b>
        published: 2024-05-30T09:00:00+09:00
        title: %s
        language: en

        North Korea fired a short-range ballistic missile into the sea on Thursday, South Korea's Joint Chiefs of Staff said. <script>alert('body')</script>
        """.formatted(HOSTILE_TITLE), StandardCharsets.UTF_8);
    Store store = Store.open(tmp.resolve("store"));
    Pipeline pipeline = new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {});
    pipeline.ingest(List.of(SampleCorpus.articles(), hostile));
    store.syncIndex();
    return store;
  }
}
