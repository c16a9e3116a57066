package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.GdeltFilter;
import org.watchfloor.ingest.GdeltSource;
import org.watchfloor.ingest.HttpFetcher;
import org.watchfloor.ingest.LoopbackServer;
import org.watchfloor.ingest.UrlSource;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;

/**
 * The job reading a GDELT export on Flink's MiniCluster, fetching its watched rows' pages from a
 * real server on loopback (allowed, as for {@code ingest --allow-private-addresses}), into a
 * directory store: it stores the events {@code ingest --gdelt} stores of the same export, never asks for
 * the page of a row the profile does not watch, and sets the malformed row aside.
 */
class FirehoseGdeltIT {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = Harnesses.miniCluster(1);

  @TempDir Path tmp;
  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    server.page("/launch-east", "text/html", LoopbackServer.article("Launch to the east",
            "North Korea fired a ballistic missile into the sea east of the peninsula on Thursday."))
        .page("/sinpo-yard", "text/html", LoopbackServer.article("Submarine at the yard",
            "Satellite images showed a submarine at the Sinpo shipyard ahead of a missile test."))
        .page("/football-final", "text/html", LoopbackServer.article("Cup final", "The final went to penalties."));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theWatchedRowsPagesAreFetchedOnceAndStoredAsIngestStoresThem() throws Exception {
    Path export = GdeltFormatTest.export(tmp, server.url("/launch-east"), server.url("/sinpo-yard"));
    Path store = tmp.resolve("job-store");
    JobSettings settings = new JobSettings(store.toString(), "dprk", "rules");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    FirehoseJob.buildGdelt(env, export.toString(), settings, new FetchFunction.Settings(true, 0));
    env.execute("firehose gdelt");

    assertThat(server.requestsTo("/launch-east")).hasSize(1);
    assertThat(server.requestsTo("/sinpo-yard")).hasSize(1);
    assertThat(server.requestsTo("/football-final")).isEmpty();
    assertThat(FirehoseJobIT.quarantined(store.toString())).singleElement().asString()
        .endsWith(export.getFileName() + ":3: not a GDELT 2.0 event (61 columns) or mention (16 columns) row: 3 columns");
    StoredEvents job;
    try (Store s = Store.openReadOnly(StoreLocation.parse(store.toString(), System.getenv()))) {
      job = StoredEvents.of(s);
    }
    StoredEvents ingested = ingested(export);
    assertThat(job.events()).as("events, each as its reports").isNotEmpty().isEqualTo(ingested.events());
    // ingest stores every page; the job's relevance gate may drop one before the store
    assertThat(ingested.articles()).hasSize(2).containsAll(job.articles());
  }

  /** What {@code ingest --gdelt} stores of the export, fetching from the same server. */
  private StoredEvents ingested(Path export) throws Exception {
    WatchProfile dprk = WatchProfile.load("dprk");
    try (Store store = Store.open(Files.createTempDirectory(tmp, "ingest"));
        HttpFetcher fetcher = new HttpFetcher(HttpFetcher.Options.defaults().withAllowPrivateAddresses(true)
            .withPoliteness(java.time.Duration.ZERO))) {
      new Pipeline(store, new Extractor(dprk), new Pipeline.Listener() {}).ingest(List.of(), sink -> {
        UrlSource pages = new UrlSource(fetcher);
        for (String url : new GdeltSource(GdeltFilter.of(dprk.gdelt())).urls(List.of(export), sink)) {
          pages.read(url, sink);
        }
      });
      return StoredEvents.of(store);
    }
  }
}
