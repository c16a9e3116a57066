package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertDelivery;
import org.watchfloor.model.AlertRule;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Event;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.resolve.Editor;
import org.watchfloor.store.Store;

/**
 * Alerts are decided in the transaction that changes the event, once per rule, event and reason,
 * through ingest and through an analyst's edits.
 */
class DeciderTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Store store;
  private Pipeline pipeline;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("s"));
    pipeline = new Pipeline(store, new Extractor(DPRK), new Pipeline.Listener() {}, Optional.empty());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void rule(String id, int minOrigins, List<String> on, List<String> emails) {
    RuleBuilder.Made made = new RuleBuilder(DPRK, AlertSettings.defaults(), Clock.systemUTC())
        .build(new RuleBuilder.Draft(id, List.of("missile_launch"), List.of("ICBM"), List.of(), List.of(), minOrigins, 0,
            false, false, null, on, null, emails, List.of()));
    store.inTransaction(() -> store.alerts().insertRule(made.rule(), Tokens.digest(made.feedToken())));
  }

  private void ingest(RawDocument... docs) {
    pipeline.ingestDocuments(List.of(docs));
  }

  private List<String> keys() {
    return store.inTransaction(() -> store.alerts().all()).stream().map(Alert::idempotencyKey).toList();
  }

  private String launchId() {
    return store.inTransaction(() -> store.events().list("missile_launch", 0)).stream()
        .filter(e -> e.date().iso().equals("2025-05-08")).findFirst().orElseThrow().id();
  }

  @Test
  void aRuleFiresOnceWhenAnEventFirstMatchesItAndAgainOnlyForWhatIsNew() throws Exception {
    rule("icbm", 1, List.of("new", "corroborated"), List.of("desk@example.org"));
    rule("icbm-two", 2, List.of("new"), List.of());
    ingest(Articles.SEOUL);
    String e = launchId();
    assertThat(keys()).containsExactly("icbm:" + e + ":new");

    ingest(Articles.TOKYO);
    assertThat(keys()).containsExactly("icbm:" + e + ":new", "icbm:" + e + ":corroborated", "icbm-two:" + e + ":new");

    ingest(Articles.SEOUL, Articles.TOKYO);
    assertThat(keys()).as("stored again: nothing changes, nothing fires").hasSize(3);

    Alert corroborated = store.inTransaction(() -> store.alerts().all()).get(1);
    JsonNode body = JSON.readTree(corroborated.payload());
    assertThat(body.get("rule").asText()).isEqualTo("icbm");
    assertThat(body.get("reason").asText()).isEqualTo("corroborated");
    assertThat(body.get("idempotency_key").asText()).isEqualTo("icbm:" + e + ":corroborated");
    assertThat(body.get("event").get("id").asText()).isEqualTo(e);
    assertThat(body.get("event").get("corroboration").get("independent_origins").asInt()).isEqualTo(2);
    assertThat(body.get("event").get("reports")).hasSize(2);
    assertThat(body.get("event").get("status").asText()).isEqualTo("open");
    assertThat(corroborated.origins()).isEqualTo(2);

    List<AlertDelivery> mail = store.inTransaction(() -> store.alerts().deliveriesOf(corroborated.seq()));
    assertThat(mail).singleElement().satisfies(d -> {
      assertThat(d.channel()).isEqualTo(AlertDelivery.Channel.EMAIL);
      assertThat(d.target()).isEqualTo("desk@example.org");
      assertThat(d.state()).isEqualTo(AlertDelivery.State.PENDING);
    });
  }

  @Test
  void aRuleAddedLaterFiresOnTheNextChangeOfAnEventNotOnWhatIsAlreadyStored() {
    ingest(Articles.SEOUL);
    rule("icbm", 1, List.of("new"), List.of());
    assertThat(keys()).isEmpty();
    ingest(Articles.TOKYO);
    assertThat(keys()).containsExactly("icbm:" + launchId() + ":new");
  }

  @Test
  void aRejectedEventFiresNothingAndAConfirmationFiresOnceForRulesThatAskForIt() {
    rule("confirmations", 5, List.of("confirmed"), List.of());
    rule("icbm", 1, List.of("new"), List.of());
    ingest(Articles.SEOUL);
    String e = launchId();
    org.watchfloor.store.Analysts.add(store, "ana", "ben"); // edits are made by analysts with an account
    Editor editor = new Editor(store, org.watchfloor.profile.WatchProfile.load("dprk"), Clock.systemUTC(), new Decider(store));
    editor.confirm(e, "ana", null);
    editor.confirm(e, "ben", "seen it too");
    assertThat(keys()).containsExactly("icbm:" + e + ":new", "confirmations:" + e + ":confirmed");

    ingest(Articles.LATER);
    int before = keys().size();
    String later = store.inTransaction(() -> store.events().list("missile_launch", 0)).stream()
        .map(Event::id).filter(id -> !id.equals(e)).findFirst().orElseThrow();
    assertThat(keys()).contains("icbm:" + later + ":new");
    editor.reject(e, "ana", "a duplicate");
    rule("late-rule", 1, List.of("new"), List.of());
    ingest(Articles.TOKYO);
    assertThat(keys()).as("the rejected event fires no rule").hasSize(before);
  }

  @Test
  void aMergeOfTwoEventsThatBothFiredDoesNotFireAgainAndASplitFiresForTheNewPartOnly() {
    rule("icbm", 1, List.of("new"), List.of());
    ingest(Articles.SEOUL, Articles.TOKYO, Articles.LATER);
    List<String> launches = store.inTransaction(() -> store.events().list("missile_launch", 0)).stream().map(Event::id).toList();
    assertThat(launches).hasSize(2);
    assertThat(keys()).hasSize(2);
    String survivor = launchId();
    String other = launches.stream().filter(id -> !id.equals(survivor)).findFirst().orElseThrow();
    org.watchfloor.store.Analysts.add(store, "ana", "ben"); // edits are made by analysts with an account
    Editor editor = new Editor(store, org.watchfloor.profile.WatchProfile.load("dprk"), Clock.systemUTC(), new Decider(store));
    editor.merge(other, survivor, "ana", null);
    assertThat(keys()).as("both had fired: the merged event does not fire a third time").hasSize(2);

    String tokyoArticle = store.inTransaction(() -> store.events().reportsOf(other)).stream()
        .filter(r -> r.origin().equals("japan-mod")).findFirst().orElseThrow().articleId();
    editor.split(other, List.of(tokyoArticle), "ana", null);
    List<String> after = keys();
    assertThat(after).hasSize(3);
    assertThat(after.get(2)).startsWith("icbm:").endsWith(":new").doesNotContain(other).doesNotContain(survivor);
  }

  @Test
  void withNoRuleNothingIsDecided() {
    ingest(Articles.SEOUL);
    assertThat(store.count("alerts")).isZero();
    assertThat(store.inTransaction(() -> new Decider(store).decide(List.of(launchId()), null))).isEmpty();
  }

  @Test
  void aConflictFiresOncePerFieldTheOriginsDidNotDisagreeOnWhenTheRuleFirstFired() {
    AlertRule r = new AlertRule("c", List.of(), List.of(), List.of(), List.of(), Set.of(), 1, 0, false, false, null,
        Set.of(AlertRule.Trigger.NEW, AlertRule.Trigger.CONFLICT), null, null, List.of(), List.of(), Instant.EPOCH);
    Event ranges = event(2, List.of(conflict("range_km")));
    assertThat(Decider.reasons(r, ranges, List.of(), false)).as("the first alert carries the conflict").containsExactly("new");
    Alert first = alert("new", 2, List.of("range_km"));
    assertThat(Decider.reasons(r, ranges, List.of(first), false)).isEmpty();
    Event both = event(3, List.of(conflict("range_km"), conflict("apogee_km")));
    assertThat(Decider.reasons(r, both, List.of(first), false)).containsExactly("conflict:apogee_km");
    assertThat(Decider.reasons(r, both, List.of(first, alert("conflict:apogee_km", 3, List.of())), false)).isEmpty();
  }

  @Test
  void corroborationFiresOnlyAfterAFirstAlertWithOneOrigin() {
    AlertRule r = new AlertRule("c", List.of(), List.of(), List.of(), List.of(), Set.of(), 1, 0, false, false, null,
        Set.of(AlertRule.Trigger.NEW, AlertRule.Trigger.CORROBORATED), null, null, List.of(), List.of(), Instant.EPOCH);
    assertThat(Decider.reasons(r, event(2, List.of()), List.of(), false)).containsExactly("new");
    assertThat(Decider.reasons(r, event(2, List.of()), List.of(alert("new", 2, List.of())), false)).isEmpty();
    assertThat(Decider.reasons(r, event(3, List.of()), List.of(alert("new", 1, List.of())), false))
        .containsExactly("corroborated");
  }

  private static Conflict conflict(String field) {
    return new Conflict(field, List.of(new Conflict.Value("1", List.of("a-r0")), new Conflict.Value("2", List.of("b-r0"))));
  }

  private static Event event(int origins, List<Conflict> conflicts) {
    return new Event("e1", "missile_launch", EventDate.UNKNOWN, false, List.of(), List.of(), List.of(), Map.of(), "s",
        0.5, origins, origins, conflicts);
  }

  private static Alert alert(String reason, int origins, List<String> conflicts) {
    return new Alert(1, "c", "e1", reason, "c:e1:" + reason, "{}", origins, conflicts, Instant.EPOCH);
  }
}
