package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.resolve.Reports.article;
import static org.watchfloor.resolve.Reports.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Event;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.store.Store;

class ResolverTest {

  @TempDir Path tmp;
  private Store store;
  private Resolver resolver;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("s"));
    resolver = new Resolver(store.events(), null, new WeaponClasses(
        java.util.Map.of("Hwasong-15", "ICBM", "Hwasong-18", "ICBM", "Kwangmyongsong-4", "satellite", "Unha-3", "SLV"),
        Set.of("ballistic missile", "cruise missile")), OriginResolver.of(org.watchfloor.profile.WatchProfile.load("dprk")));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Set<String> attach(Article a, Report... reports) {
    return store.inTransaction(() -> {
      store.articles().insert(a, new RawDocument(a.id(), null, RawDocument.Format.TEXT, new byte[0], java.util.Map.of()),
          List.of());
      return resolver.attach(a, List.of(reports), id -> new Origin(id, id));
    });
  }

  private static Report launch(String id, String origin, String attribution, String range) {
    return report(id, "missile_launch", "A missile flew " + range + " km, " + attribution + ".", attribution, origin,
        List.of(new Claim("range_km", range, 0, 1)));
  }

  private static Report armed(String id, String... weapons) {
    Report r = report(id, "missile_launch", "A missile was fired, the JCS said.", "the JCS said", "jcs");
    return new Report(r.id(), r.articleId(), r.eventType(), r.date(), r.planned(), r.background(), r.actors(),
        List.of(weapons), r.locations(), r.attributes(), r.evidence(), r.evidenceStart(), r.evidenceEnd(),
        r.attribution(), r.certainty(), r.origin(), r.claims());
  }

  private static Report dated(String id, String origin, java.time.LocalDate day, String range) {
    Report r = armed(id, "Hwasong-15");
    return new Report(r.id(), r.articleId(), r.eventType(), org.watchfloor.model.EventDate.day(day), r.planned(),
        r.background(), r.actors(), r.weapons(), r.locations(), java.util.Map.of("range_km", range), r.evidence(),
        r.evidenceStart(),
        r.evidenceEnd(), r.attribution(), r.certainty(), origin, r.claims());
  }

  @Test
  void aSourceGivingAnotherDayAndAnotherRangeReportsAnotherLaunch() {
    java.time.LocalDate day = java.time.LocalDate.of(2024, 5, 17);
    Set<String> first = attach(article("a1", "t", null, null), dated("a1-r0", "jcs", day, "600"));
    assertThat(attach(article("a2", "t", null, null), dated("a2-r0", "jcs", day.plusDays(1), "900")))
        .doesNotContainAnyElementsOf(first);
    Set<String> third = attach(article("a3", "t", null, null), dated("a3-r0", "jcs", day.plusDays(10), "600"));
    // the same source a day off with about the same range: a misdated retelling of its account, it joins
    assertThat(attach(article("a4", "t", null, null), dated("a4-r0", "jcs", day.plusDays(11), "590")))
        .isEqualTo(third);
    // an outlet in another time zone dates the launch one day early with another range: it joins
    assertThat(attach(article("a5", "t", null, null), dated("a5-r0", "outlet:Example", day.plusDays(9), "450")))
        .isEqualTo(third);
  }

  @Test
  void figuresFarApartAreMoreThanRoundingApart() {
    assertThat(Resolver.farApart("30", "29")).isFalse();
    assertThat(Resolver.farApart("600", "430")).isTrue();
    assertThat(Resolver.farApart("600", null)).isFalse();
    assertThat(Resolver.farApart("about", "600")).isFalse();
  }

  @Test
  void twoNamedSystemsStayApartEvenWhenBothAreCalledBallisticMissiles() {
    Set<String> first = attach(article("a1", "t", null, null), armed("a1-r0", "ballistic missile", "Hwasong-15"));
    Set<String> second = attach(article("a2", "t", null, null), armed("a2-r0", "ballistic missile", "Hwasong-18"));
    assertThat(second).doesNotContainAnyElementsOf(first);
  }

  @Test
  void aClassAloneJoinsTheEventOfANamedSystem() {
    Set<String> named = attach(article("a1", "t", null, null), armed("a1-r0", "ballistic missile", "Hwasong-15"));
    assertThat(attach(article("a2", "t", null, null), armed("a2-r0", "ballistic missile"))).isEqualTo(named);
    assertThat(attach(article("a3", "t", null, null), armed("a3-r0", "Hwasong-15"))).isEqualTo(named);
  }

  @Test
  void aSatelliteAndItsRocketDoNotContradict() {
    Set<String> rocket = attach(article("a1", "t", null, null), armed("a1-r0", "Unha-3"));
    assertThat(attach(article("a2", "t", null, null), armed("a2-r0", "Kwangmyongsong-4"))).isEqualTo(rocket);
  }

  @Test
  void twoDifferentClassesNamedAloneStayApart() {
    Set<String> ballistic = attach(article("a1", "t", null, null), armed("a1-r0", "ballistic missile"));
    assertThat(attach(article("a2", "t", null, null), armed("a2-r0", "cruise missile")))
        .doesNotContainAnyElementsOf(ballistic);
  }

  @Test
  void anEventKeepsItsIdAsReportsFromOtherOriginsAreAdded() throws Exception {
    String id = attach(article("a1", "t", null, null), launch("a1-r0", "jcs", "the JCS said", "600"))
        .iterator().next();
    assertThat(attach(article("a2", "t", null, null), launch("a2-r0", "japan-mod", "Japan's defence ministry said",
        "430"))).containsExactly(id);
    assertThat(attach(article("a3", "t", null, null), launch("a3-r0", "kcna", "KCNA said", "600")))
        .containsExactly(id);

    Event e = store.events().get(id).orElseThrow();
    assertThat(e.reports()).isEqualTo(3);
    assertThat(e.independentOrigins()).isEqualTo(3);
    assertThat(e.attributes()).containsEntry("range_km", "600");
    assertThat(e.conflicts()).anySatisfy(c -> assertThat(c.field()).isEqualTo("range_km"));
  }

  @Test
  void twoCopiesOfOneStoryCannotConflict() throws Exception {
    String id = attach(article("a1", "t", null, null), launch("a1-r0", "jcs", "the JCS said", "600"))
        .iterator().next();
    // a copy whose number was mangled in transit: it inherits the original's origin
    attach(article("a2", "t", null, "a1"), launch("a2-r0", "outlet:Copier", "the JCS said", "60"));
    Event e = store.events().get(id).orElseThrow();
    assertThat(e.independentOrigins()).isEqualTo(1);
    assertThat(e.conflicts()).isEmpty();
  }

  @Test
  void impossibleValuesAreDroppedWithTheirReasonRecorded() throws Exception {
    Report r = report("a1-r0", "missile_launch", "A missile rose 1000000 km and flew -300 km, the JCS said.",
        "the JCS said", "jcs", List.of(new Claim("apogee_km", "1000000", 0, 1), new Claim("range_km", "-300", 2, 3),
            new Claim("flight_time_s", "600", 4, 5)));
    String id = attach(article("a1", "t", null, null), r).iterator().next();
    Event e = store.events().get(id).orElseThrow();
    assertThat(e.attributes())
        .doesNotContainKeys("apogee_km", "range_km")
        .containsEntry("flight_time_s", "600")
        .containsEntry("rejected:apogee_km", "1000000: apogee above 10000 km")
        .containsEntry("rejected:range_km", "-300: not positive");
    assertThat(store.events().reportsOf(id).get(0).claims()).extracting(Claim::field).containsExactly("flight_time_s");
  }

  @Test
  void aDateBefore1950IsDroppedWithItsReason() {
    Report old = ClaimSanity.check(new Report("a1-r0", "a1", "missile_launch",
        org.watchfloor.model.EventDate.day(java.time.LocalDate.of(1949, 3, 1)), false, false, List.of(), List.of(),
        List.of(), java.util.Map.of(), "e", 0, 1, null, org.watchfloor.model.Certainty.ASSERTED, "jcs",
        List.of(new Claim("date", "1949-03-01", 0, 1))));
    assertThat(old.date().isKnown()).isFalse();
    assertThat(old.claims()).isEmpty();
    assertThat(old.attributes()).containsEntry("rejected:date", "1949-03-01: before 1950");
  }
}
