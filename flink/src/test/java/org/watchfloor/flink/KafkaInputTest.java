package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Properties;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacet;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.junit.jupiter.api.Test;

/** The Kafka source a {@link KafkaInput} builds, and the consumers' properties it ships to the task managers. */
class KafkaInputTest {

  /** The consumers' properties of {@code source}, as its lineage reports them. */
  private static Properties consumerProperties(KafkaSource<Staged> source) {
    return source.getLineageVertex().datasets().stream()
        .flatMap(d -> d.facets().values().stream())
        .filter(KafkaDatasetFacet.class::isInstance)
        .map(f -> ((KafkaDatasetFacet) f).getProperties())
        .findFirst().orElseThrow();
  }

  @Test
  void aJobBuiltInATurkishLocaleGivesItsConsumersAResetStrategyTheyAccept() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      Properties props = consumerProperties(new KafkaInput("k:9092", "articles", "g", false).source());

      assertThat(props.getProperty("auto.offset.reset")).isEqualTo("earliest");
      assertThat(Locale.getDefault()).as("the default locale, given back").isEqualTo(Locale.forLanguageTag("tr-TR"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void theGroupCommitsItsOffsetsAtCheckpointsAndABoundedInputStops() {
    KafkaSource<Staged> unbounded = new KafkaInput("k:9092", "articles", "firehose", false).source();
    KafkaSource<Staged> bounded = new KafkaInput("k:9092", "articles", "firehose", true).source();

    Properties props = consumerProperties(unbounded);
    assertThat(props.getProperty("group.id")).isEqualTo("firehose");
    assertThat(props.getProperty("bootstrap.servers")).isEqualTo("k:9092");
    assertThat(props.getProperty("commit.offsets.on.checkpoint")).isEqualTo("true");
    assertThat(unbounded.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    assertThat(bounded.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
  }

  @Test
  void anInputWithoutATopicIsRefused() {
    assertThatThrownBy(() -> new KafkaInput("k:9092", " ", "g", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic");
  }
}
