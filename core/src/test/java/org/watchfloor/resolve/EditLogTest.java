package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Edit.Kind;
import org.watchfloor.model.Edit.Pin;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;

class EditLogTest {

  private static Edit edit(long id, Kind kind, String target, List<Pin> pins) {
    return new Edit(id, kind, target, kind == Kind.MERGE ? "eOther" : null, kind == Kind.SPLIT ? List.of("a2") : List.of(),
        pins, null, null, "analyst" + id, Instant.parse("2026-01-0" + id + "T00:00:00Z"), null, Edit.Status.APPLIED, null, null);
  }

  private static Edit correct(long id, String target, String field, String value) {
    return new Edit(id, Kind.CORRECT, target, null, List.of(), List.of(), field, value, "ana",
        Instant.parse("2026-01-0" + id + "T00:00:00Z"), null, Edit.Status.APPLIED, null, null);
  }

  private static final List<Pin> MERGE_PINS = List.of(
      new Pin("a1", "missile_launch", "eS"), new Pin("a2", "missile_launch", "eS"), new Pin("a3", "missile_launch", "eS"));

  @Test
  void aMergePinsEveryReportOfBothEventsToTheSurvivor() {
    EditLog log = EditLog.fold(List.of(edit(1, Kind.MERGE, "eS", MERGE_PINS)));
    assertThat(log.pinned("a2", "missile_launch")).isEqualTo("eS");
    assertThat(log.pinned("a2", "facility_inspection")).isNull();
    assertThat(log.survivorOf("eOther")).isEqualTo("eS");
    assertThat(log.edits()).extracting(Edit::status).containsExactly(Edit.Status.APPLIED);
  }

  @Test
  void aSplitOfWhatWasMergedWins_andTheMergeIsMarkedSupersededWithTheReason() {
    Edit split = edit(2, Kind.SPLIT, "eS", List.of(
        new Pin("a1", "missile_launch", "eS"), new Pin("a2", "missile_launch", "eN"), new Pin("a3", "missile_launch", "eS")));
    EditLog log = EditLog.fold(List.of(edit(1, Kind.MERGE, "eS", MERGE_PINS), split));

    assertThat(log.pinned("a2", "missile_launch")).isEqualTo("eN");
    assertThat(log.edits().get(0).status()).isEqualTo(Edit.Status.SUPERSEDED);
    assertThat(log.edits().get(0).reason()).isEqualTo(
        "contradicted by edit 2 (split by analyst2 at 2026-01-02T00:00:00Z)");
    assertThat(log.edits().get(1).status()).isEqualTo(Edit.Status.APPLIED);
  }

  @Test
  void aMergeOfWhatWasSplitSupersedesTheSplit() {
    Edit split = edit(1, Kind.SPLIT, "eS", List.of(new Pin("a1", "missile_launch", "eS"), new Pin("a2", "missile_launch", "eN")));
    Edit merge = new Edit(2, Kind.MERGE, "eS", "eN", List.of(), List.of(new Pin("a1", "missile_launch", "eS"),
        new Pin("a2", "missile_launch", "eS")), null, null, "bo", Instant.parse("2026-01-02T00:00:00Z"), null,
        Edit.Status.APPLIED, null, null);
    EditLog log = EditLog.fold(List.of(split, merge));
    assertThat(log.edits()).extracting(Edit::status).containsExactly(Edit.Status.SUPERSEDED, Edit.Status.APPLIED);
  }

  @Test
  void aMergeOfAMergedEventDoesNotContradictTheFirstMerge() {
    Edit second = new Edit(2, Kind.MERGE, "eT", "eS", List.of(),
        MERGE_PINS.stream().map(p -> new Pin(p.articleId(), p.type(), "eT")).toList(), null, null, "bo",
        Instant.parse("2026-01-02T00:00:00Z"), null, Edit.Status.APPLIED, null, null);
    EditLog log = EditLog.fold(List.of(edit(1, Kind.MERGE, "eS", MERGE_PINS), second));
    assertThat(log.edits()).extracting(Edit::status).containsOnly(Edit.Status.APPLIED);
    assertThat(log.survivorOf("eOther")).isEqualTo("eT");
  }

  @Test
  void theLaterVerdictWins() {
    EditLog log = EditLog.fold(List.of(edit(1, Kind.CONFIRM, "e1", List.of()), edit(2, Kind.REJECT, "e1", List.of())));
    assertThat(log.status("e1")).isEqualTo("rejected");
    assertThat(log.rejectedEvents()).containsExactly("e1");
    assertThat(log.status("e2")).isEqualTo("open");
    assertThat(log.edits().get(0).status()).isEqualTo(Edit.Status.SUPERSEDED);
    assertThat(log.edits().get(0).reason()).startsWith("replaced by edit 2 (reject by analyst2");
  }

