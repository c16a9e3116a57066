package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.resolve.Reports.article;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/** What two reports must share to be one happening: not the messenger, a dateline nor a country. */
class SharedEvidenceTest {

  @TempDir Path tmp;

  private static final Sites SITES = Sites.of(WatchProfile.load("dprk"));
  private static final LocalDate DAY = LocalDate.of(2025, 6, 3);
  private static final String WIRE = "Capital, June 4 (Agency) -- ";

  /** A report of an agency filed from its capital: the dateline city's claim is at offset 0. */
  private static Report filed(String id, String type, LocalDate day, int start, String evidence, List<String> actors,
      List<String> places) {
    List<Claim> claims = new ArrayList<>();
    for (String p : places) {
      claims.add(new Claim("location", p, p.equals("Pyongyang") ? 0 : 200, p.equals("Pyongyang") ? 9 : 210));
    }
    return new Report(id, id.substring(0, id.indexOf('-')), type, EventDate.day(day), false, false, actors, List.of(),
        places, Map.of(), evidence, start, start + evidence.length(), "KCNA", Certainty.ASSERTED, "kcna", claims);
  }

  private static Report visit(String id, LocalDate day, String... places) {
    return filed(id, "facility_inspection", day, 0, WIRE + "The leader toured a site with his aides.",
        List.of("KCNA", "Kim Jong Un", "Pak Jong Chon"), List.of(places));
  }

  private static int score(Report r, Report onEvent) {
    return Resolver.score(r, EventMerger.merge("e1", List.of(onEvent)), WeaponClasses.NONE, SITES);
  }

  @Test
  void visitsToTwoDifferentFacilitiesByOneLeaderOnOneDayAreTwo() {
    Report academy = visit("a-r0", DAY, "Pyongyang", "O Jin U Artillery Academy");
    assertThat(score(visit("b-r0", DAY, "Pyongyang", "munitions factory"), academy)).isZero();
    assertThat(score(visit("c-r0", DAY, "Pyongyang", "O Jin U Artillery Academy"), academy)).isPositive();
    // without the profile's facilities the shared leader is enough, as before
    assertThat(Resolver.score(visit("b-r0", DAY, "Pyongyang", "munitions factory"),
        EventMerger.merge("e1", List.of(academy)), WeaponClasses.NONE)).isPositive();
  }

  @Test
  void aDigestItemIsNotSetApartByTheSiteItsNextItemNames() {
    Report test = filed("a-r0", "missile_launch", DAY, 0, WIRE + "The leader oversaw a test-fire at a factory.",
        List.of("KCNA", "Kim Jong Un"), List.of("Pyongyang", "munitions factory"));
    String item = "- He oversaw a test-fire of a new rocket launcher.";
    // the digest's next item, past this one's sentence, is a visit to an artillery academy
    Claim next = new Claim("location", "O Jin U Artillery Academy", 400 + item.length() + 40, 400 + item.length() + 65);
    Report digest = new Report("b-r0", "b", "missile_launch", EventDate.day(DAY), false, false, List.of("Kim Jong Un"),
        List.of(), List.of("O Jin U Artillery Academy"), Map.of(), item, 400, 400 + item.length(), null,
        Certainty.ASSERTED, "kcna", List.of(next));
    assertThat(score(digest, test)).isPositive();
    // and the other way round: the item's event does not take the next item's site for its own
    assertThat(score(test, digest)).isPositive();
    // named in the item's own sentence, the academy is another site
    Report there = new Report("c-r0", "c", "missile_launch", EventDate.day(DAY), false, false, List.of("Kim Jong Un"),
        List.of(), List.of("O Jin U Artillery Academy"), Map.of(), item, 400, 400 + item.length(), null,
        Certainty.ASSERTED, "kcna", List.of(new Claim("location", "O Jin U Artillery Academy", 410, 435)));
    assertThat(score(there, test)).isZero();
  }

  @Test
  void aFacilityNamedByItsKindAgreesWithOneOfThatType() {
    assertThat(SITES.disagree(List.of("munitions factory"), List.of("O Jin U Artillery Academy"))).isTrue();
    String factory = SITES.facilityTypes().entrySet().stream()
        .filter(e -> e.getValue().equals("factory") && !SITES.genericFacilities().contains(e.getKey()))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    assertThat(SITES.disagree(List.of("munitions factory"), List.of(factory))).isFalse();
    assertThat(SITES.disagree(List.of("North Korea"), List.of(factory))).isFalse();
  }

