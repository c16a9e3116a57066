package org.watchfloor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;

class ArticleFlaggerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      This article was originally published by NK News. | NK News
      This story was originally published via The Conversation. | The Conversation
      The piece was first published on 38 North | 38 North
      Originally published at Daily NK | Daily NK
      Republished with permission from The Diplomat. | The Diplomat
      """)
  void syndicationMarkersNameTheOriginal(String marker, String original) {
    ArticleFlagger.Flags f = ArticleFlagger.of("Launch seen", "The launch was seen from the coast.\n" + marker + "\n");

    assertThat(f.flags()).contains(ArticleFlag.SYNDICATED);
    assertThat(f.syndicatedFrom()).isEqualTo(original);
  }

  @Test
  void aWeaponThatFirstAppearedInAParadeIsNotASyndicationMarker() {
    ArticleFlagger.Flags f = ArticleFlagger.of("Parade",
        "The solid-fuel missile first appeared in a 2023 parade in the capital.");

    assertThat(f.flags()).doesNotContain(ArticleFlag.SYNDICATED);
    assertThat(f.syndicatedFrom()).isNull();
  }

  @Test
  void wireCreditsAreListedInOrderOfFirstCredit() {
    String body = "SEOUL, March 5 (Yonhap) -- North Korea fired a ballistic missile, the military said.\n"
        + "The Korean Central News Agency said the test was a success. Reuters reported a second launch,"
        + " and officials told the AP the missile flew 600 km. Yonhap added details later.";

    assertThat(ArticleFlagger.of("N. Korea fires missile", body).wireCredits())
        .containsExactly("Yonhap", "KCNA", "Reuters", "AP");
  }

  @Test
  void afpAndAssociatedPressInAttributionsCount() {
    assertThat(ArticleFlagger.wireCredits(null, "PYONGYANG (AFP) - A test was held. The Associated Press said so."))
        .containsExactly("AFP", "AP");
    assertThat(ArticleFlagger.wireCredits(null, "A test, Agence France-Presse reported, citing KCNA."))
        .containsExactly("AFP", "KCNA");
  }

  @Test
  void photoCreditsAndLookalikeWordsAreNotWireCredits() {
    String body = "Kim Jong Un at the launch site. (STR/AFP via Getty Images)\n"
        + "An AP Photo/Ahn Young-joon caption. The map shows the apex of the trajectory.\n"
        + "Reuters/Kim Hong-Ji took the picture. Happy launch.";

    assertThat(ArticleFlagger.wireCredits("Launch", body)).isEmpty();
  }

  @Test
  void creditInTheTitleCounts() {
    assertThat(ArticleFlagger.wireCredits("N. Korea test-fires cruise missiles: KCNA", "The test was held."))
        .containsExactly("KCNA");
  }

  @Test
  void theParserRecordsWireCreditsAndTheOriginalInTheArticleExtras() {
    String text = "Title: N. Korea fires missile\n\nSEOUL, May 8 (Yonhap) -- North Korea fired a missile,"
        + " KCNA said on Friday.\nThis story was originally published by Korea Pro.\n";
    RawDocument doc = new RawDocument("t.txt", "t.txt", RawDocument.Format.TEXT,
        text.getBytes(StandardCharsets.UTF_8), Map.of());

    Article a = new ArticleParser().parse(doc).article();

    assertThat(a.extra()).containsEntry("wire_credits", "Yonhap,KCNA").containsEntry("syndicated_from", "Korea Pro");
    assertThat(a.flags()).contains(ArticleFlag.SYNDICATED);
  }

  @Test
  void flagsStayTogether() {
    ArticleFlagger.Flags f = ArticleFlagger.of("Analysis: what the launch means",
        "Analysis: the launch, which Yonhap reported, matters.\n"
            + "This article was generated in part using artificial intelligence and reviewed by editors.\n"
            + "This article originally appeared in NK Pro.");

    assertThat(f.flags()).contains(ArticleFlag.OPINION, ArticleFlag.AI_GENERATED, ArticleFlag.SYNDICATED);
    assertThat(f.syndicatedFrom()).isEqualTo("NK Pro");
    assertThat(f.wireCredits()).containsExactly("Yonhap");
  }
}
