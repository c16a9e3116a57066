package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Event;
import org.watchfloor.store.Analysts;
import org.watchfloor.store.Store;

/** {@code watchfloor edit …} and {@code reprocess}, and how {@code events} and {@code event} show edits. */
class EditCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLE = Path.of("src/main/resources/sample-corpus/articles");

  @TempDir Path tmp;
  private String store;
  private String first;
  private String second;

  private static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }

  @BeforeEach
  void ingest() {
    store = tmp.resolve("s").toString();
    assertThat(run("ingest", "--store", store, SAMPLE.toString()).exit()).isZero();
    try (Store s = Store.openReadOnly(Path.of(store))) {
      List<Event> events = s.inTransaction(() -> s.events().list(null, 0));
      first = events.get(0).id();
      second = events.get(1).id();
    }
    try (Store s = Store.open(Path.of(store))) {
      Analysts.add(s, "ana", "bo");
    }
  }

  private JsonNode eventJson(String id) throws Exception {
    CliRunner.Result r = run("event", id, "--store", store, "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private List<String> listedIds(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("events", "--store", store, "--format", "jsonl"));
    args.addAll(List.of(extra));
    List<String> ids = new ArrayList<>();
    for (String line : run(args.toArray(String[]::new)).out().split("\n")) {
      if (!line.isBlank()) {
        ids.add(JSON.readTree(line).get("id").asText());
      }
    }
    return ids;
  }

  @Test
  void aRejectedEventIsHiddenFromTheListUnlessAskedFor_andShowsWhoRejectedIt() throws Exception {
    CliRunner.Result reject = run("edit", "reject", first, "--analyst", "ana", "--note", "not an event", "--store", store);

    assertThat(reject.exit()).as(reject.err()).isZero();
    assertThat(reject.out()).matches("#1 reject " + first + " by ana at \\S+Z \\(not an event\\)\\n");
    assertThat(listedIds()).doesNotContain(first).contains(second);
    assertThat(listedIds("--include-rejected")).contains(first, second);
    assertThat(run("events", "--store", store, "--include-rejected").out()).containsPattern(first + " .* REJECTED ");

    JsonNode e = eventJson(first);
    assertThat(e.get("status").asText()).isEqualTo("rejected");
    JsonNode edit = e.get("edits").get(0);
    assertThat(edit.get("kind").asText()).isEqualTo("reject");
    assertThat(edit.get("analyst").asText()).isEqualTo("ana");
    assertThat(edit.get("note").asText()).isEqualTo("not an event");
    assertThat(edit.get("status").asText()).isEqualTo("applied");
    assertThat(edit.get("at").asText()).endsWith("Z");
  }

  @Test
  void aMergedAwayIdLeadsToTheSurvivor_alsoAfterReprocess() throws Exception {
    assertThat(run("edit", "merge", first, second, "--analyst", "ana", "--store", store).exit()).isZero();
    CliRunner.Result reprocess = run("reprocess", "--store", store);
    assertThat(reprocess.exit()).as(reprocess.err()).isZero();
    assertThat(reprocess.out()).startsWith("reprocessed ");

    CliRunner.Result shown = run("event", second, "--store", store);
    assertThat(shown.out()).startsWith(first + " ").contains("(event " + second + " was merged into " + first + ")")
        .contains("EDIT #1 merge " + second + " into " + first + " by ana");
    assertThat(listedIds()).contains(first).doesNotContain(second);
    JsonNode merge = eventJson(first).get("edits").get(0);
    assertThat(merge.get("merged_event").asText()).isEqualTo(second);
  }

  @Test
  void aCorrectionTwiceShowsTheLaterValue_andTheEarlierAsReplaced() throws Exception {
    run("edit", "correct", first, "range_km", "900", "--analyst", "ana", "--store", store);
    run("edit", "correct", first, "range_km", "950", "--analyst", "bo", "--store", store);

    JsonNode e = eventJson(first);
    assertThat(e.get("attributes").get("range_km").asText()).isEqualTo("950");
    assertThat(e.get("edits").get(0).get("status").asText()).isEqualTo("superseded");
    assertThat(e.get("edits").get(0).get("reason").asText()).startsWith("replaced by edit 2 (correct by bo at ");
    assertThat(e.get("edits").get(1).get("value").asText()).isEqualTo("950");
  }

  @Test
  void aWrongEditIsBadInputWithTheReason() {
    CliRunner.Result r = run("edit", "confirm", "e-nope", "--analyst", "ana", "--store", store);
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).isEqualTo("watchfloor: no event with id e-nope\n");
    assertThat(run("edit", "confirm", first, "--store", store).exit()).isEqualTo(Main.USAGE);
  }

  @Test
  void anAnalystWithoutAnAccountIsRefused() {
    CliRunner.Result r = run("edit", "confirm", first, "--analyst", "zed", "--store", store);
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).isEqualTo(
        "watchfloor: no analyst account 'zed': edits are made by analysts with an account (watchfloor user add NAME)\n");
  }

  @Test
  void aCorrectionTakesOnlyFieldsOfTheContractWithValuesOfTheirType() throws Exception {
    CliRunner.Result colour = run("edit", "correct", first, "colour", "red", "--analyst", "ana", "--store", store);
    assertThat(colour.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(colour.err()).startsWith("watchfloor: cannot correct 'colour': not a field of the event contract (fields: ");
    CliRunner.Result type = run("edit", "correct", first, "type", "bogus_type", "--analyst", "ana", "--store", store);
    assertThat(type.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(type.err()).startsWith("watchfloor: type: 'bogus_type' is not an event type of profile dprk (");
    CliRunner.Result apogee = run("edit", "correct", first, "apogee_km", "0", "--analyst", "ana", "--store", store);
    assertThat(apogee.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(apogee.err()).startsWith("watchfloor: apogee_km: '0' is not positive (apogee_km takes a positive number");

    JsonNode e = eventJson(first);
    assertThat(e.get("edits")).isEmpty();
    assertThat(e.get("attributes").has("colour")).isFalse();
  }
}
