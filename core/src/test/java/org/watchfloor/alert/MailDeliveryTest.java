package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.model.AlertDelivery;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.AlertConnection;
import org.watchfloor.store.Store;

/** Alerts by e-mail, received by an SMTP server in the test (GreenMail): a plain-text and an HTML part. */
class MailDeliveryTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path tmp;
  private Store store;
  private String event;

  @BeforeEach
  void setUp() {
    store = Store.open(tmp.resolve("s"));
    store.inTransaction(() -> {
      store.alerts().setSetting("smtp.host", "127.0.0.1");
      store.alerts().setSetting("smtp.port", String.valueOf(SMTP.getSmtp().getPort()));
      store.alerts().setSetting("smtp.security", "none");
      store.alerts().setSetting("smtp.from", "alerts@watch.example.org");
      store.alerts().setSetting("alerts.base-url", "https://watch.example.org");
      RuleBuilder.Made made = new RuleBuilder(DPRK, AlertSettings.of(store.alerts().settings()), Clock.systemUTC())
          .build(new RuleBuilder.Draft("mail", List.of("missile_launch"), List.of(), List.of(), List.of(), 1, 0, false,
              false, null, List.of(), null, List.of("desk@example.org"), List.of()));
      return store.alerts().insertRule(made.rule(), Tokens.digest(made.feedToken()));
    });
    new Pipeline(store, new Extractor(DPRK), new Pipeline.Listener() {}, Optional.empty())
        .ingestDocuments(List.of(Articles.SEOUL));
    event = store.inTransaction(() -> store.events().list("missile_launch", 0)).get(0).id();
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private Deliverer deliverer() {
    return new Deliverer(AlertConnection.beside(store), Clock.systemUTC(), Map.of(AlertDelivery.Channel.EMAIL, new Mailer()));
  }

  @Test
  void anAlertArrivesWithAPlainTextAndAnHtmlPartTheEventLinkItsReportsAndEvidence() throws Exception {
    try (Deliverer d = deliverer()) {
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(1, 0, 0));
    }
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("[Watchfloor] mail: missile launch 2025-05-08 (new)");
    assertThat(m.getFrom()[0]).hasToString("alerts@watch.example.org");
    assertThat(m.getAllRecipients()[0]).hasToString("desk@example.org");
    assertThat(m.getHeader("X-Watchfloor-Idempotency-Key")[0]).isEqualTo("mail:" + event + ":new");
    assertThat(m.getMessageID()).matches("<[0-9a-f]{32}@watchfloor>");
    assertThat(m.getContentType()).startsWith("multipart/alternative");
    Multipart parts = (Multipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart plain = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(plain.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(html.getContentType()).startsWith("text/html");
    String text = (String) plain.getContent();
    assertThat(text).contains(
        "Alert rule mail fired (new) on event " + event + ".",
        "The event on the workbench: https://watch.example.org/events/" + event,
        "Weapons: ", "Hwasong-18",
        "1. Harbour Wire, 2025-05-08",
        "https://harbourwire.example/2025/05/08/launch",
        "\"SEOUL, May 8 (Harbour Wire) -- North Korea launched a Hwasong-18 intercontinental ballistic missile",
        "Idempotency key: mail:" + event + ":new");
    String page = (String) html.getContent();
    assertThat(page).contains("<a href=\"https://watch.example.org/events/" + event + "\">",
        "<a href=\"https://harbourwire.example/2025/05/08/launch\">Harbour Wire, 2025-05-08",
        "<blockquote>SEOUL, May 8 (Harbour Wire) -- North Korea launched a Hwasong-18",
        "South Korea&#39;s Joint Chiefs of Staff said.</blockquote>");
  }

  @Test
  void withNoServerSetTheDeliveryWaitsForOneUntilItIsGivenUp() {
    store.inTransaction(() -> store.alerts().unsetSetting("smtp.host"));
    try (Deliverer d = deliverer()) {
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(0, 1, 0));
    }
    try (AlertConnection c = AlertConnection.beside(store)) {
      AlertDelivery pending = c.inTransaction(() -> c.alerts().deliveriesOf(c.alerts().all().get(0).seq())).get(0);
      assertThat(pending.lastError()).isEqualTo("no SMTP server: set one with watchfloor alert config smtp.host HOST");
    }
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void htmlEscapesWhatTheRecordHolds() {
    assertThat(MailText.esc("<b onclick=\"x\">Kim's & co</b>"))
        .isEqualTo("&lt;b onclick=&quot;x&quot;&gt;Kim&#39;s &amp; co&lt;/b&gt;");
  }
}
