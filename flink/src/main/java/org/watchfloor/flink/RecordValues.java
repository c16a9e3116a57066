package org.watchfloor.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.watchfloor.ingest.FileSource;

/**
 * A Kafka record's value as the article it holds: the value, decoded as UTF-8 (bytes that are not
 * UTF-8 are replaced, as the file source's lines are), is read as one line of JSON Lines is
 * ({@link FileSource#jsonLine}) into a document ({@link Staged.Arrived}) for the parse stage, or a
 * {@link Staged.Failed} for the quarantine when it is no article. Both are named by the record,
 * {@code kafka://BOOTSTRAP/TOPIC/PARTITION@OFFSET} ({@link KafkaInput#recordName}), as a file's
 * line is by {@code FILE:LINE}, so a bad record can be found again with any consumer; the article
 * records the topic ({@code kafka://BOOTSTRAP/TOPIC}) as the file it came from.
 *
 * <p>A record without a value (a tombstone, which a compacted topic keeps for a deleted key) holds
 * no article and is skipped, as a blank line is; the value-only schemas of the connector would fail
 * the job on one. The key is not read: the article's identity is its content.
 */
final class RecordValues implements KafkaRecordDeserializationSchema<Staged> {

  private static final long serialVersionUID = 1L;

  private final KafkaInput input;

  RecordValues(KafkaInput input) {
    this.input = input;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Staged> out) {
    if (record.value() == null) {
      return;
    }
    String line = new String(record.value(), StandardCharsets.UTF_8);
    if (line.isBlank()) {
      return;
    }
    FileSource.jsonLine(input.recordName(record.topic(), record.partition(), record.offset()), input.name(), line,
        DocumentsArrived.to(out));
  }

  @Override
  public TypeInformation<Staged> getProducedType() {
    return TypeInformation.of(Staged.class);
  }
}
