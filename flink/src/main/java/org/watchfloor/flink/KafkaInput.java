package org.watchfloor.flink;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.watchfloor.RootLocale;

/**
 * A Kafka topic of articles, one JSON object in the public article contract per record value
 * (what one line of JSON Lines holds), as the job reads it: as the consumer group {@code groupId},
 * from the offsets the group committed (from the earliest offset on a partition it has none for),
 * committing its offsets as each checkpoint completes. {@code bounded}: stop at the offsets that
 * were the latest when the job started (a batch over what the topic holds, as for tests and
 * backfills) instead of reading on forever.
 */
public record KafkaInput(String bootstrap, String topic, String groupId, boolean bounded) implements Serializable {

  /** The consumer group of a job given none. */
  public static final String DEFAULT_GROUP = "watchfloor-firehose";

  public KafkaInput {
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(groupId, "groupId");
    if (bootstrap.isBlank() || topic.isBlank() || groupId.isBlank()) {
      throw new IllegalArgumentException("a Kafka input needs bootstrap servers, a topic and a group id: " + this);
    }
  }

  /** The input as problems and articles name it: {@code kafka://BOOTSTRAP/TOPIC}. */
  public String name() {
    return "kafka://" + bootstrap + "/" + topic;
  }

  /**
   * One record of the input, as problems name it: {@code kafka://BOOTSTRAP/TOPIC/PARTITION@OFFSET}
   * (the topic is the record's, which is this input's).
   */
  public String recordName(String recordTopic, int partition, long offset) {
    return "kafka://" + bootstrap + "/" + recordTopic + "/" + partition + "@" + offset;
  }

  /** Flink's Kafka source of the topic's records, each read as a document or a problem ({@link RecordValues}). */
  KafkaSource<Staged> source() {
    KafkaSourceBuilder<Staged> builder = KafkaSource.<Staged>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new RecordValues(this))
        // the default, said here because the docs promise it: the group's offsets follow the checkpoints
        .setProperty("commit.offsets.on.checkpoint", "true");
    if (bounded) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    // the builder writes the reset strategy into the consumers' properties in the default locale's
    // lower case, which in a Turkish one is a value every consumer rejects (see RootLocale)
    return RootLocale.run(builder::build);
  }
}
