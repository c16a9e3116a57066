package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;
import org.watchfloor.model.Report;
import org.watchfloor.profile.WatchProfile;

/**
 * The default reading, {@code --events routed}: the rules read the watched state's own media and
 * the types the profile gives them, the shipped model the rest.
 */
class RoutedExtractorTest {

  private static final WatchProfile PROFILE = WatchProfile.load("dprk");
  private static final Extractor ROUTED = Extractor.forEvents(PROFILE, "routed");
  private static final Extractor RULES = Extractor.forEvents(PROFILE, "rules");
  private static final Extractor LEARNED = Extractor.forEvents(PROFILE, "learned");

  private static Article article(String id, String outlet, String day, String title, String text) {
    return new Article(id, "https://news.example/" + id, title, outlet, null, null,
        Published.ofDate(LocalDate.parse(day), ZoneOffset.UTC), "en", text, id, Set.of(), null, Map.of(), List.of());
  }

  private static List<String> read(Extractor extractor, Article a) {
    return extractor.extract(a).reports().stream()
        .map(r -> r.id() + " " + r.eventType() + " " + r.date().iso() + " " + (r.background() ? "bg" : "news") + " " + r.evidence())
        .toList();
  }

  @Test
  void itNamesBothReadersInTheVersionItRecords() {
    assertThat(ROUTED.modelVersion()).startsWith("event-3/rules+relevance-");
  }

  @Test
  void theStatesOwnMediaAreReadByTheRules() {
    Article kcna = article("kcna-statement", "KCNA", "2024-06-02", "Statement of DPRK Ministry of National Defence",
        "Pyongyang, June 2 (KCNA) -- The Ministry of National Defence of the DPRK issued a statement on Saturday"
            + " denouncing the joint air drills of the United States and south Korea.\n"
            + "The statement warned that the DPRK army will take resolute countermeasures against any provocation near"
            + " its border.\n"
            + "The US and south Korean warmongers staged large-scale air drills involving F-35A fighters last week, it said.");
    assertThat(read(ROUTED, kcna)).isNotEmpty().isEqualTo(read(RULES, kcna)).isNotEqualTo(read(LEARNED, kcna));
  }

  @Test
  void anOutletAbroadIsReadByTheModelAsLongAsNoTypeOfTheRulesIsTold() {
    Article launch = article("launch", "Example Wire", "2019-10-03", "North Korea fires ballistic missile off its east coast",
        "SEOUL (Example Wire) - North Korea fired a ballistic missile into the sea off its east coast on Wednesday,"
            + " South Korea's Joint Chiefs of Staff said, days before talks with the United States were due to resume.\n"
            + "The missile flew about 450 km and reached an altitude of 910 km before it fell into the sea, the JCS said.");
    assertThat(read(ROUTED, launch)).isNotEmpty().isEqualTo(read(LEARNED, launch)).isNotEqualTo(read(RULES, launch));
  }

  @Test
  void aProductionOrderAbroadIsTheRulesToReadAndTheModelsReadingOfItsSentenceGoes() {
    Article order = article("order", "Example Wire", "2025-06-13", "Kim orders missile output stepped up",
        "SEOUL (Example Wire) - North Korean leader Kim Jong Un has ordered the munitions industry to expand the"
            + " production of missiles and launchers, state media reported on Friday.\n"
            + "Analysts in Seoul said the order pointed to further sales of shells and missiles to Russia.");
    List<Report> learned = LEARNED.extract(order).reports();
    assertThat(learned).as("the model, with three production directives to learn from, misreads it")
        .noneMatch(r -> r.eventType().equals("production_directive"));
    List<Report> routed = ROUTED.extract(order).reports();
    Report directive = routed.stream().filter(r -> r.eventType().equals("production_directive") && !r.background())
        .findFirst().orElseThrow();
    assertThat(directive.evidence()).contains("ordered the munitions industry");
    assertThat(routed).as("no other reading of the order's sentence")
        .filteredOn(r -> r != directive && r.evidenceStart() < directive.evidenceEnd() && directive.evidenceStart() < r.evidenceEnd())
        .isEmpty();
    assertThat(routed).as("numbered once, in order").extracting(Report::id)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, routed.size()).mapToObj(i -> "order-r" + i).toList());
  }
}