  @Test
  void aFieldCorrectedTwiceTakesTheLaterValue_andOtherFieldsKeepTheirs() {
    EditLog log = EditLog.fold(List.of(correct(1, "e1", "range_km", "900"), correct(2, "e1", "date", "2025-W52"),
        correct(3, "e1", "range_km", "950")));
    Event e = new Event("e1", "missile_launch", EventDate.day(java.time.LocalDate.of(2025, 12, 24)), false, List.of(),
        List.of("Hwasong-18"), List.of(), Map.of("range_km", "1000", "apogee_km", "6000"), "s", 0.6, 2, 2, List.of());

    Event c = log.corrected(e);

    assertThat(c.attributes()).containsEntry("range_km", "950").containsEntry("apogee_km", "6000");
    assertThat(c.date().precision()).isEqualTo(DatePrecision.WEEK);
    assertThat(c.date().iso()).isEqualTo("2025-W52");
    assertThat(log.edits()).extracting(Edit::status)
        .containsExactly(Edit.Status.SUPERSEDED, Edit.Status.APPLIED, Edit.Status.APPLIED);
    Event other = new Event("e2", e.type(), e.date(), false, List.of(), e.weapons(), List.of(), e.attributes(), "s",
        0.6, 2, 2, List.of());
    assertThat(log.corrected(other)).isEqualTo(other);
  }

  /** A merge of eOther (article a3) into eS (a1, a2), recorded with the article it brought in. */
  private static Edit mergeOfA3() {
    return new Edit(1, Kind.MERGE, "eS", "eOther", List.of("a3"), MERGE_PINS, null, null, "ana",
        Instant.parse("2026-01-01T00:00:00Z"), null, Edit.Status.APPLIED, null, null);
  }

  @Test
  void aLaterSplitOfTheSurvivorsOwnReportLeavesTheMergeInForce() {
    Edit split = edit(2, Kind.SPLIT, "eS", List.of(
        new Pin("a1", "missile_launch", "eS"), new Pin("a2", "missile_launch", "eN"), new Pin("a3", "missile_launch", "eS")));
    EditLog log = EditLog.fold(List.of(mergeOfA3(), split));

    assertThat(log.edits()).extracting(Edit::status).containsExactly(Edit.Status.APPLIED, Edit.Status.APPLIED);
    assertThat(log.edits().get(0).reason()).isNull();
  }

  @Test
  void aSplitOfWhatTheMergeBroughtInSupersedesIt() {
    Edit split = new Edit(2, Kind.SPLIT, "eS", null, List.of("a3"), List.of(new Pin("a1", "missile_launch", "eS"),
        new Pin("a2", "missile_launch", "eS"), new Pin("a3", "missile_launch", "eN")), null, null, "bo",
        Instant.parse("2026-01-02T00:00:00Z"), null, Edit.Status.APPLIED, null, null);
    EditLog log = EditLog.fold(List.of(mergeOfA3(), split));

    assertThat(log.edits()).extracting(Edit::status).containsExactly(Edit.Status.SUPERSEDED, Edit.Status.APPLIED);
    assertThat(log.edits().get(0).reason()).startsWith("contradicted by edit 2 (split by bo");
  }

  @Test
  void aSplitOfPartOfWhatWasSplitOffLeavesTheFirstSplitInForce() {
    Edit first = new Edit(1, Kind.SPLIT, "eS", null, List.of("a2", "a3"), List.of(new Pin("a1", "missile_launch", "eS"),
        new Pin("a2", "missile_launch", "eN"), new Pin("a3", "missile_launch", "eN")), null, null, "ana",
        Instant.parse("2026-01-01T00:00:00Z"), null, Edit.Status.APPLIED, null, null);
    Edit second = new Edit(2, Kind.SPLIT, "eN", null, List.of("a3"), List.of(new Pin("a2", "missile_launch", "eN"),
        new Pin("a3", "missile_launch", "eM")), null, null, "bo", Instant.parse("2026-01-02T00:00:00Z"), null,
        Edit.Status.APPLIED, null, null);
    EditLog log = EditLog.fold(List.of(first, second));

    assertThat(log.edits()).extracting(Edit::status).containsOnly(Edit.Status.APPLIED);
  }

  @Test
  void aCorrectionOutsideTheContractRecordedEarlierIsNotApplied_withTheReason() {
    EditLog log = EditLog.fold(List.of(correct(1, "e1", "colour", "red"), correct(2, "e1", "apogee_km", "-5"),
        correct(3, "e1", "range_km", "950")));
    Event e = new Event("e1", "missile_launch", EventDate.day(java.time.LocalDate.of(2025, 12, 24)), false, List.of(),
        List.of(), List.of(), Map.of("apogee_km", "6000"), "s", 0.6, 2, 2, List.of());

    Event c = log.corrected(e);

    assertThat(c.attributes()).doesNotContainKey("colour").containsEntry("apogee_km", "6000")
        .containsEntry("range_km", "950");
    assertThat(log.edits()).extracting(Edit::status)
        .containsExactly(Edit.Status.NOT_APPLIED, Edit.Status.NOT_APPLIED, Edit.Status.APPLIED);
    assertThat(log.edits().get(0).reason()).startsWith("cannot correct 'colour': not a field of the event contract");
    assertThat(log.edits().get(1).reason()).startsWith("apogee_km: '-5' is not positive");
    assertThat(log.correctedEvents()).containsExactly("e1");
  }
}
