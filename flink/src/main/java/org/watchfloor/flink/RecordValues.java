package org.watchfloor.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record's value as the line of JSON Lines it holds, decoded as UTF-8 (bytes that are not
 * UTF-8 are replaced, as the file source's lines are), for the parse stage to read or set aside.
 * A record without a value (a tombstone, which a compacted topic keeps for a deleted key) holds no
 * article and is skipped, as a blank line is; the value-only schemas of the connector would fail
 * the job on one. The key is not read: the article's identity is its content.
 */
final class RecordValues implements KafkaRecordDeserializationSchema<String> {

  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
    if (record.value() != null) {
      out.collect(new String(record.value(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }
}
