package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.RootLocale;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.extract.Extractor;
import org.watchfloor.store.CommitOrder;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import org.watchfloor.store.TestPostgres;

/**
 * The job on Flink's MiniCluster (one task manager, two slots), over a generated corpus with
 * unrelated articles mixed in, into a PostgreSQL store, against the embedded pipeline ({@code
 * ingest}) on the same input: the same events, each holding the same reports, and the same
 * articles but for the unrelated ones, which the job drops at its relevance gate instead of
 * storing them. With one writer the job meets the articles in the file's order; with two (two
 * files, their lines spread over both writers), the reference ingest takes them in the order the
 * writers committed them (see {@link CommitOrder}). A job that fails once after a checkpoint and
 * restarts from it stores the same, and so does a job reading the corpus from a Kafka topic of two
 * partitions (an in-process KRaft broker), setting its bad records aside.
 *
 * <p>Skipped without {@value TestPostgres#ENV} on a developer's machine; fails in CI without it.
 */
class FirehoseJobIT {

  private static final int ARTICLES = 240;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(2)
      .build());

  @TempDir Path tmp;
  private final List<String> databases = new ArrayList<>();

  @AfterEach
  void dropDatabases() {
    databases.forEach(TestPostgres::drop);
  }

  /** A new store on the test server, migrated (so that writers starting together find it made). */
  private String store() {
    String url = TestPostgres.createDatabase();
    databases.add(url);
    Store.open(location(url)).close();
    return url;
  }

  private static StoreLocation location(String url) {
    return StoreLocation.parse(url, System.getenv());
  }

  /** What {@code ingest} stores of {@code input}, in an embedded store. */
  private StoredEvents ingested(Path input) throws Exception {
    try (Store store = Store.open(Files.createTempDirectory(tmp, "ingest"))) {
      IngestSummary s = new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {})
          .ingestFiles(List.of(input)).summary();
      assertThat(s.problemCount()).as("problems of the embedded ingest: %s", s.problems()).isZero();
      return StoredEvents.of(store);
    }
  }

  private StoredEvents stored(String url) throws Exception {
    try (Store store = Store.openReadOnly(location(url))) {
      assertThat(store.count("quarantine")).as("documents the job set aside: %s", quarantined(url)).isZero();
      return StoredEvents.of(store);
    }
  }

  /** What {@code ingest} stores of the articles stored in {@code url}, taken in the order the writers committed them. */
  private StoredEvents ingestedInCommitOrder(String url, List<String> lines) throws Exception {
    Map<String, String> byUrl = new HashMap<>();
    for (String line : lines) {
      byUrl.put(JSON.readTree(line).get("url").asText(), line);
    }
    List<String> order = CommitOrder.urls(location(url));
    assertThat(order).as("articles stored twice").doesNotHaveDuplicates().hasSize(ARTICLES);
    Path committed = tmp.resolve("committed.jsonl");
    Files.write(committed, order.stream().map(byUrl::get).toList(), StandardCharsets.UTF_8);
    return ingested(committed);
  }

  /** The quarantine of the store at {@code url} (a PostgreSQL URL or a folder), as {@code source: reason}. */
  static List<String> quarantined(String url) throws java.sql.SQLException {
    List<String> out = new ArrayList<>();
    try (java.sql.Connection db = location(url).connect(true); java.sql.Statement s = db.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT source, reason FROM quarantine")) {
      while (rs.next()) {
        out.add(rs.getString(1) + ": " + rs.getString(2));
      }
      db.commit();
    }
    return out;
  }

  /** The ids the embedded pipeline gives the unrelated articles of the input. */
  private Set<String> unrelated(StoredEvents ingested, StoredEvents job) {
    Set<String> out = new HashSet<>(ingested.articles());
    out.removeAll(job.articles());
    return out;
  }

  private static StreamExecutionEnvironment environment(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    return env;
  }

  @Test
  void oneWriterStoresTheEventsIngestStores() throws Exception {
    Path input = Corpora.firehose(Files.createDirectories(tmp.resolve("corpus")), ARTICLES, 29);
    String url = store();

    StreamExecutionEnvironment env = environment(1);
    FirehoseJob.build(env, input.toString(), new JobSettings(url, "dprk", "rules"), false);
    env.execute("firehose p1");

    StoredEvents job = stored(url);
    StoredEvents ingested = ingested(input);
    assertThat(job.events()).as("events, each as its reports").isNotEmpty().isEqualTo(ingested.events());
    assertThat(unrelated(ingested, job)).as("articles ingest stored and the job dropped").hasSize(Corpora.UNRELATED.size());
    assertThat(ingested.articles()).containsAll(job.articles());
  }

  @Test
  void twoWritersStoreWhatOneIngestStoresInTheOrderTheyCommitted() throws Exception {
    Path corpus = Corpora.firehose(Files.createDirectories(tmp.resolve("corpus")), ARTICLES, 31);
    // a folder of two files (the source's splits), whose lines are also spread over both writers
    List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
    Path input = Files.createDirectories(tmp.resolve("input"));
    Files.write(input.resolve("part-0.jsonl"), lines.subList(0, lines.size() / 2), StandardCharsets.UTF_8);
    Files.write(input.resolve("part-1.jsonl"), lines.subList(lines.size() / 2, lines.size()), StandardCharsets.UTF_8);
    String url = store();
    CommitOrder.record(location(url));

    StreamExecutionEnvironment env = environment(2);
    FirehoseJob.build(env, input.toString(), new JobSettings(url, "dprk", "rules"), true);
    env.execute("firehose p2");

    StoredEvents ingested = ingestedInCommitOrder(url, lines);
    StoredEvents job = stored(url);
    assertThat(job.events()).as("events, each as its reports").isNotEmpty().isEqualTo(ingested.events());
    assertThat(job.articles()).isEqualTo(ingested.articles());
  }

  @Test
  void twoWritersReadingATopicOfTwoPartitionsStoreWhatIngestStoresAndSetBadRecordsAside() throws Exception {
    List<String> lines = Files.readAllLines(Corpora.firehose(Files.createDirectories(tmp.resolve("corpus")), ARTICLES, 41),
        StandardCharsets.UTF_8);
    String url = store();
    CommitOrder.record(location(url));

    String input;
    List<byte[]> values;
    try (KafkaClusterTestKit kafka = kafka()) {
      try (Admin admin = kafka.admin()) {
        admin.createTopics(List.of(new NewTopic("articles", 2, (short) 1))).all().get();
      }
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
          new ByteArraySerializer(), new ByteArraySerializer())) {
        values = new ArrayList<>(lines.stream().map(line -> line.getBytes(StandardCharsets.UTF_8)).toList());
        // records that hold no article, among the others: set aside (two) or skipped (the tombstone)
        values.add(values.size() / 3, "{\"title\": \"cut off".getBytes(StandardCharsets.UTF_8));
        values.add(values.size() / 2, null);
        values.add(2 * values.size() / 3, "{\"title\": \"no body\", \"url\": \"https://x.example/\"}".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < values.size(); i++) {
          producer.send(new ProducerRecord<>("articles", i % 2, null, values.get(i)));
        }
        producer.flush();
      }

      StreamExecutionEnvironment env = environment(2);
      env.enableCheckpointing(500);
      // a job that fails here fails the test, instead of restarting forever as a checkpointed job does
      Configuration restarts = new Configuration();
      restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
      env.configure(restarts);
      KafkaInput topic = new KafkaInput(kafka.bootstrapServers(), "articles", "firehose-it", true);
      input = topic.name();
      FirehoseJob.build(env, topic, new JobSettings(url, "dprk", "rules"), false);
      env.execute("firehose kafka p2");

      // the group's offsets, committed as checkpoints completed: on both partitions, up to their
      // end at most (a bounded job's reading after its last checkpoint is not committed)
      try (Admin admin = kafka.admin()) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets("firehose-it").partitionsToOffsetAndMetadata().get();
        assertThat(committed).as("offsets the group committed").containsOnlyKeys(
            new TopicPartition("articles", 0), new TopicPartition("articles", 1));
        assertThat(committed.get(new TopicPartition("articles", 0)).offset()).isBetween(1L, (values.size() + 1L) / 2);
        assertThat(committed.get(new TopicPartition("articles", 1)).offset()).isBetween(1L, values.size() / 2L);
      }
    }

    // each named by its record: record i went to partition i % 2, at offset i / 2 there
    int cutOff = indexOf(values, "{\"title\": \"cut off");
    int noBody = indexOf(values, "{\"title\": \"no body\", \"url\": \"https://x.example/\"}");
    List<String> setAside = quarantined(url);
    assertThat(setAside).as("records set aside").hasSize(2)
        .anySatisfy(q -> assertThat(q).startsWith(input + "/" + cutOff % 2 + "@" + cutOff / 2 + ": not valid JSON"))
        .anySatisfy(q -> assertThat(q).isEqualTo(
            input + "/" + noBody % 2 + "@" + noBody / 2 + ": no \"text\" or \"html\" field with content"));
    StoredEvents ingested = ingestedInCommitOrder(url, lines);
    StoredEvents job;
    try (Store store = Store.openReadOnly(location(url))) {
      job = StoredEvents.of(store);
    }
    assertThat(job.events()).as("events, each as its reports").isNotEmpty().isEqualTo(ingested.events());
    assertThat(job.articles()).isEqualTo(ingested.articles());
  }

  /** Where {@code value} is among the records' values. */
  private static int indexOf(List<byte[]> values, String value) {
    for (int i = 0; i < values.size(); i++) {
      if (java.util.Arrays.equals(values.get(i), value.getBytes(StandardCharsets.UTF_8))) {
        return i;
      }
    }
    throw new AssertionError("no record holds " + value);
  }

  /**
   * A Kafka cluster of one node (broker and KRaft controller) in this JVM, started. The group
   * coordinator's topic must fit one broker, or the group's offsets are never stored. Kafka reads
   * its configuration in the default locale, so the broker is configured and started in the root
   * one (see {@link RootLocale}); the job runs in the tests' (Turkish) locale.
   */
  private static KafkaClusterTestKit kafka() throws Exception {
    return RootLocale.run(FirehoseJobIT::startKafka);
  }

  private static KafkaClusterTestKit startKafka() throws Exception {
    KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .build();
    try {
      kafka.format();
      kafka.startup();
      kafka.waitForReadyBrokers();
      return kafka;
    } catch (Exception e) {
      kafka.close();
      throw e;
    }
  }

  @Test
  void aJobRestartedFromItsLastCheckpointLosesAndRepeatsNothing() throws Exception {
    Path input = Corpora.firehose(Files.createDirectories(tmp.resolve("corpus")), ARTICLES, 37);
    String url = store();
    JobSettings settings = new JobSettings(url, "dprk", "rules");
    FailOnce.FAILED.set(false);
    FailOnce.SEEN.set(0);

    StreamExecutionEnvironment env = environment(1);
    env.enableCheckpointing(500);
    storeFailingOnce(FirehoseJob.stages(env, FirehoseJob.files(env, input.toString()), input.toString(), settings),
        settings, ARTICLES / 3);
    env.execute("firehose restarted");

    assertThat(FailOnce.FAILED).as("the injected failure happened").isTrue();
    assertThat(FailOnce.SEEN.get()).as("articles handed to the store, some of them twice").isGreaterThan(ARTICLES);
    StoredEvents job = stored(url);
    StoredEvents ingested = ingested(input);
    assertThat(job.events()).as("events, each as its reports").isNotEmpty().isEqualTo(ingested.events());
    assertThat(unrelated(ingested, job)).hasSize(Corpora.UNRELATED.size());
    assertThat(ingested.articles()).containsAll(job.articles());
  }

  /**
   * The store's writers as {@link FirehoseJob#store} wires them, with a {@link FailOnce} between
   * each block's repeat filter and its writer: the failure is in the writer's task, which meets
   * the articles at the store's pace, checkpoints completing between them (the stages before the
   * shuffle run ahead of it by what its buffers hold, and may finish before any checkpoint does).
   * The whole job restarts from the checkpoint: the source's position, the filters' state, and the
   * writers, which committed at it.
   */
  static void storeFailingOnce(DataStream<Staged> extracted, JobSettings settings, int after) {
    TypeInformation<Staged> staged = TypeInformation.of(Staged.class);
    extracted.keyBy(new CandidateBlock())
        .process(new RepeatFilter(settings.repeatWindow())).returns(staged)
        .map(new FailOnce(after)).returns(staged)
        .sinkTo(new StoreSink(settings));
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * Passes the articles on to the store, and fails the task once: at the first article after
   * {@code after} articles once a checkpoint has completed (so the restart resumes from it, with
   * articles already committed after it to read again). Its flags are static: the cluster runs in
   * this JVM, and the instance after the restart is a new one that must not fail again.
   */
  static final class FailOnce extends RichMapFunction<Staged, Staged> implements CheckpointListener {

    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger SEEN = new AtomicInteger();

    private final int after;
    private int seen;
    private boolean checkpointed;

    FailOnce(int after) {
      this.after = after;
    }

    /**
     * Until a checkpoint completes, each article waits this long: on a quiet machine the writer's
     * task could otherwise take every article before the first checkpoint, and the failure would
     * never be injected (checkpoint barriers pass between articles, so the wait does not hold them).
     */
    private static final long PACE_MILLIS = 50;

    @Override
    public Staged map(Staged value) throws InterruptedException {
      SEEN.incrementAndGet();
      if (!checkpointed && !FAILED.get()) {
        Thread.sleep(PACE_MILLIS);
      }
      if (++seen > after && checkpointed && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("failure injected by the test after " + seen + " articles");
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
    }
  }
}
