package org.watchfloor.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/** The job's functions in Flink's operator test harness. */
final class Harnesses {

  private Harnesses() {}

  /**
   * The serializer of what the stages emit, as the job declares it: the harness copies each
   * output with it (without it, it guesses from the first record's class, which is one kind of
   * {@link Staged} only).
   */
  static final TypeSerializer<Staged> STAGED = TypeInformation.of(Staged.class).createSerializer(jobSerializerConfig());

  /** The serializer config of the job: Kryo taught the core's unmodifiable maps ({@link UnmodifiableMapSerializer}). */
  static SerializerConfigImpl jobSerializerConfig() {
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.configure(UnmodifiableMapSerializer.configuration(), Harnesses.class.getClassLoader());
    return config;
  }

  /** The split of a whole local file, as Flink's file source makes it, restored to {@code at} when not null. */
  static FileSourceSplit split(java.nio.file.Path file, CheckpointedPosition at) throws IOException {
    long size = Files.size(file);
    return new FileSourceSplit("0", new org.apache.flink.core.fs.Path(file.toUri()), 0, size,
        Files.getLastModifiedTime(file).toMillis(), size, new String[0], at);
  }

  /**
   * What a file format's reader hands on: each value described, then the position it records, as
   * {@code " at OFFSET +SKIP"} ({@code " +SKIP"} where it records no offset).
   */
  static List<String> read(BulkFormat.Reader<Staged> reader, Function<Staged, String> describe) throws IOException {
    List<String> out = new ArrayList<>();
    try (reader) {
      for (BulkFormat.RecordIterator<Staged> batch = reader.readBatch(); batch != null; batch = reader.readBatch()) {
        for (RecordAndPosition<Staged> r = batch.next(); r != null; r = batch.next()) {
          String at = r.getOffset() == CheckpointedPosition.NO_OFFSET ? "" : " at " + r.getOffset();
          out.add(describe.apply(r.getRecord()) + at + " +" + r.getRecordSkipCount());
        }
        batch.releaseBatch();
      }
    }
    return out;
  }

  /** A MiniCluster of one task manager with {@code slots} slots, for an IT's {@code @RegisterExtension}. */
  static MiniClusterExtension miniCluster(int slots) {
    return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
        .setNumberTaskManagers(1)
        .setNumberSlotsPerTaskManager(slots)
        .build());
  }

  /** What {@code function} emits, opened in a harness, for {@code input} in order. */
  static <I> List<Staged> run(FlatMapFunction<I, Staged> function, List<I> input) throws Exception {
    try (OneInputStreamOperatorTestHarness<I, Staged> harness = new OneInputStreamOperatorTestHarness<>(new StreamFlatMap<>(function))) {
      harness.setup(STAGED);
      harness.open();
      for (I element : input) {
        harness.processElement(element, 0);
      }
      return List.copyOf(harness.extractOutputValues());
    }
  }
}
