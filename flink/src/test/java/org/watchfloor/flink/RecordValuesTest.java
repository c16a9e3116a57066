package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The Kafka source's deserializer: each record's value read as a line of JSON Lines, into a
 * document or a problem named by the record's topic, partition and offset.
 */
class RecordValuesTest {

  private static final KafkaInput INPUT = new KafkaInput("broker:9092", "articles", KafkaInput.DEFAULT_GROUP, false);

  /** What the deserializer makes of {@code values}, the records of partition 2 from offset 40 on. */
  private static List<Staged> values(byte[]... values) {
    List<Staged> out = new ArrayList<>();
    Collector<Staged> collector = new ListCollector<>(out);
    long offset = 40;
    for (byte[] value : values) {
      new RecordValues(INPUT).deserialize(new ConsumerRecord<>("articles", 2, offset++, null, value), collector);
    }
    return out;
  }

  @Test
  void aRecordsValueIsADocumentNamedByItsRecordAndATombstoneIsSkipped() {
    byte[] article = Corpora.UNRELATED.get(0).getBytes(StandardCharsets.UTF_8);

    List<Staged> out = values(article, null, "{\"text\": \"Pyongyang\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(out).hasSize(2).allSatisfy(s -> assertThat(s).isInstanceOf(Staged.Arrived.class));
    Staged.Arrived first = (Staged.Arrived) out.get(0);
    assertThat(first.document().source()).isEqualTo("kafka://broker:9092/articles/2@40");
    assertThat(first.document().sourcePath()).as("the file it came from: the topic").isEqualTo("kafka://broker:9092/articles");
    assertThat(first.document().metadata()).containsEntry("url", "https://harbour.example/council-library");
    assertThat(((Staged.Arrived) out.get(1)).document().source()).as("after the tombstone at 41").isEqualTo("kafka://broker:9092/articles/2@42");
  }

  @Test
  void bytesThatAreNotUtf8AreReplacedAndTheBadRecordIsSetAsideNamingItsPartitionAndOffset() {
    byte[] latin1 = "{\"title\": \"caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(values("{\"title\": \"no text\"}".getBytes(StandardCharsets.UTF_8), latin1))
        .extracting(s -> ((Staged.Failed) s).problem().source() + ": " + ((Staged.Failed) s).problem().reason())
        .satisfiesExactly(
            noText -> assertThat(noText).isEqualTo("kafka://broker:9092/articles/2@40: no \"text\" or \"html\" field with content"),
            // the replacement character where the byte was: the value is read, and found no JSON
            notJson -> assertThat(notJson).startsWith("kafka://broker:9092/articles/2@41: not valid JSON"));
  }

  @Test
  void bytesThatAreNotUtf8AreReplaced() {
    byte[] latin1 = "{\"title\": \"caf\u00e9\", \"text\": \"Pyongyang\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(values(latin1)).singleElement().isInstanceOfSatisfying(Staged.Arrived.class,
        a -> assertThat(a.document().metadata()).containsEntry("title", "caf\ufffd"));
  }

  @Test
  void aRecordsDocumentIsParsedAsTheLineOfAFileIs() throws Exception {
    Staged.Arrived fromKafka = (Staged.Arrived) values(Corpora.UNRELATED.get(1).getBytes(StandardCharsets.UTF_8)).get(0);
    Staged.Parsed fromFile = (Staged.Parsed) Harnesses.run(new ParseFunction("in.jsonl"), List.of(Corpora.UNRELATED.get(1))).get(0);

    Staged.Parsed parsed = (Staged.Parsed) Harnesses.run(new ParseDocumentFunction(), List.<Staged>of(fromKafka)).get(0);

    assertThat(parsed.article().id()).isEqualTo(fromFile.article().id());
    assertThat(parsed.article().text()).isEqualTo(fromFile.article().text());
  }
}
