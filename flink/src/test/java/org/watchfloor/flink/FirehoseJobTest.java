package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The job's command line: files or a Kafka topic, one of them. */
class FirehoseJobTest {

  private final StringWriter err = new StringWriter();

  private FirehoseJob parse(String... args) {
    FirehoseJob job = new FirehoseJob();
    new CommandLine(job).parseArgs(args);
    return job;
  }

  private int run(String... args) {
    return new CommandLine(new FirehoseJob()).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void aKafkaTopicIsAnInput() {
    FirehoseJob job = parse("--kafka-bootstrap", "k1:9092,k2:9092", "--topic", "articles", "--bounded",
        "--store", "postgresql://db/watch");

    assertThat(job.source.input).isNull();
    assertThat(job.source.kafka.input())
        .isEqualTo(new KafkaInput("k1:9092,k2:9092", "articles", KafkaInput.DEFAULT_GROUP, true));
    assertThat(job.source.kafka.input().name()).isEqualTo("kafka://k1:9092,k2:9092/articles");
    assertThat(parse("--kafka-bootstrap", "k:9092", "--topic", "t", "--group-id", "replay", "--store", "s")
        .source.kafka.input()).isEqualTo(new KafkaInput("k:9092", "t", "replay", false));
  }

  @Test
  void filesAreAnInput() {
    FirehoseJob job = parse("--input", "/data/feed.jsonl", "--store", "postgresql://db/watch");

    assertThat(job.source.input).isEqualTo("/data/feed.jsonl");
    assertThat(job.source.kafka).isNull();
  }

  @Test
  void warcArchivesAreAnInput() {
    FirehoseJob job = parse("--warc", "s3://crawl/segment-7/", "--store", "postgresql://db/watch");

    assertThat(job.source.warc).isEqualTo("s3://crawl/segment-7/");
    assertThat(job.source.input).isNull();
    assertThat(job.source.kafka).isNull();
    assertThat(run("--warc", "a.warc.gz", "--input", "a.jsonl", "--store", "s")).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  void gdeltExportsAreAnInputFetchedAsIngestFetches() {
    FirehoseJob job = parse("--gdelt", "/data/gdelt/", "--store", "postgresql://db/watch", "--politeness", "250");

    assertThat(job.source.gdelt).isEqualTo("/data/gdelt/");
    assertThat(job.fetch.politenessMillis()).isEqualTo(250);
    assertThat(job.fetch.allowPrivateAddresses()).isFalse();
    assertThat(parse("--gdelt", "x.zip", "--store", "s").fetch.politenessMillis()).isEqualTo(1000);
  }

  @Test
  void blocksRememberTheirArticlesForADayUnlessTold() {
    assertThat(parse("--input", "a.jsonl", "--store", "s").repeatWindowHours).isEqualTo(24);
    assertThat(parse("--input", "a.jsonl", "--store", "s", "--repeat-window", "0").repeatWindowHours).isZero();
    assertThat(run("--input", "a.jsonl", "--store", "s", "--repeat-window", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--repeat-window must be 0 or more hours, not -1");
  }

  @Test
  void theJobTakesOneInputAndATopicWithItsServers() {
    assertThat(run("--input", "/data/feed.jsonl", "--kafka-bootstrap", "k:9092", "--topic", "t", "--store", "s")).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
    assertThat(run("--kafka-bootstrap", "k:9092", "--store", "s")).isEqualTo(2);
    assertThat(err.toString()).contains("--topic");
    assertThat(run("--store", "s")).isEqualTo(2);
    assertThat(err.toString()).contains("--input");
  }
}
