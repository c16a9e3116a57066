package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.model.AlertDelivery;
import org.watchfloor.model.AlertRule;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.AlertConnection;
import org.watchfloor.store.AlertRows;
import org.watchfloor.store.Store;

/** Alerts by webhook to a real HTTP server on loopback: signed, keyed, retried, given up, sent again after a crash. */
class WebhookDeliveryTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Store store;
  private Receiver receiver;
  private final MovableClock clock = new MovableClock(Instant.now());
  private AlertRule rule;

  @BeforeEach
  void setUp() throws Exception {
    store = Store.open(tmp.resolve("s"));
    receiver = new Receiver();
    store.inTransaction(() -> {
      store.alerts().setSetting("alerts.allow-private-targets", "true");
      RuleBuilder.Made made = new RuleBuilder(DPRK, AlertSettings.of(store.alerts().settings()), clock)
          .build(new RuleBuilder.Draft("hook", List.of("missile_launch"), List.of("ICBM"), List.of(), List.of(), 1, 0,
              false, false, null, List.of(), receiver.url(), List.of(), List.of()));
      return store.alerts().insertRule(made.rule(), Tokens.digest(made.feedToken()));
    });
    rule = store.inTransaction(() -> store.alerts().rule("hook")).orElseThrow();
    new Pipeline(store, new Extractor(DPRK), new Pipeline.Listener() {}, Optional.empty())
        .ingestDocuments(List.of(Articles.SEOUL));
    // after the alert was decided (by the system clock), so that it is due
    clock.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(2));
  }

  @AfterEach
  void tearDown() {
    receiver.close();
    store.close();
  }

  private Deliverer deliverer() {
    return new Deliverer(AlertConnection.beside(store), clock, Map.of(AlertDelivery.Channel.WEBHOOK,
        new Webhook(Webhook.client())));
  }

  private AlertDelivery delivery() {
    try (AlertConnection c = AlertConnection.beside(store)) {
      return c.inTransaction(() -> c.alerts().deliveriesOf(c.alerts().all().get(0).seq())).get(0);
    }
  }

  @Test
  void anAlertIsPostedSignedWithTheRuleSecretAndKeyedForTheReceiverToDedupe() throws Exception {
    try (Deliverer d = deliverer()) {
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(1, 0, 0));
      assertThat(d.deliverDue().attempted()).as("delivered: not sent again").isZero();
    }
    Receiver.Call call = receiver.calls.get(0);
    assertThat(call.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(call.header(Webhook.SIGNATURE))
        .isEqualTo("sha256=" + Webhook.signature(rule.webhookSecret(), call.body().getBytes(StandardCharsets.UTF_8)));
    JsonNode body = JSON.readTree(call.body());
    String key = "hook:" + body.get("event").get("id").asText() + ":new";
    assertThat(call.header(Webhook.IDEMPOTENCY_KEY)).isEqualTo(key);
    assertThat(call.header("X-Watchfloor-Rule")).isEqualTo("hook");
    assertThat(call.header("X-Watchfloor-Reason")).isEqualTo("new");
    assertThat(body.get("rule").asText()).isEqualTo("hook");
    assertThat(body.get("reason").asText()).isEqualTo("new");
    assertThat(body.get("event").get("type").asText()).isEqualTo("missile_launch");
    assertThat(body.get("event").get("weapons").toString()).contains("Hwasong-18");
    assertThat(body.get("event").get("reports").get(0).get("evidence").asText()).contains("Hwasong-18");
    AlertDelivery done = delivery();
    assertThat(done.state()).isEqualTo(AlertDelivery.State.DELIVERED);
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.deliveredAt()).isEqualTo(clock.instant());
  }

  @Test
  void aServerErrorIsRetriedWithExponentialBackoffUntilItGoesThrough() {
    receiver.answer(503, 500);
    try (Deliverer d = deliverer()) {
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(0, 1, 0));
      assertThat(delivery().lastError()).isEqualTo("HTTP 503");
      assertThat(delivery().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(5));
      assertThat(d.deliverDue().attempted()).as("not due yet").isZero();
      clock.advance(Duration.ofSeconds(5));
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(0, 1, 0));
      assertThat(delivery().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));
      clock.advance(Duration.ofSeconds(10));
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(1, 0, 0));
    }
    assertThat(receiver.calls).hasSize(3);
    assertThat(receiver.calls.stream().map(c -> c.header(Webhook.IDEMPOTENCY_KEY)).distinct()).hasSize(1);
    assertThat(receiver.calls.stream().map(c -> c.header("X-Watchfloor-Attempt")).toList()).containsExactly("1", "2", "3");
    assertThat(delivery().state()).isEqualTo(AlertDelivery.State.DELIVERED);
    assertThat(delivery().attempts()).isEqualTo(3);
  }

  @Test
  void aDeliveryStillFailingAfterTheBoundedTimeIsGivenUpAndTheFailureShows() {
    receiver.always(502);
    try (Deliverer d = deliverer()) {
      int sweeps = 0;
      while (delivery().state() == AlertDelivery.State.PENDING && sweeps++ < 100) {
        d.deliverDue();
        clock.advance(Duration.ofMinutes(1));
      }
    }
    AlertDelivery failed = delivery();
    assertThat(failed.state()).isEqualTo(AlertDelivery.State.FAILED);
    assertThat(failed.lastError()).matches("HTTP 502; given up after \\d+ attempts over \\d+ min");
    assertThat(receiver.calls.size()).isBetween(10, 60);
    try (AlertConnection c = AlertConnection.beside(store)) {
      AlertRows.Tally t = c.inTransaction(() -> c.alerts().tallies()).get(0);
      assertThat(t.failed()).isEqualTo(1);
      assertThat(t.lastError()).startsWith("HTTP 502; given up after").contains("(hook:").endsWith(" attempts)");
    }
  }

  @Test
  void aClientErrorIsGivenUpAtOnce() {
    receiver.answer(410);
    try (Deliverer d = deliverer()) {
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(0, 0, 1));
    }
    assertThat(delivery().lastError()).isEqualTo("HTTP 410");
  }

  @Test
  void aTimeoutIsRetried() {
    store.inTransaction(() -> {
      store.alerts().setSetting("alerts.timeout-seconds", "1");
      return null;
    });
    receiver.delay(3000);
    try (Deliverer d = deliverer()) {
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(0, 1, 0));
    }
    assertThat(delivery().lastError()).isEqualTo("timed out after 1 s");
  }

  @Test
  void aCrashBetweenSendingAndMarkingSendsAgainOnRestartWithTheSameKeyAndBody() {
    Transport crashing = (due, settings) -> {
      new Webhook(Webhook.client()).send(due, settings);
      throw new IllegalStateException("killed after sending");
    };
    try (Deliverer d = new Deliverer(AlertConnection.beside(store), clock, Map.of(AlertDelivery.Channel.WEBHOOK, crashing))) {
      assertThatThrownBy(d::deliverDue).hasMessage("killed after sending");
    }
    assertThat(delivery().state()).isEqualTo(AlertDelivery.State.PENDING);
    try (Deliverer restarted = deliverer()) {
      assertThat(restarted.deliverDue()).isEqualTo(new Deliverer.Sweep(1, 0, 0));
    }
    assertThat(receiver.calls).hasSize(2);
    assertThat(receiver.calls.get(1).header(Webhook.IDEMPOTENCY_KEY)).isEqualTo(receiver.calls.get(0).header(Webhook.IDEMPOTENCY_KEY));
    assertThat(receiver.calls.get(1).body()).isEqualTo(receiver.calls.get(0).body());
    assertThat(receiver.calls.get(1).header(Webhook.SIGNATURE)).isEqualTo(receiver.calls.get(0).header(Webhook.SIGNATURE));
  }

  @Test
  void aTargetTheAddressChecksNowRefuseIsGivenUp() {
    store.inTransaction(() -> store.alerts().unsetSetting("alerts.allow-private-targets"));
    try (Deliverer d = deliverer()) {
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(0, 0, 1));
    }
    assertThat(delivery().lastError()).startsWith("refused: 127.0.0.1 resolves to a loopback address");
    assertThat(receiver.calls).isEmpty();
  }

  @Test
  void backoffDoublesUpToTheCap() {
    AlertSettings s = AlertSettings.of(Map.of("alerts.retry.first-seconds", "2", "alerts.retry.max-seconds", "20"));
    assertThat(List.of(1, 2, 3, 4, 5, 30).stream().map(n -> Deliverer.backoff(n, s).toSeconds()).toList())
        .containsExactly(2L, 4L, 8L, 16L, 20L, 20L);
  }
}
