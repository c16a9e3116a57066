package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.watchfloor.profile.OccasionDef;
import org.watchfloor.profile.OccasionVocabulary;
import org.watchfloor.profile.WatchProfile;

/** The occasion a report claims for its event, read from sentences of our own. */
class OccasionsTest {

  private static final RuleExtractor EXTRACTOR = new RuleExtractor(WatchProfile.load("dprk"));

  private static Article article(String body) {
    String text = "outlet: Test Wire\npublished: 2025-03-14\ntitle: test\n\n" + body;
    ParseResult parsed = new ArticleParser().parse(new RawDocument("occasion.txt", null, RawDocument.Format.TEXT,
        text.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(parsed.ok()).isTrue();
    return parsed.article();
  }

  private static Report directive(Article a) {
    return EXTRACTOR.extract(a).reports().stream()
        .filter(r -> r.eventType().equals("production_directive")).findFirst().orElseThrow();
  }

  private static List<Claim> occasions(Report r) {
    return r.claims().stream().filter(c -> c.field().equals(Occasions.FIELD)).toList();
  }

  @Test
  void aFactoryTourWhereTheOrderWasGivenIsAFactoryVisitWithItsSentence() {
    Article a = article("""
        Kim Jong Un ordered a sharp rise in the output of artillery shells and missiles this year, state media said.
        The plan came up in the ruling party's long-range programme.
        According to KCNA, Kim toured two large munitions plants with senior officers, where he instructed the managers to double their shifts.
        """);
    Report r = directive(a);
    assertThat(occasions(r)).singleElement().satisfies(c -> {
      assertThat(c.value()).isEqualTo("factory visit");
      assertThat(a.text().substring(c.start(), c.end())).startsWith("According to KCNA, Kim toured").endsWith("shifts.");
    });
    assertThat(r.attributes()).containsEntry("occasion", "factory visit");
  }

  @Test
  void anOrderGivenAtAMeetingIsAMeetingAndALaterUnlinkedVisitIsNotTheOccasion() {
    Article a = article("""
        Kim Jong Un ordered a sharp rise in the output of artillery shells and missiles this year, state media said.
        The order was handed down at a three-day session on military affairs that closed on Thursday.
        Apart from the talks, Kim also went visiting a shell factory near the capital.
        """);
    assertThat(occasions(directive(a))).extracting(Claim::value).containsExactly("meeting");
  }

  @Test
  void aSettingThatPrecededTheNewsOrNeverReferredBackGivesNoOccasion() {
    Article a = article("""
        Kim Jong Un ordered a sharp rise in the output of artillery shells and missiles this year, state media said.
        The directive follows his inspection of a tank factory earlier in the month.
        A party conference on farming was held in the capital.
        """);
    assertThat(occasions(directive(a))).isEmpty();
  }

  @Test
  void aVisitWithoutAFactoryIsNoFactoryVisit() {
    Occasions o = new Occasions(new OccasionVocabulary(
        List.of(new OccasionDef("factory visit", List.of("visited"), List.of("factory"))), Map.of(), List.of()));
    assertThat(o.occasionIn("He visited a school, and spoke of a factory.")).isNull();
    assertThat(o.occasionIn("He visited a school in the far north of the country to speak of a factory.")).isNull();
    assertThat(o.occasionIn("He visited a big shell factory.")).isEqualTo("factory visit");
  }

  @Test
  void theFirstOccasionNamedInTheSentenceWins() {
    Occasions o = new Occasions(WatchProfile.load("dprk").occasions());
    assertThat(o.occasionIn("At a meeting after he visited the factory, he gave the order.")).isEqualTo("meeting");
    assertThat(o.occasionIn("While visiting the factory, he called a meeting and gave the order.")).isEqualTo("factory visit");
  }

  @Test
  void reportsSharingASentenceEachGetTheOccasionAndTheNextReportOfTheTypeEndsTheSearch() {
    Occasions o = new Occasions(new OccasionVocabulary(List.of(new OccasionDef("meeting", List.of("meeting"), List.of())),
        Map.of("production_directive", List.of("order")), List.of("earlier")));
    String text = "Kim gave an order to make shells and rockets. The order came at a meeting. "
        + "He spoke earlier at a meeting of the order. Kim ordered more rockets at a plenary meeting.";
    List<Sentences.Sentence> sentences = Sentences.of(text);
    assertThat(sentences).hasSize(4);
    List<Report> reports = List.of(report("a", "production_directive", sentences.get(0)),
        report("b", "production_directive", sentences.get(0)), report("c", "missile_launch", sentences.get(0)),
        report("d", "production_directive", sentences.get(2)), report("e", "production_directive", sentences.get(3)));

    List<Report> tagged = o.tag(reports, sentences);

    assertThat(tagged).extracting(r -> r.attributes().get(Occasions.FIELD))
        .containsExactly("meeting", "meeting", null, null, "meeting");
    assertThat(occasions(tagged.get(0))).singleElement()
        .satisfies(c -> assertThat(text.substring(c.start(), c.end())).isEqualTo("The order came at a meeting."));
    assertThat(occasions(tagged.get(1))).isEqualTo(occasions(tagged.get(0)));
    assertThat(occasions(tagged.get(4))).singleElement()
        .satisfies(c -> assertThat(c.start()).isEqualTo(sentences.get(3).start()));
  }

  private static Report report(String id, String type, Sentences.Sentence s) {
    return new Report(id, "a1", type, EventDate.UNKNOWN, false, false, List.of(), List.of(), List.of(), Map.of(),
        s.text(), s.start(), s.end(), null, Certainty.ASSERTED, "test", List.of());
  }
}
