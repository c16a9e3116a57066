package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.AlertDelivery;
import org.watchfloor.model.AlertDigest;
import org.watchfloor.model.Event;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.resolve.Editor;
import org.watchfloor.store.AlertConnection;
import org.watchfloor.store.AlertRows;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import org.watchfloor.store.TestPostgres;

/**
 * The daily digest by e-mail, received by GreenMail: the alerts of a day for an address in one
 * message after the digest hour of the next day (in a zone that is not UTC), nothing on a day with
 * nothing, never sent twice across a restart, the same message when a crash came between sending
 * and marking, and only what the rule's thresholds let through.
 */
class DigestTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");
  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  /** A second launch, weeks before the one of {@link Articles}, told by one outlet only. */
  private static final RawDocument MARCH = Articles.doc("harbourwire.example/2025/03/14/srbm", "Harbour Wire",
      "2025-03-14T10:05:00+09:00", "North Korea fires short-range missiles", """
      SEOUL, March 14 (Harbour Wire) -- North Korea fired two short-range ballistic missiles into the sea off its \
      east coast on Friday, South Korea's Joint Chiefs of Staff said, the third such launch this year.

      The missiles flew about 300 km, the JCS said, adding that it was analysing the flight data with the United States.
      """);

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path tmp;
  private Store store;
  private String corroborated;
  private String single;

  /** A time on a day in Seoul. */
  private static Instant at(String day, int hour, int minute) {
    return ZonedDateTime.of(LocalDate.parse(day), java.time.LocalTime.of(hour, minute), SEOUL).toInstant();
  }

  @BeforeEach
  void setUp() {
    store = Store.open(tmp.resolve("s"));
    fill();
  }

  /** The events, an analyst, the settings and two rules with digest addresses. */
  private void fill() {
    // the events first, with no rule yet, so that the test says when each alert is decided
    new Pipeline(store, new Extractor(DPRK), new Pipeline.Listener() {}, Optional.empty())
        .ingestDocuments(List.of(Articles.SEOUL, Articles.TOKYO, MARCH));
    org.watchfloor.store.Analysts.add(store, "ana"); // edits are made by analysts with an account
    List<Event> launches = store.inTransaction(() -> store.events().list("missile_launch", 0));
    corroborated = launches.stream().filter(e -> e.independentOrigins() >= 2).findFirst().orElseThrow().id();
    single = launches.stream().filter(e -> e.independentOrigins() == 1).findFirst().orElseThrow().id();
    store.inTransaction(() -> {
      store.alerts().setSetting("smtp.host", "127.0.0.1");
      store.alerts().setSetting("smtp.port", String.valueOf(SMTP.getSmtp().getPort()));
      store.alerts().setSetting("smtp.security", "none");
      store.alerts().setSetting("smtp.from", "alerts@watch.example.org");
      store.alerts().setSetting("alerts.base-url", "https://watch.example.org/");
      store.alerts().setSetting("alerts.digest.hour", "7");
      store.alerts().setSetting("alerts.digest.zone", "Asia/Seoul");
      RuleBuilder builder = new RuleBuilder(DPRK, AlertSettings.of(store.alerts().settings()), new MovableClock(Instant.EPOCH));
      for (RuleBuilder.Draft d : List.of(
          new RuleBuilder.Draft("launches", List.of("missile_launch"), List.of(), List.of(), List.of(), 1, 0, false, false,
              null, List.of("new", "confirmed"), null, List.of(), List.of("ana@example.org")),
          new RuleBuilder.Draft("corroborated", List.of("missile_launch"), List.of(), List.of(), List.of(), 2, 0, false,
              false, null, List.of(), null, List.of(), List.of("chief@example.org")))) {
        RuleBuilder.Made made = builder.build(d);
        store.alerts().insertRule(made.rule(), Tokens.digest(made.feedToken()));
      }
      return null;
    });
  }

  @AfterEach
  void tearDown() {
    if (store != null) {
      store.close();
    }
  }

  /** Decides the alerts of every stored event at {@code when}, as an ingest would then. */
  private void decideAt(Instant when) {
    store.inTransaction(() -> new Decider(store, new MovableClock(when))
        .decide(store.events().list(null, 0).stream().map(Event::id).toList(), null));
  }

  private Deliverer deliverer(MovableClock clock) {
    return new Deliverer(AlertConnection.beside(store), clock, Map.of(), new Mailer());
  }

  private List<MimeMessage> to(String address) throws Exception {
    List<MimeMessage> out = new java.util.ArrayList<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        out.add(m);
      }
    }
    return out;
  }

  private static String part(MimeMessage m, int i) throws Exception {
    return (String) ((Multipart) m.getContent()).getBodyPart(i).getContent();
  }

  @Test
  void theAlertsOfADayArriveInOneMessageAfterTheDigestHourOfTheNextDayAndNeverTwice() throws Exception {
    decideAt(at("2025-06-02", 9, 30));
    decideAt(at("2025-06-02", 23, 59)); // nothing new: the same alerts
    MovableClock clock = new MovableClock(at("2025-06-03", 6, 59));
    try (Deliverer d = deliverer(clock)) {
      assertThat(d.deliverDue()).as("before the hour").isEqualTo(new Deliverer.Sweep(0, 0, 0));
      assertThat(SMTP.getReceivedMessages()).isEmpty();
      clock.set(at("2025-06-03", 7, 0));
      assertThat(d.deliverDue()).as("one digest per address").isEqualTo(new Deliverer.Sweep(2, 0, 0));
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(0, 0, 0));
    }
    List<MimeMessage> ana = to("ana@example.org");
    assertThat(ana).hasSize(1);
    MimeMessage m = ana.get(0);
    assertThat(m.getSubject()).isEqualTo("[Watchfloor] Digest of 2025-06-02: 2 events (2 new, 0 updated)");
    assertThat(m.getMessageID()).isEqualTo(DigestText.messageId("ana@example.org", LocalDate.parse("2025-06-02")))
        .matches("<digest-[0-9a-f]{32}@watchfloor>");
    assertThat(m.getHeader("X-Watchfloor-Digest")[0]).isEqualTo("ana@example.org 2025-06-02");
    assertThat(m.getContentType()).startsWith("multipart/alternative");
    String plain = part(m, 0);
    assertThat(plain).contains("decided up to the end of 2025-06-02 (Asia/Seoul)",
        "1. missile launch, 2025-05-08 (type missile_launch; 2 independent origins)",
        "   - launches: new, 09:30",
        "   https://watch.example.org/events/" + corroborated,
        "2. missile launch, 2025-03-14 (type missile_launch; 1 independent origin)",
        "   https://watch.example.org/events/" + single);
    String html = part(m, 1);
    assertThat(html).contains("<a href=\"https://watch.example.org/events/" + corroborated + "\">missile launch, 2025-05-08</a>",
        "<li>launches: new, 09:30</li>");

    // a restart: the digests of that day are not sent again; nor on a day with nothing
    MovableClock later = new MovableClock(at("2025-06-03", 12, 0));
    try (Deliverer d = deliverer(later)) {
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(0, 0, 0));
      later.set(at("2025-06-04", 8, 0));
      assertThat(d.deliverDue()).as("2025-06-03 had nothing").isEqualTo(new Deliverer.Sweep(0, 0, 0));
    }
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    try (AlertConnection c = AlertConnection.beside(store)) {
      assertThat(c.inTransaction(() -> c.alerts().digests())).extracting(AlertDigest::day)
          .containsOnly(LocalDate.parse("2025-06-02"));
    }
  }

  @Test
  void onPostgresqlTooTheAlertsOfADayArriveInOneMessageAndNeverTwice() throws Exception {
    String url = TestPostgres.createDatabase();
    store.close();
    try {
      store = Store.open(StoreLocation.parse(url, System.getenv()));
      fill();
      theAlertsOfADayArriveInOneMessageAfterTheDigestHourOfTheNextDayAndNeverTwice();
    } finally {
      store.close();
      store = null;
      TestPostgres.drop(url);
    }
  }

  @Test
  void theRulesThresholdsHoldInTheDigest() throws Exception {
    decideAt(at("2025-06-02", 9, 30));
    try (Deliverer d = deliverer(new MovableClock(at("2025-06-03", 7, 1)))) {
      d.deliverDue();
    }
    List<MimeMessage> chief = to("chief@example.org");
    assertThat(chief).hasSize(1);
    assertThat(chief.get(0).getSubject()).isEqualTo("[Watchfloor] Digest of 2025-06-02: 1 event (1 new, 0 updated)");
    assertThat(part(chief.get(0), 0)).contains("/events/" + corroborated, "corroborated: new, 09:30")
        .doesNotContain("/events/" + single, "2025-03-14");
  }

  @Test
  void anUpdateGoesIntoTheDigestOfTheDayItWasDecidedWithItsReason() throws Exception {
    decideAt(at("2025-06-02", 9, 30));
    MovableClock clock = new MovableClock(at("2025-06-03", 7, 5));
    try (Deliverer d = deliverer(clock)) {
      d.deliverDue();
      // an analyst confirms the single-origin launch on the 3rd, Seoul time
      new Editor(store, DPRK, new MovableClock(at("2025-06-03", 15, 45)),
          new Decider(store, new MovableClock(at("2025-06-03", 15, 45)))).confirm(single, "ana", "checked");
      clock.set(at("2025-06-04", 6, 0));
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(0, 0, 0));
      clock.set(at("2025-06-04", 7, 0));
      assertThat(d.deliverDue()).isEqualTo(new Deliverer.Sweep(1, 0, 0));
    }
    List<MimeMessage> ana = to("ana@example.org");
    assertThat(ana).hasSize(2);
    MimeMessage update = ana.get(1);
    assertThat(update.getSubject()).isEqualTo("[Watchfloor] Digest of 2025-06-03: 1 event (0 new, 1 updated)");
    assertThat(part(update, 0)).contains("2025-03-14", "launches: confirmed by an analyst, 15:45",
        "/events/" + single).doesNotContain("/events/" + corroborated);
    assertThat(update.getMessageID()).isNotEqualTo(ana.get(0).getMessageID());
  }

  @Test
  void aCrashBetweenSendingAndMarkingSendsTheSameDigestAgain() throws Exception {
    decideAt(at("2025-06-02", 9, 30));
    Mailer mailer = new Mailer();
    DigestTransport crashing = (due, settings) -> {
      mailer.send(due, settings);
      throw new IllegalStateException("killed after sending, before marking");
    };
    MovableClock clock = new MovableClock(at("2025-06-03", 8, 0));
    try (Deliverer d = new Deliverer(AlertConnection.beside(store), clock, Map.of(), crashing)) {
      try {
        d.deliverDue();
      } catch (IllegalStateException expected) {
        // the process died here
      }
    }
    // the restart sends the digest that was not marked, and the one not reached
    try (Deliverer d = deliverer(clock)) {
      assertThat(d.deliverDue().delivered()).isEqualTo(2);
    }
    List<MimeMessage> ana = to("ana@example.org");
    assertThat(ana).hasSize(2);
    assertThat(ana.get(1).getMessageID()).isEqualTo(ana.get(0).getMessageID());
    assertThat(ana.get(1).getSubject()).isEqualTo(ana.get(0).getSubject());
    assertThat(part(ana.get(1), 0)).isEqualTo(part(ana.get(0), 0));
    try (AlertConnection c = AlertConnection.beside(store)) {
      assertThat(c.inTransaction(() -> c.alerts().digests())).extracting(AlertDigest::state)
          .containsOnly(AlertDelivery.State.DELIVERED);
    }
  }

  @Test
  void anAlertCommittedAfterItsDaysDigestWasClaimedGoesIntoTheNextOne() {
    decideAt(at("2025-06-02", 9, 30));
    try (AlertConnection c = AlertConnection.beside(store)) {
      assertThat(c.inTransaction(() -> c.alerts().claimDigests(LocalDate.parse("2025-06-02"), at("2025-06-03", 0, 0),
          at("2025-06-03", 7, 0)))).isEqualTo(2);
      // the confirmation was decided at 23:59 on the 2nd but committed after the claim
      new Editor(store, DPRK, new MovableClock(at("2025-06-02", 23, 59)),
          new Decider(store, new MovableClock(at("2025-06-02", 23, 59)))).confirm(single, "ana", null);
      assertThat(c.inTransaction(() -> c.alerts().claimDigests(LocalDate.parse("2025-06-02"), at("2025-06-03", 0, 0),
          at("2025-06-03", 7, 1)))).as("that day's digest is claimed already").isZero();
      assertThat(c.inTransaction(() -> c.alerts().digestTallies())).extracting(AlertRows.DigestTally::waiting)
          .containsExactly(1, 0);
      assertThat(c.inTransaction(() -> c.alerts().claimDigests(LocalDate.parse("2025-06-03"), at("2025-06-04", 0, 0),
          at("2025-06-04", 7, 0)))).isEqualTo(1);
      List<AlertRows.DigestDue> due = c.inTransaction(() -> c.alerts().dueDigests(at("2025-06-04", 7, 0), 10));
      AlertRows.DigestDue next = due.stream().filter(x -> x.digest().day().toString().equals("2025-06-03")).findFirst()
          .orElseThrow();
      assertThat(next.alerts()).extracting(a -> a.reason()).containsExactly("confirmed");
    }
  }

  @Test
  void theDayClosesAtTheDigestHourInItsZone() {
    ZoneId utc = ZoneId.of("UTC");
    assertThat(DigestDay.lastClosed(Instant.parse("2025-06-03T06:59:59Z"), 7, utc).day()).hasToString("2025-06-01");
    assertThat(DigestDay.lastClosed(Instant.parse("2025-06-03T07:00:00Z"), 7, utc))
        .isEqualTo(new DigestDay(LocalDate.parse("2025-06-02"), Instant.parse("2025-06-03T00:00:00Z")));
    // 07:00 in Seoul on the 3rd is 22:00 UTC on the 2nd
    assertThat(DigestDay.lastClosed(Instant.parse("2025-06-02T22:00:00Z"), 7, SEOUL))
        .isEqualTo(new DigestDay(LocalDate.parse("2025-06-02"), Instant.parse("2025-06-02T15:00:00Z")));
    // a day of a clock change is a day: 2025-03-30 in Berlin has 23 hours
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    assertThat(DigestDay.lastClosed(Instant.parse("2025-03-31T05:00:00Z"), 7, berlin))
        .isEqualTo(new DigestDay(LocalDate.parse("2025-03-30"), Instant.parse("2025-03-30T22:00:00Z")));
  }
}
