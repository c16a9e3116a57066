package org.watchfloor.flink;

import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import org.watchfloor.cli.FetchOptions;
import org.watchfloor.cli.StoreOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The firehose: the embedded pipeline's stages as an Apache Flink job. Articles are read as JSON
 * Lines in the public article contract (a file or a folder of them, gzip-compressed or not), from
 * a Kafka topic of records holding one such line each ({@link KafkaInput}), from a crawl's WARC
 * archives ({@link WarcFormat}), or fetched from the URLs of GDELT exports ({@link GdeltFormat},
 * {@link FetchFunction}), parsed and extracted (the relevance gate drops the unrelated ones before the store is asked
 * anything), and stored by one writer per parallel instance into the store, resolved into events
 * as {@code ingest} resolves them:
 *
 * <pre>
 *   articles (file or Kafka source) → [rebalance] → parse → extract → keyBy(candidate block) → repeats → store
 * </pre>
 *
 * The source's splits (its files, or the topic's partitions) are the unit of parallelism of the
 * stateless stages: each instance reads the files or partitions it is given and parses and
 * extracts their articles in one task (chained, with object reuse, so they hand each other the
 * core's values by reference). The articles the relevance gate lets through are then keyed by their
 * candidate block ({@link CandidateBlock}: event type × week), so that the articles that may meet
 * in the same events go to one writer, which drops repeats ({@link RepeatFilter}) and resolves and
 * stores the rest (the store's locks still keep writers that meet elsewhere apart). {@code
 * --rebalance} spreads the lines of a few large files (or few partitions) over all instances instead, at the cost of a
 * network shuffle behind which each checkpoint's barrier waits. With checkpoints on, the source
 * resumes from the last checkpoint after a failure and the store's writers have committed all
 * they were handed before it (see {@link StoreSink}): nothing is lost, and what is read again is
 * skipped.
 */
@Command(name = "watchfloor-flink", mixinStandardHelpOptions = true,
    description = "Runs the pipeline (parse, extract, resolve, store) as an Apache Flink job over JSON Lines articles"
        + " (files, or a Kafka topic of one article per record), WARC archives or GDELT exports.")
public final class FirehoseJob implements Callable<Integer> {

  /** Where the articles come from: files, or a Kafka topic. */
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--input", required = true, paramLabel = "PATH",
        description = "A JSON Lines file of articles (the public article contract, .jsonl or .jsonl.gz) or a folder of them;"
            + " any file system Flink reads (file:///, s3://...).")
    String input;

    @Option(names = "--warc", required = true, paramLabel = "PATH",
        description = "A WARC archive (a crawl's .warc or .warc.gz) or a folder of them, read as ingest reads them:"
            + " each HTML or text response is an article; any file system Flink reads.")
    String warc;

    @Option(names = "--gdelt", required = true, paramLabel = "PATH",
        description = "A GDELT 2.0 export (events or mentions, .CSV or .zip) or a folder of them: the URLs of the rows"
            + " the profile's gdelt section selects are fetched, as ingest --gdelt fetches them.")
    String gdelt;

    @ArgGroup(exclusive = false)
    Kafka kafka;
  }

  static final class Kafka {
    @Option(names = "--kafka-bootstrap", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
        description = "Read the articles from Kafka, through these bootstrap servers, instead of --input.")
    String bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
        description = "The Kafka topic: one article per record value, a JSON object in the public article contract.")
    String topic;

    @Option(names = "--group-id", defaultValue = KafkaInput.DEFAULT_GROUP, paramLabel = "GROUP",
        description = "The consumer group: the job starts from its committed offsets (the earliest where none)"
            + " and commits its offsets at each checkpoint (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--bounded",
        description = "Stop at the offsets that were the latest when the job started, instead of reading on.")
    boolean bounded;

    KafkaInput input() {
      return new KafkaInput(bootstrap, topic, groupId, bounded);
    }
  }

  /** --store, --profile and --events, as the CLI's commands take them. */
  @Mixin StoreOptions options;

  @Option(names = "--parallelism", defaultValue = "0", paramLabel = "N",
      description = "Parallel instances of each stage (0: the cluster's default).")
  int parallelism;

  @Option(names = "--rebalance",
      description = "Spread the lines over all instances (for fewer files than instances) instead of each reading its own files.")
  boolean rebalance;

  /** With --gdelt: --allow-private-addresses and --politeness, as ingest takes them. */
  @Mixin FetchOptions fetch;

  @Option(names = "--repeat-window", defaultValue = "24", paramLabel = "HOURS",
      description = "Hours for which the writer of a candidate block remembers the articles it was handed, to drop"
          + " repeats before the store; 0: remember none (default: ${DEFAULT-VALUE}).")
  long repeatWindowHours;

  @Option(names = "--checkpoint-interval", defaultValue = "10000", paramLabel = "MS",
      description = "Milliseconds between checkpoints, 0 for none (default: ${DEFAULT-VALUE}).")
  long checkpointInterval;

  public static void main(String[] args) {
    int code = new CommandLine(new FirehoseJob()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (repeatWindowHours < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--repeat-window must be 0 or more hours, not " + repeatWindowHours);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (parallelism > 0) {
      env.setParallelism(parallelism);
    }
    if (checkpointInterval > 0) {
      env.enableCheckpointing(checkpointInterval);
    }
    JobSettings settings = new JobSettings(options.store(), options.profile(), options.events(),
        java.time.Duration.ofHours(repeatWindowHours));
    String name;
    if (source.kafka != null) {
      KafkaInput kafka = source.kafka.input();
      build(env, kafka, settings, rebalance);
      name = kafka.name();
    } else if (source.warc != null) {
      buildWarc(env, source.warc, settings, rebalance);
      name = source.warc;
    } else if (source.gdelt != null) {
      buildGdelt(env, source.gdelt, settings, new FetchFunction.Settings(fetch.allowPrivateAddresses(), fetch.politenessMillis()));
      name = source.gdelt;
    } else {
      build(env, source.input, settings, rebalance);
      name = source.input;
    }
    JobExecutionResult result = env.execute("watchfloor firehose " + name);
    System.out.printf("done in %.1f s%n", result.getNetRuntime() / 1000.0);
    java.util.SortedMap<String, Long> passedOver = PassedOverCounts.of(result.getAllAccumulatorResults());
    if (!passedOver.isEmpty()) { // as ingest prints them
      System.out.println("passed over (no article in them): " + org.watchfloor.pipeline.IngestSummary.passedOverText(passedOver));
    }
    return 0;
  }

  /**
   * Adds the job to {@code env}: the file source of {@code input}, the stages, the store's writers;
   * with {@code rebalance}, the source's lines are spread over all instances of the stages.
   */
  public static void build(StreamExecutionEnvironment env, String input, JobSettings settings, boolean rebalance) {
    build(env, files(env, input), input, settings, rebalance);
  }

  /**
   * Adds the job to {@code env}: the Kafka source of {@code kafka}, the stages, the store's writers;
   * with {@code rebalance}, the records are spread over all instances of the stages.
   */
  public static void build(StreamExecutionEnvironment env, KafkaInput kafka, JobSettings settings, boolean rebalance) {
    DataStream<Staged> records = records(env, kafka);
    if (rebalance) {
      records = records.rebalance();
    }
    store(documentStages(env, records, settings), settings);
  }

  /**
   * Adds the job to {@code env}: the WARC archives at {@code input} (a file or a folder), the
   * stages, the store's writers; with {@code rebalance}, the archives' pages are spread over all
   * instances of the stages.
   */
  public static void buildWarc(StreamExecutionEnvironment env, String input, JobSettings settings, boolean rebalance) {
    DataStream<Staged> pages = warcs(env, input);
    if (rebalance) {
      pages = pages.rebalance();
    }
    store(documentStages(env, pages, settings), settings);
  }

  /**
   * Adds the job to {@code env}: the GDELT exports at {@code input} (a file or a folder), the URLs
   * of their watched rows keyed by host to the fetch stage (so that one instance fetches all of a
   * host's pages, a politeness delay apart), the stages, the store's writers.
   */
  public static void buildGdelt(StreamExecutionEnvironment env, String input, JobSettings settings,
      FetchFunction.Settings fetch) {
    store(documentStages(env, fetched(gdelt(env, input, settings), fetch), settings), settings);
  }

  /** The URLs of the rows of the GDELT exports at {@code input} that the profile's {@code gdelt} section selects. */
  public static DataStream<Staged> gdelt(StreamExecutionEnvironment env, String input, JobSettings settings) {
    FileSource<Staged> exports = FileSource.forBulkFileFormat(new GdeltFormat(settings.profile()), new Path(input)).build();
    return env.fromSource(exports, WatermarkStrategy.noWatermarks(), "exports");
  }

  /** The pages of the URLs found, fetched by the instance of their host (see {@link FetchFunction}). */
  public static DataStream<Staged> fetched(DataStream<Staged> found, FetchFunction.Settings fetch) {
    return found.keyBy(FetchFunction.HOST)
        .flatMap(new FetchFunction(fetch)).returns(TypeInformation.of(Staged.class)).name("fetch");
  }

  private static void build(StreamExecutionEnvironment env, DataStream<String> lines, String input, JobSettings settings,
      boolean rebalance) {
    if (rebalance) {
      lines = lines.rebalance();
    }
    store(stages(env, lines, input, settings), settings);
  }

  /**
   * The store's writers over what the stages extracted, each fed the candidate blocks it is given
   * ({@link CandidateBlock}), repeats dropped first ({@link RepeatFilter}) unless the settings'
   * repeat window is zero. The key is a network shuffle (the extracted articles cross it
   * serialized, see {@link UnmodifiableMapSerializer}), of what the relevance gate let through only.
   */
  public static void store(DataStream<Staged> extracted, JobSettings settings) {
    KeyedStream<Staged, String> blocks = extracted.keyBy(new CandidateBlock());
    DataStream<Staged> toStore = settings.repeatWindow().isZero() ? blocks
        : blocks.process(new RepeatFilter(settings.repeatWindow())).returns(TypeInformation.of(Staged.class)).name("repeats");
    toStore.sinkTo(new StoreSink(settings)).name("store");
  }

  /** The lines of the JSON Lines files at {@code input} (a file or a folder; .gz and the like unpacked). */
  public static DataStream<String> files(StreamExecutionEnvironment env, String input) {
    FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(input)).build();
    return env.fromSource(files, WatermarkStrategy.noWatermarks(), "articles");
  }

  /**
   * The pages of the WARC archives at {@code input} (a file or a folder of {@code .warc} and {@code
   * .warc.gz} files), read by the core's WARC reader (see {@link WarcFormat}): each archive is a
   * split, so that the archives, not their pages, are spread over the source's instances.
   */
  public static DataStream<Staged> warcs(StreamExecutionEnvironment env, String input) {
    FileSource<Staged> archives = FileSource
        .forBulkFileFormat(new WarcFormat(org.watchfloor.ingest.FileSource.DEFAULT_MAX_BYTES), new Path(input))
        .setFileEnumerator(WarcFormat.WarcFiles::new)
        .build();
    return env.fromSource(archives, WatermarkStrategy.noWatermarks(), "archives");
  }

  /**
   * The records of {@code kafka}'s topic, each read as one line of JSON Lines into a document, or a
   * problem naming its partition and offset (records without a value are skipped, see {@link
   * RecordValues}). The topic's partitions are the source's splits; the read offsets are in each
   * checkpoint, and committed to the consumer group when it completes.
   */
  public static DataStream<Staged> records(StreamExecutionEnvironment env, KafkaInput kafka) {
    return env.fromSource(kafka.source(), WatermarkStrategy.noWatermarks(), "articles");
  }

  /**
   * The parse and extract stages over lines of JSON Lines from {@code input} (named in problems):
   * what the store's writers take; the file source feeds its lines here.
   */
  public static DataStream<Staged> stages(StreamExecutionEnvironment env, DataStream<String> lines, String input,
      JobSettings settings) {
    exchange(env);
    TypeInformation<Staged> staged = TypeInformation.of(Staged.class);
    return lines
        .flatMap(new ParseFunction(input)).returns(staged).name("parse")
        .flatMap(new ExtractFunction(settings)).returns(staged).name("extract");
  }

  /**
   * How the stages hand on their values: chained operators (parse and extract; the repeat filter
   * and the writer) by reference, with object reuse, instead of copying each through Flink's
   * generic (Kryo) serializer; across the shuffle to the writers, through Kryo, taught the JDK's
   * unmodifiable map that the core's records hold.
   */
  static void exchange(StreamExecutionEnvironment env) {
    env.getConfig().enableObjectReuse();
    env.configure(UnmodifiableMapSerializer.configuration());
  }

  /**
   * The parse and extract stages over documents a source has read already ({@link Staged.Arrived}:
   * the pages of WARC archives or fetched, the records of a Kafka topic), and over what it could not read ({@link Staged.Failed}), which
   * passes on to the store's quarantine.
   */
  public static DataStream<Staged> documentStages(StreamExecutionEnvironment env, DataStream<Staged> documents,
      JobSettings settings) {
    exchange(env);
    TypeInformation<Staged> staged = TypeInformation.of(Staged.class);
    return documents
        .flatMap(new ParseDocumentFunction()).returns(staged).name("parse")
        .flatMap(new ExtractFunction(settings)).returns(staged).name("extract");
  }
}
