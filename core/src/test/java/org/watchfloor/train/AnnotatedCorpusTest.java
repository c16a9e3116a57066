package org.watchfloor.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.profile.WatchProfile;

class AnnotatedCorpusTest {

  // (invented state-media style texts; the second has a character outside the BMP before its
  // evidence, so code-point and UTF-16 offsets differ there)
  private static final String FIRST = "Pyongyang, May 3 (Juche) -- The artillery sub-units of the western front held a firing"
      + " drill yesterday. The drill checked the readiness of new guns. Observers praised the gunners.";
  private static final String SECOND = "Pyongyang, May 9 (Juche) -- A spokesman \uD83D\uDE80 issued a statement."
      + " The spokesman warned that any intrusion would meet a merciless strike. Farmers finished sowing.";

  @TempDir Path dir;
  private Path articles;
  private List<LabelledArticle> gold;

  @BeforeEach
  void writeCorpus() throws IOException {
    articles = dir.resolve("articles.jsonl");
    Files.writeString(articles, line("https://news.example/a1", "2031-05-03", FIRST) + "\n"
        + line("https://news.example/a2", "2031-05-09", SECOND) + "\n");
    Path csv = dir.resolve("gold.csv");
    Files.writeString(csv, "event_key,event_date,event_type,article_urls\n"
        + "2031-05-02-western-front-drill,2031-05-02,military_exercise,https://news.example/a1\n");
    gold = AnnotatedCorpus.withGold(articles, csv, GazetteerMatcher.of(WatchProfile.load("dprk")));
  }

  private static String line(String url, String published, String text) {
    return "{\"url\":\"" + url + "\",\"outlet\":\"Agency\",\"published\":\"" + published + "\",\"title\":\"t\",\"text\":\""
        + text.replace("\"", "\\\"") + "\"}";
  }

  /** The code-point offsets of {@code sentence} in {@code text}, as an annotation tool writes them. */
  private static String span(String text, String sentence) {
    int at = text.indexOf(sentence);
    int start = text.codePointCount(0, at);
    return "[" + start + "," + (start + sentence.codePointCount(0, sentence.length())) + "]";
  }

  private Path evidence(String... lines) throws IOException {
    Path file = dir.resolve("evidence.jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static String event(String key, String type, String role, String spans) {
    return "{\"key\":\"" + key + "\",\"type\":\"" + type + "\",\"date\":\"2031-05-08\",\"date_precision\":\"day\","
        + "\"planned\":false,\"role\":\"" + role + "\",\"actor_country\":\"DPRK\",\"evidence\":[" + spans + "]}";
  }

  private static String annotated(int line, String url, String text, String... events) {
    return "{\"line\":" + line + ",\"url\":\"" + url + "\",\"text_sha256\":\"" + AnnotatedCorpus.textSum(text)
        + "\",\"events\":[" + String.join(",", events) + "]}";
  }

  @Test
  void anAnnotatedArticleIsLabelledWithItsSentencesAndTheOthersKeepTheGold() throws IOException {
    String warning = "The spokesman warned that any intrusion would meet a merciless strike.";
    Path file = evidence(annotated(2, "https://news.example/a2", SECOND,
        event("2031-05-08-spokesman-warning", "threat_statement", "news", span(SECOND, warning))));

    List<LabelledArticle> out = AnnotatedCorpus.withEvidence(gold, file);

    assertThat(out.get(0)).isSameAs(gold.get(0));
    assertThat(out.get(0).events()).singleElement().satisfies(e -> assertThat(e.evidence()).isEmpty());
    assertThat(gold.get(1).events()).isEmpty();
    LabelledEvent e = out.get(1).events().get(0);
    assertThat(e.evidence()).containsExactly(warning);
    assertThat(e.type()).isEqualTo("threat_statement");
    assertThat(e.news()).isTrue();
    assertThat(out.get(1).relevant()).isTrue();
  }

  @Test
  void anArticleAnnotatedAsTellingNothingHasNoEvents() throws IOException {
    Path file = evidence(annotated(1, "https://news.example/a1", FIRST));
    assertThat(AnnotatedCorpus.withEvidence(gold, file).get(0).events()).isEmpty();
  }

  @Test
  void aChangedTextIsRefusedRatherThanLabelledAtTheWrongOffsets() throws IOException {
    Path file = evidence(annotated(1, "https://news.example/a1", FIRST + " (revised)",
        event("k", "military_exercise", "news", "[0,10]")));
    assertThatThrownBy(() -> AnnotatedCorpus.withEvidence(gold, file))
        .hasMessageContaining("evidence.jsonl (line 1 of ").hasMessageContaining("checksum");
  }

  @Test
  void malformedAnnotationsAreErrorsNamingTheFileAndWhatIsWrong() throws IOException {
    String url = "https://news.example/a1";
    assertThatThrownBy(() -> AnnotatedCorpus.withEvidence(gold, evidence(annotated(2, url, FIRST))))
        .hasMessageContaining("annotated URL " + url);
    assertThatThrownBy(() -> AnnotatedCorpus.withEvidence(gold, evidence(annotated(7, url, FIRST))))
        .hasMessageContaining("article line(s) [7]");
    assertThatThrownBy(() -> AnnotatedCorpus.withEvidence(gold,
        evidence(annotated(1, url, FIRST, event("k", "military_exercise", "news", "[5,9999]")))))
        .hasMessageContaining("outside the text");
    assertThatThrownBy(() -> AnnotatedCorpus.withEvidence(gold,
        evidence(annotated(1, url, FIRST, event("k", "military_exercise", "news", "")))))
        .hasMessageContaining("has no evidence");
    assertThatThrownBy(() -> AnnotatedCorpus.withEvidence(gold,
        evidence(annotated(1, url, FIRST, event("k", "military_exercise", "nws", "[0,10]")))))
        .hasMessageContaining("role \"nws\"");
    assertThatThrownBy(() -> AnnotatedCorpus.withEvidence(gold,
        evidence(annotated(1, url, FIRST, event("k", "military_exercise", "news", "[0,10]").replace("\"planned\"", "\"planed\"")))))
        .hasMessageContaining("unknown key \"planed\"");
    assertThatThrownBy(() -> AnnotatedCorpus.withEvidence(gold,
        evidence(annotated(1, url, FIRST), annotated(1, url, FIRST))))
        .hasMessageContaining("evidence.jsonl:2").hasMessageContaining("annotated twice");
    assertThatThrownBy(() -> AnnotatedCorpus.withEvidence(gold, evidence("{\"line\": \"one\"}")))
        .hasMessageContaining("evidence.jsonl:1").hasMessageContaining("line number");
  }

  @Test
  void lineOfReadsTheLineAJsonLinesArticleCameFrom() {
    assertThat(AnnotatedCorpus.lineOf("/data/kcna/articles.jsonl:12")).isEqualTo(12);
    assertThat(AnnotatedCorpus.lineOf("/data/page.html")).isEqualTo(-1);
  }
}
