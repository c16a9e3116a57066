package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;
import org.watchfloor.model.Event;
import org.watchfloor.model.Mention;

/** Rewrites: close in meaning, about the same happening, from the same source; and what they add. */
class RewritesTest extends IngestingTest {

  private static final String STORY = "North Korea fired a Hwasong-18 intercontinental ballistic missile from near"
      + " Pyongyang on 12 July 2023, South Korea's Joint Chiefs of Staff said. The missile flew about 1,000 km"
      + " before landing in the sea off the east coast, the JCS said, adding that it was sharing"
      + " information with Washington and Tokyo.";
  private static final String RETOLD = "According to the Joint Chiefs of Staff in Seoul, the North launched a"
      + " Hwasong-18 ICBM on 12 July 2023. The projectile travelled roughly 1,000 km before coming down in"
      + " waters east of the peninsula, and the South's security council met in an emergency session.";
  private static final String SAME_TEMPLATE_OTHER_LAUNCH = "According to the Joint Chiefs of Staff in Seoul, the"
      + " North launched a Hwasong-18 ICBM on 14 July 2023. The projectile travelled roughly 600 km before coming"
      + " down in waters east of the peninsula, and the South's security council met in an emergency session.";

  private static RawDocument doc(String host, String outlet, String published, String text) {
    return doc(host, outlet, published, "North Korea fires missile", text);
  }

  @Test
  void aRetellingByAnotherOutletLinksToItsOriginalAndAddsNoOrigin() throws Exception {
    pipeline.ingestDocuments(List.of(doc("wire.example", "Wire Service", "2023-07-12", STORY),
        doc("paper.example", "Daily Paper", "2023-07-13", RETOLD)));

    Article original = stored("Wire Service");
    Article rewrite = stored("Daily Paper");
    assertThat(rewrite.copyOf()).isNull();
    assertThat(rewrite.extra()).containsEntry(OriginResolver.REWRITE_OF, original.id());
    assertThat(rewrite.flags()).contains(ArticleFlag.SYNDICATED);
    assertThat(original.extra()).doesNotContainKey(OriginResolver.REWRITE_OF);

    List<Event> launches = store.events().list("missile_launch", 0);
    assertThat(launches).hasSize(1);
    assertThat(launches.get(0).independentOrigins()).isEqualTo(1);
  }

  @Test
  void theSameTemplateAboutAnotherLaunchTwoDaysLaterIsNoRewrite() throws Exception {
    pipeline.ingestDocuments(List.of(doc("wire.example", "Wire Service", "2023-07-13", RETOLD),
        doc("paper.example", "Daily Paper", "2023-07-14", SAME_TEMPLATE_OTHER_LAUNCH)));

    assertThat(stored("Daily Paper").extra()).doesNotContainKey(OriginResolver.REWRITE_OF);
  }

  @Test
  void anotherSourceOnTheSameHappeningIsIndependentNotARewrite() throws Exception {
    String tokyo = "Japan's defence ministry said a North Korean Hwasong-18 ICBM launched on 12 July 2023 flew"
        // (the second sentence: one that names neither Pyongyang nor North Korea is too little for the
        // relevance gate, see the README's "Extraction")
        + " about 1,000 km before falling into the sea off the east coast of the peninsula. Tokyo protested to"
        + " Pyongyang through its embassy in Beijing.";
    pipeline.ingestDocuments(List.of(doc("wire.example", "Wire Service", "2023-07-12", STORY),
        doc("paper.example", "Daily Paper", "2023-07-12", tokyo)));

    assertThat(stored("Daily Paper").extra()).doesNotContainKey(OriginResolver.REWRITE_OF);
  }

  private static Mention m(Mention.Kind kind, String value) {
    return new Mention(kind, 0, 1, "x", value);
  }

  @Test
  void theSameHappeningNeedsADateInCommonWhereBothNameOne() {
    List<Mention> a = List.of(m(Mention.Kind.TIME, "2023-07-12"), m(Mention.Kind.ENTITY, "weapon/hwasong-18"));
    assertThat(Rewrites.sameHappening(a, List.of(m(Mention.Kind.TIME, "2023-07-12")))).isTrue();
    assertThat(Rewrites.sameHappening(a, List.of(m(Mention.Kind.TIME, "2023-07-14")))).isFalse();
    assertThat(Rewrites.sameHappening(a, List.of(m(Mention.Kind.ENTITY, "weapon/hwasong-18")))).isTrue();
  }

  @Test
  void theSameHappeningNeedsAWeaponInCommonWhereBothNameOneAndOtherEntitiesDoNotCount() {
    List<Mention> a = List.of(m(Mention.Kind.ENTITY, "weapon/hwasong-18"), m(Mention.Kind.ENTITY, "place/seoul"),
        m(Mention.Kind.ENTITY, "place/pyongyang"));
    List<Mention> sameWeapon = List.of(m(Mention.Kind.ENTITY, "weapon/hwasong-18"),
        m(Mention.Kind.ENTITY, "weapon/ballistic-missile"), m(Mention.Kind.ENTITY, "place/japan"));
    List<Mention> otherWeapon = List.of(m(Mention.Kind.ENTITY, "weapon/kn-23"), m(Mention.Kind.ENTITY, "place/seoul"),
        m(Mention.Kind.ENTITY, "place/pyongyang"));
    assertThat(Rewrites.sameHappening(a, sameWeapon)).isTrue();
    assertThat(Rewrites.sameHappening(a, otherWeapon)).isFalse();
  }

  @Test
  void aRewriteKeepsItsOriginalsAttribution() {
    var jcs = Reports.report("a-1", "missile_launch", "e", "the JCS said", "jcs");
    var tokyo = Reports.report("b-1", "missile_launch", "e", "the ministry said", "japan_mod");
    var unattributed = Reports.report("c-1", "missile_launch", "e", null, "own:Daily Paper");
    assertThat(Rewrites.sameSource(List.of(jcs), List.of(jcs))).isTrue();
    assertThat(Rewrites.sameSource(List.of(tokyo), List.of(jcs))).isFalse();
    assertThat(Rewrites.sameSource(List.of(unattributed), List.of(jcs))).isTrue();
  }
}
