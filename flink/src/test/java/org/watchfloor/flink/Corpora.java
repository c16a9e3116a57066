package org.watchfloor.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.watchfloor.bench.CorpusGenerator;

/**
 * Inputs of the job's tests: the bench's generated corpus (news of many missile happenings, with
 * its ground truth in gold-events.csv) with articles on other subjects mixed in, which the
 * relevance gate must turn away (written here, in the corpus's JSON Lines contract).
 */
final class Corpora {

  private Corpora() {}

  /** Articles on anything but the watch's subject: a firehose is mostly these. */
  static final List<String> UNRELATED = List.of(
      "{\"url\":\"https://harbour.example/council-library\",\"outlet\":\"Harbour Gazette\",\"published\":\"2024-03-02\","
          + "\"title\":\"Council keeps the library open on Sundays\",\"text\":\"The town council voted on Tuesday to keep"
          + " the central library open on Sunday afternoons through the summer. Volunteers will staff the reading room,"
          + " and the children's section gets two more story hours a week. The budget for the change comes from the"
          + " parks fund, the treasurer said.\"}",
      "{\"url\":\"https://plains.example/harvest\",\"outlet\":\"Plains Courier\",\"published\":\"2024-05-19\","
          + "\"title\":\"Wheat harvest starts early after a warm spring\",\"text\":\"Farmers across the county began"
          + " cutting winter wheat nearly two weeks ahead of the usual date. Yields look average, growers said, though"
          + " the grain is lighter where the April hail fell. The cooperative has opened its second silo to take the"
          + " early loads.\"}",
      "{\"url\":\"https://metro.example/marathon\",\"outlet\":\"Metro Ledger\",\"published\":\"2024-10-06\","
          + "\"title\":\"Marathon closes the river road on Sunday\",\"text\":\"The river road will be closed from six in"
          + " the morning until three in the afternoon for the city marathon. Buses on routes 4 and 12 take the bridge"
          + " detour, and the riverside car parks stay shut until the last runners pass.\"}");

  /**
   * Generates {@code articles} articles with {@code seed} into {@code dir} and writes them, with an
   * unrelated article after every 25th, to {@code dir/input.jsonl}; returns that file.
   */
  static Path firehose(Path dir, int articles, long seed) throws IOException {
    new CorpusGenerator(seed).generate(articles, dir);
    List<String> lines = Files.readAllLines(dir.resolve("articles.jsonl"), StandardCharsets.UTF_8);
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      mixed.add(lines.get(i));
      if (i % 25 == 24) {
        mixed.add(UNRELATED.get((i / 25) % UNRELATED.size()));
      }
    }
    Path input = dir.resolve("input.jsonl");
    Files.write(input, mixed, StandardCharsets.UTF_8);
    return input;
  }
}
