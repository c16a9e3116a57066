package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.watchfloor.resolve.Reports.article;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.WatchfloorException;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Analysts;
import org.watchfloor.store.Store;

/** Edits recorded through the editor, applied at once, and respected by later resolution. */
class EditorTest {

  @TempDir Path tmp;
  private Store store;
  private Editor editor;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("s"));
    Analysts.add(store, "ana", "bo");
    editor = new Editor(store, WatchProfile.load("dprk"), Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Report launch(String articleId, String weapon) {
    return new Report(articleId + "-r0", articleId, "missile_launch", EventDate.day(LocalDate.of(2024, 5, 17)), false,
        false, List.of("kim-jong-un"), List.of(weapon), List.of(), Map.of(), "A " + weapon + " was fired.", 0, 10,
        null, Certainty.ASSERTED, "outlet:" + articleId, List.of());
  }

  /** Ingests one article's report the way the pipeline does, edits in force; returns its event. */
  private String ingest(String articleId, String weapon) {
    Article a = article(articleId, "t", null, null);
    return store.inTransaction(() -> {
      store.articles().insert(a, new RawDocument(a.id(), null, RawDocument.Format.TEXT, new byte[0], Map.of()), List.of());
      new Resolver(store.events(), store.edits()).attach(a, List.of(launch(articleId, weapon)), id -> new Origin(id, id));
      return store.events().eventOfReport(articleId + "-r0").orElseThrow();
    });
  }

  private Event event(String id) {
    return store.inTransaction(() -> store.events().get(id)).orElseThrow();
  }

  private boolean exists(String id) {
    return store.inTransaction(() -> store.events().get(id)).isPresent();
  }

  @Test
  void aMergeMovesTheOtherEventsReports_andLaterReportsOfEitherKindJoinTheSurvivor() {
    String kn23 = ingest("a1", "KN-23");
    String kn24 = ingest("a2", "KN-24");
    assertThat(kn23).isNotEqualTo(kn24); // the weapons disagree: two launches

    Edit merge = editor.merge(kn23, kn24, "ana", "one salvo of two types");

    assertThat(merge.pins()).extracting(Edit.Pin::articleId).containsExactly("a1", "a2");
    assertThat(exists(kn24)).isFalse();
    assertThat(event(kn23).reports()).isEqualTo(2);
    assertThat(event(kn23).weapons()).containsExactlyInAnyOrder("KN-23", "KN-24");
    assertThat(ingest("a3", "KN-24")).isEqualTo(kn23);
  }

  @Test
  void aReportLikeTheMergedAwayEventButNotLikeTheSurvivorStillJoinsTheSurvivor() {
    String kn23 = ingest("a1", "KN-23");
    String kn24 = ingest("a2", "KN-24");
    editor.correct(kn23, "weapons", "KN-23", "ana", null); // the survivor will not name KN-24 itself
    editor.merge(kn23, kn24, "ana", null);
    assertThat(event(kn23).weapons()).containsExactly("KN-23");

    assertThat(ingest("a3", "KN-24")).isEqualTo(kn23);
    assertThat(event(kn23).reports()).isEqualTo(3);
  }

  @Test
  void aSplitKeepsTheGivenArticlesApart_andAReportOfThoseArticlesIngestedAgainGoesBackThere() {
    String id = ingest("a1", "KN-23");
    ingest("a2", "KN-23");
    ingest("a3", "KN-23");

    Edit split = editor.split(id, List.of("a2"), "ana", null);

    String splitId = split.pins().stream().filter(p -> p.articleId().equals("a2")).findFirst().orElseThrow().event();
    assertThat(splitId).isNotEqualTo(id);
    assertThat(event(splitId).reports()).isEqualTo(1);
    assertThat(event(id).reports()).isEqualTo(2);
    // the same split again gives the same id
    assertThat(splitId).isEqualTo("e" + org.watchfloor.parse.Hashing.sha256("split|" + id + "|a2").substring(0, 15));
  }

  @Test
  void aSplitOfWhatWasMergedWins_andTheStoreShowsTheMergeSuperseded() {
    String kn23 = ingest("a1", "KN-23");
    String kn24 = ingest("a2", "KN-24");
    editor.merge(kn23, kn24, "ana", null);
    editor.split(kn23, List.of("a2"), "bo", "they were two launches after all");

    List<Edit> log = store.inTransaction(() -> store.edits().all());
    assertThat(log).extracting(Edit::status).containsExactly(Edit.Status.SUPERSEDED, Edit.Status.APPLIED);
    assertThat(log.get(0).reason()).startsWith("contradicted by edit 2 (split by bo at 2026-01-05T10:00:00Z)");
    assertThat(event(kn23).reports()).isEqualTo(1);
  }

  @Test
  void aCorrectionOverridesTheResolvedValue_andHoldsWhenReportsAreAdded() {
    String id = ingest("a1", "KN-23");
    editor.correct(id, "weapons", "KN-25, KN-23", "ana", null);
    assertThat(event(id).weapons()).containsExactly("KN-25", "KN-23");

    ingest("a2", "KN-23");

    assertThat(event(id).reports()).isEqualTo(2);
    assertThat(event(id).weapons()).containsExactly("KN-25", "KN-23");
  }

  @Test
  void aVerdictOnAMergedAwayEventIsMarkedNotApplied() {
    String kn23 = ingest("a1", "KN-23");
    String kn24 = ingest("a2", "KN-24");
    editor.reject(kn24, "ana", null);
    editor.merge(kn23, kn24, "bo", null);

    Edit reject = store.inTransaction(() -> store.edits().all()).get(0);
    assertThat(reject.status()).isEqualTo(Edit.Status.NOT_APPLIED);
    assertThat(reject.reason()).isEqualTo("event " + kn24 + " was merged into " + kn23);
  }

  @Test
  void wrongEditsAreRefusedAndNothingIsRecorded() {
    String id = ingest("a1", "KN-23");
    ingest("a2", "KN-23");
    assertThatThrownBy(() -> editor.confirm("e-missing", "ana", null))
        .isInstanceOf(WatchfloorException.BadInput.class).hasMessage("no event with id e-missing");
    assertThatThrownBy(() -> editor.merge(id, id, "ana", null)).hasMessageContaining("with itself");
    assertThatThrownBy(() -> editor.split(id, List.of("a9"), "ana", null))
        .hasMessage("article a9 has no report on event " + id);
    assertThatThrownBy(() -> editor.split(id, List.of("a1", "a2"), "ana", null)).hasMessageContaining("nothing would be left");
    assertThatThrownBy(() -> editor.correct(id, "date", "26 Dec", "ana", null)).hasMessageStartingWith("date: '26 Dec' is not a date");
    assertThatThrownBy(() -> editor.reject(id, " ", null)).hasMessage("an edit needs the analyst's name");
    assertThat(store.count("edits")).isZero();
  }

  @Test
  void aMergeStaysInForceWhenALaterSplitTakesOffAReportOfTheSurvivorsOwn() {
    String kn23 = ingest("a1", "KN-23");
    ingest("a2", "KN-23");
    String kn24 = ingest("a3", "KN-24");
    Edit merge = editor.merge(kn23, kn24, "ana", null);
    assertThat(merge.articles()).containsExactly("a3");

    editor.split(kn23, List.of("a1"), "bo", "a different day");

    List<Edit> log = store.inTransaction(() -> store.edits().all());
    assertThat(log).extracting(Edit::status).containsExactly(Edit.Status.APPLIED, Edit.Status.APPLIED);
    assertThat(event(kn23).reports()).isEqualTo(2);
  }

  @Test
  void onlyAnAnalystWithAnAccountMayEdit() {
    String id = ingest("a1", "KN-23");
    assertThatThrownBy(() -> editor.confirm(id, "zed", null))
        .isInstanceOf(WatchfloorException.BadInput.class)
        .hasMessage("no analyst account 'zed': edits are made by analysts with an account (watchfloor user add NAME)");
    assertThat(store.inTransaction(() -> store.edits().all())).isEmpty();
  }

  @Test
  void aCorrectionOutsideTheContractIsRefusedAndNothingIsRecorded() {
    String id = ingest("a1", "KN-23");
    assertThatThrownBy(() -> editor.correct(id, "type", "bogus_type", "ana", null))
        .hasMessageStartingWith("type: 'bogus_type' is not an event type of profile dprk");
    assertThatThrownBy(() -> editor.correct(id, "colour", "red", "ana", null))
        .hasMessageStartingWith("cannot correct 'colour'");
    assertThat(store.inTransaction(() -> store.edits().all())).isEmpty();
    assertThat(event(id).attributes()).doesNotContainKey("colour");
  }
}
