package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The Kafka source's deserializer, and what the parse stage makes of its lines. */
class RecordValuesTest {

  private static List<String> values(byte[]... values) {
    List<String> out = new ArrayList<>();
    Collector<String> collector = new ListCollector<>(out);
    long offset = 0;
    for (byte[] value : values) {
      new RecordValues().deserialize(new ConsumerRecord<>("articles", 0, offset++, null, value), collector);
    }
    return out;
  }

  @Test
  void aRecordsValueIsItsLineAndATombstoneIsSkipped() {
    byte[] article = Corpora.UNRELATED.get(0).getBytes(StandardCharsets.UTF_8);

    assertThat(values(article, null, "{\"text\": \"Pyongyang\"}".getBytes(StandardCharsets.UTF_8)))
        .containsExactly(Corpora.UNRELATED.get(0), "{\"text\": \"Pyongyang\"}");
  }

  @Test
  void bytesThatAreNotUtf8AreReplacedAndTheBadRecordIsSetAsideNamingTheTopic() throws Exception {
    byte[] latin1 = "{\"title\": \"caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

    List<String> lines = values(latin1);
    assertThat(lines).containsExactly("{\"title\": \"caf\ufffd");

    String input = new KafkaInput("broker:9092", "articles", KafkaInput.DEFAULT_GROUP, false).name();
    List<Staged> out = Harnesses.run(new ParseFunction(input), lines);
    assertThat(out).singleElement().isInstanceOfSatisfying(Staged.Failed.class, f -> {
      assertThat(f.problem().source()).isEqualTo("kafka://broker:9092/articles");
      assertThat(f.problem().reason()).startsWith("not valid JSON");
    });
  }
}