  @Test
  void theMessengerTheDatelineAndTheCountryAreNoSharedEvidence() {
    Report ministry = filed("a-r0", "threat_statement", DAY, 0, WIRE + "A defence spokesman issued a statement.",
        List.of("KCNA", "DPRK Ministry of National Defence"), List.of("Pyongyang", "North Korea"));
    Report foreign = filed("b-r0", "threat_statement", DAY, 0, WIRE + "An envoy at the United Nations spoke.",
        List.of("KCNA", "NATO"), List.of("Pyongyang", "North Korea"));
    assertThat(score(foreign, ministry)).isZero();
    Report sameSpeaker = filed("c-r0", "threat_statement", DAY, 0, WIRE + "The ministry warned again.",
        List.of("KCNA", "DPRK Ministry of National Defence"), List.of("Pyongyang"));
    assertThat(score(sameSpeaker, ministry)).isPositive();
    // Pyongyang where the story happens, not only where it was filed, is shared evidence
    Report there = new Report("d-r0", "d", "threat_statement", EventDate.day(DAY), false, false, List.of("KCNA"),
        List.of(), List.of("Pyongyang"), Map.of(), "A rally was held in the capital.", 300, 330, "KCNA",
        Certainty.ASSERTED, "kcna", List.of(new Claim("location", "Pyongyang", 310, 319)));
    Report rally = new Report("e-r0", "e", "threat_statement", EventDate.day(DAY), false, false, List.of(),
        List.of(), List.of("Pyongyang"), Map.of(), "Crowds gathered.", 0, 16, null, Certainty.ASSERTED, "kcna",
        List.of(new Claim("location", "Pyongyang", 400, 409)));
    assertThat(score(there, rally)).isPositive();
  }

  @Test
  void aDigestRetellingAStoryADayOffPrefersTheStoryToAnEventThatOnlySharesANameAndTheDay() {
    Report lead = filed("a-r0", "threat_statement", DAY, 0,
        WIRE + "A spokesperson for the Foreign Ministry of the Democratic People's Republic of Korea released a statement.",
        List.of("KCNA", "DPRK Ministry of Foreign Affairs"), List.of("Pyongyang"));
    Report commentary = filed("b-r0", "threat_statement", DAY.minusDays(1), 500, "The alliance expands again.",
        List.of("NATO"), List.of());
    Report digest = filed("c-r0", "threat_statement", DAY.minusDays(1), 400,
        "- A spokesperson for the Foreign Ministry of the Democratic People's Republic of Korea warned NATO.",
        List.of("NATO", "DPRK Ministry of Foreign Affairs"), List.of());
    assertThat(score(digest, lead)).isGreaterThan(score(digest, commentary));
  }

  private Set<String> attach(Store store, Resolver resolver, Report r) {
    var a = article(r.articleId(), "t", null, null);
    return store.inTransaction(() -> {
      store.articles().insert(a, new RawDocument(a.id(), null, RawDocument.Format.TEXT, new byte[0], Map.of()),
          List.of());
      return resolver.attach(a, List.of(r), id -> new Origin(id, id));
    });
  }

