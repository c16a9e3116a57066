package org.watchfloor.flink;

import java.util.List;
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
  private static final TypeSerializer<Staged> STAGED = TypeInformation.of(Staged.class).createSerializer(new SerializerConfigImpl());

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
