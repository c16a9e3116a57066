package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.WarcFixtures;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;

/**
 * The job reading WARC archives on Flink's MiniCluster, into a directory store (one writer): the
 * generated corpus written as a crawl's archive gives the same events as {@code ingest} of that
 * archive, also when the job fails once and restarts from its last checkpoint; a folder of messy
 * archives sets its bad records aside in the quarantine, each named by its file and offset.
 */
class FirehoseWarcIT {

  private static final int ARTICLES = 120;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = Harnesses.miniCluster(1);

  @TempDir Path tmp;

  /** The generated corpus, with unrelated articles among its own, as a gzip-per-record archive. */
  private Path archive(long seed) throws Exception {
    Path corpus = Corpora.firehose(Files.createDirectories(tmp.resolve("corpus")), ARTICLES, seed);
    Path warc = tmp.resolve("crawl.warc.gz");
    assertThat(WarcFixtures.fromJsonLines(corpus, warc)).isGreaterThan(ARTICLES);
    return warc;
  }

  /** What {@code ingest} stores of {@code input} (a file or a folder), in an embedded store, and its summary. */
  private StoredEvents ingested(Path input, List<IngestSummary> summary) throws Exception {
    try (Store store = Store.open(Files.createTempDirectory(tmp, "ingest"))) {
      summary.add(new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {})
          .ingest(List.of(input)));
      return StoredEvents.of(store);
    }
  }

  private static StoredEvents stored(Path store) throws Exception {
    try (Store s = Store.openReadOnly(location(store))) {
      return StoredEvents.of(s);
    }
  }

  private static StoreLocation location(Path store) {
    return StoreLocation.parse(store.toString(), System.getenv());
  }

  private static List<String> quarantined(Path store) throws java.sql.SQLException {
    return FirehoseJobIT.quarantined(store.toString());
  }

  private static StreamExecutionEnvironment environment() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    return env;
  }

  @Test
  void anArchiveOfTheCorpusGivesTheEventsIngestGivesOfIt() throws Exception {
    Path warc = archive(47);
    Path store = tmp.resolve("job-store");

    StreamExecutionEnvironment env = environment();
    FirehoseJob.buildWarc(env, warc.toString(), new JobSettings(store.toString(), "dprk", "rules"), false);
    JobExecutionResult result = env.execute("firehose warc");

    List<IngestSummary> summary = new ArrayList<>();
    StoredEvents ingested = ingested(warc, summary);
    assertThat(summary.get(0).problemCount()).as("problems of the embedded ingest").isZero();
    assertThat(summary.get(0).passedOver()).containsOnlyKeys("WARC request");
    assertThat(PassedOverCounts.of(result.getAllAccumulatorResults())).as("the records the job passed over")
        .isEqualTo(summary.get(0).passedOver());
    StoredEvents job = stored(store);
    assertThat(quarantined(store)).isEmpty();
    assertThat(job.events()).as("events, each as its reports").isNotEmpty().isEqualTo(ingested.events());
    Set<String> dropped = new HashSet<>(ingested.articles());
    dropped.removeAll(job.articles());
    assertThat(dropped).as("articles ingest stored and the job dropped").hasSize(Corpora.UNRELATED.size());
    assertThat(ingested.articles()).containsAll(job.articles());
  }

  @Test
  void aJobRestartedFromItsLastCheckpointLosesAndRepeatsNothingOfAnArchive() throws Exception {
    Path warc = archive(53);
    Path store = tmp.resolve("job-store");
    JobSettings settings = new JobSettings(store.toString(), "dprk", "rules");
    FirehoseJobIT.FailOnce.FAILED.set(false);
    FirehoseJobIT.FailOnce.SEEN.set(0);

    StreamExecutionEnvironment env = environment();
    env.enableCheckpointing(300);
    FirehoseJobIT.storeFailingOnce(FirehoseJob.documentStages(env, FirehoseJob.warcs(env, warc.toString()), settings),
        settings, ARTICLES / 3);
    env.execute("firehose warc restarted");

    assertThat(FirehoseJobIT.FailOnce.FAILED).as("the injected failure happened").isTrue();
    assertThat(FirehoseJobIT.FailOnce.SEEN.get()).as("articles handed to the store, some of them twice")
        .isGreaterThan(ARTICLES);
    StoredEvents ingested = ingested(warc, new ArrayList<>());
    StoredEvents job = stored(store);
    assertThat(job.events()).as("events, each as its reports").isNotEmpty().isEqualTo(ingested.events());
    assertThat(ingested.articles()).containsAll(job.articles());
    assertThat(ingested.articles().size() - job.articles().size()).isEqualTo(Corpora.UNRELATED.size());
  }

  @Test
  void aFolderOfMessyArchivesSetsEachBadRecordAsideByItsFileAndOffset() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("crawl"));
    WarcFixtures.Crawl gz = WarcFixtures.messy(input, "messy.warc.gz", WarcCompression.GZIP);
    WarcFixtures.Crawl plain = WarcFixtures.messy(Files.createDirectories(input.resolve("part-2")), "messy.warc",
        WarcCompression.NONE);
    Files.writeString(input.resolve("README.md"), "Crawl of three made-up news sites.");
    Path store = tmp.resolve("job-store");

    StreamExecutionEnvironment env = environment();
    FirehoseJob.buildWarc(env, input.toString(), new JobSettings(store.toString(), "dprk", "rules"), false);
    JobExecutionResult result = env.execute("firehose messy warc");

    List<String> setAside = quarantined(store);
    assertThat(setAside).as("records set aside").hasSize(4)
        .anySatisfy(q -> assertThat(q).contains(gz.file() + "@" + gz.offset("corrupt") + ": not a readable WARC record"))
        .anySatisfy(q -> assertThat(q).endsWith(gz.file() + "@" + gz.offset("truncated")
            + ": WARC record cut short: the file ends inside it"))
        .anySatisfy(q -> assertThat(q).contains(plain.file() + "@" + plain.offset("corrupt") + ": not a readable WARC record"))
        .anySatisfy(q -> assertThat(q).endsWith(plain.file() + "@" + plain.offset("truncated")
            + ": WARC record cut short: the file ends inside it"));
    List<IngestSummary> summary = new ArrayList<>();
    StoredEvents ingested = ingested(input, summary);
    assertThat(summary.get(0).problemCount()).isEqualTo(4);
    // two of each kind: one from each archive
    assertThat(PassedOverCounts.of(result.getAllAccumulatorResults())).isEqualTo(summary.get(0).passedOver())
        .containsEntry("WARC revisit", 2L).containsEntry("WARC HTTP status not 200", 2L);
    assertThat(stored(store).events()).isEqualTo(ingested.events());
  }
}