  @Test
  void aSourcesOwnDispatchesOfOneDayAreTwoHappeningsUnlessOneTellsTheOthersStory() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      Resolver resolver = new Resolver(store.events(), null, WeaponClasses.NONE, SITES, OriginResolver.NONE);
      Set<String> survey = attach(store, resolver, filed("a-r0", "facility_inspection", DAY, 0,
          WIRE + "Guiding the Eastern Harbour Works Project Office, the leader surveyed a coastal site.",
          List.of("KCNA", "Kim Jong Un", "Pak Jong Chon"), List.of("Pyongyang")));
      // another dispatch that day with the same entourage, another story: another happening
      assertThat(attach(store, resolver, filed("b-r0", "facility_inspection", DAY, 0,
          WIRE + "The leader looked round a factory of the Second Machine Works Bureau.",
          List.of("KCNA", "Kim Jong Un", "Pak Jong Chon"), List.of("Pyongyang")))).doesNotContainAnyElementsOf(survey);
      // a second version of the first dispatch, worded anew but keeping its names, joins it
      assertThat(attach(store, resolver, filed("c-r0", "facility_inspection", DAY, 0,
          WIRE + "For the Eastern Harbour Works Project Office, the leader surveyed the coast.",
          List.of("KCNA", "Kim Jong Un"), List.of("Pyongyang")))).isEqualTo(survey);
    }
  }

  @Test
  void twoOfficesOfOneMinistryStatingOnOneDayAreTwoStatementsThoughTheyShareItsLongName() {
    String ministry = "of the Foreign Ministry of the Federal Republic of Eastland";
    try (Store store = Store.open(tmp.resolve("s"))) {
      Resolver resolver = new Resolver(store.events(), null, WeaponClasses.NONE, SITES, OriginResolver.NONE);
      Set<String> harbour = attach(store, resolver, filed("a-r0", "threat_statement", DAY, 0,
          WIRE + "The Bureau of Harbour Studies " + ministry + " released the following press statement"
              + " \"Reckless naval drills near our coast will bring nothing but shame to their planners\".",
          List.of("KCNA", "DPRK Ministry of Foreign Affairs"), List.of("Pyongyang")));
      // another office's statement that day, on another matter: another statement
      assertThat(attach(store, resolver, filed("b-r0", "threat_statement", DAY, 0,
          WIRE + "A spokesperson for the Institute of Disarmament " + ministry + " on Friday released the"
              + " following press statement \"The collective pact of the alliance is a blueprint for a wider war\".",
          List.of("KCNA", "DPRK Ministry of Foreign Affairs"), List.of("Pyongyang"))))
          .doesNotContainAnyElementsOf(harbour);
      // a version of the first under another address joins it
      assertThat(attach(store, resolver, filed("c-r0", "threat_statement", DAY, 0,
          WIRE + "The Bureau of Harbour Studies " + ministry + " released the press statement"
              + " \"Reckless naval drills near our coast will bring only shame to their planners\".",
          List.of("KCNA", "DPRK Ministry of Foreign Affairs"), List.of("Pyongyang")))).isEqualTo(harbour);
    }
  }

  private static Report lead(String id, LocalDate day, @Nullable String site) {
    List<String> places = site == null ? List.of("Pyongyang") : List.of("Pyongyang", site);
    return filed(id, "facility_inspection", day, 0, WIRE + "The leader made a field survey " + id + ".",
        List.of("KCNA", "Kim Jong Un", "Pak Jong Chon"), places);
  }

  @Test
  void aSourcesOwnLeadStoriesOnTwoDaysAreTwoHappeningsUnlessTheyShareASite() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      Resolver resolver = new Resolver(store.events(), null, WeaponClasses.NONE, SITES, OriginResolver.NONE);
      Set<String> academy = attach(store, resolver, lead("a-r0", DAY, null));
      // the same source's lead story the next day, sharing only people: another happening
      assertThat(attach(store, resolver, lead("b-r0", DAY.plusDays(1), null))).doesNotContainAnyElementsOf(academy);
      // a digest's item on it a day off joins (it is no lead)
      Report item = filed("c-r0", "facility_inspection", DAY.plusDays(2), 700, "- He made a field survey.",
          List.of("Kim Jong Un", "Pak Jong Chon"), List.of());
      assertThat(attach(store, resolver, item)).hasSize(1);
      // a lead a day off that names the same site as the event joins it
      Set<String> site = attach(store, resolver, lead("d-r0", DAY.plusDays(10), "O Jin U Artillery Academy"));
      assertThat(attach(store, resolver, lead("e-r0", DAY.plusDays(11), "O Jin U Artillery Academy")))
          .isEqualTo(site);
    }
  }

  /** Another outlet's lead retelling the source's story, dated by that outlet's own day. */
  private static Report relayed(String id, LocalDate day) {
    return new Report(id, id.substring(0, id.indexOf('-')), "policy_meeting", EventDate.day(day), false, false,
        List.of("Kim Jong Un", "Workers' Party of Korea"), List.of(), List.of(), Map.of(),
        "WASHINGTON -- The leader told a party meeting to build more satellites, state media reported.", 0, 90,
        "state media reported", Certainty.ASSERTED, "kcna", List.of());
  }

  @Test
  void anotherOutletsRetellingOfASourcesLeadADayOffJoinsItButTwoOfItsOwnLeadsStayApart() {
    try (Store store = Store.open(tmp.resolve("s"))) {
      Resolver resolver = new Resolver(store.events(), null, WeaponClasses.NONE, SITES, OriginResolver.NONE);
      Set<String> plenum = attach(store, resolver, filed("a-r0", "policy_meeting", DAY, 0,
          WIRE + "A plenary meeting of the party's central committee concluded after five days.",
          List.of("KCNA", "Kim Jong Un", "Workers' Party of Korea"), List.of("Pyongyang")));
      // an outlet abroad, whose day runs behind or ahead of the source's, retells it dated a day later
      assertThat(attach(store, resolver, relayed("b-r0", DAY.plusDays(1)))).isEqualTo(plenum);
      // the source's own lead of the next day, sharing only people, is another happening, as before
      assertThat(attach(store, resolver, filed("c-r0", "policy_meeting", DAY.plusDays(1), 0,
          WIRE + "A meeting of the party's military commission opened.",
          List.of("KCNA", "Kim Jong Un", "Workers' Party of Korea"), List.of("Pyongyang"))))
          .doesNotContainAnyElementsOf(plenum);
    }
  }
}
