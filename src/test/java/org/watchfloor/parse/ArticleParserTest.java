package org.watchfloor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;

class ArticleParserTest {

  private final ArticleParser parser = new ArticleParser();

  private Article parseText(String text) {
    ParseResult r = parser.parse(new RawDocument("test.txt", "test.txt", RawDocument.Format.TEXT,
        text.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(r.ok()).as("problem: %s", r.problem()).isTrue();
    return r.article();
  }

  @Test
  void headerBlockGivesMetadataAndKeepsUnknownKeys() {
    Article a = parseText("""
        url: https://news.example/kim-visit
        outlet: Example Wire
        published: 2025-12-26T09:30:00+09:00
        title: Kim visits a plant
        desk: Asia

        Kim Jong Un visited a plant, state media said.
        """);
    assertThat(a.url()).isEqualTo("https://news.example/kim-visit");
    assertThat(a.outlet()).isEqualTo("Example Wire");
    assertThat(a.title()).isEqualTo("Kim visits a plant");
    assertThat(a.published().iso()).isEqualTo("2025-12-26T09:30+09:00");
    assertThat(a.extra()).containsEntry("desk", "Asia");
    assertThat(a.text()).isEqualTo("Kim Jong Un visited a plant, state media said.");
    assertThat(a.flags()).isEmpty();
  }

  @Test
  void headerlessFileDropsCaptionAndFindsTitleAndDate() {
    Article a = parseText("""
        Soldiers march in a parade in this picture released by state media. (July 28, 2023)
        Parade shows off new drones and missiles
        North Korea staged a night parade to mark the end of the war, with new drones on display, state media said.
        """);
    assertThat(a.title()).isEqualTo("Parade shows off new drones and missiles");
    assertThat(a.published().iso()).isEqualTo("2023-07-28");
    assertThat(a.text()).doesNotContain("picture released").startsWith("North Korea staged");
    assertThat(a.flags()).contains(ArticleFlag.NO_OUTLET).doesNotContain(ArticleFlag.NO_DATE, ArticleFlag.NO_TITLE);
  }

  @Test
  void datelineNamesTheOutlet() {
    Article a = parseText("""
        Missile lands off east coast
        SEOUL, April 14 (Harbor Wire) -- North Korea fired a ballistic missile on Thursday, the military said.
        """);
    assertThat(a.outlet()).isEqualTo("Harbor Wire");
  }

  @Test
  void clutterLinesAreDroppedAndDateLineRead() {
    Article a = parseText("""
        Kim Orders A Missile Build-Up
        Share- Briefline
        - March 8, 2024
        - 2 Comments
        - 4 minutes read
        Kim Jong Un ordered more missiles. He said so at a meeting of officials in the capital.
        """);
    assertThat(a.title()).isEqualTo("Kim Orders A Missile Build-Up");
    assertThat(a.published().iso()).isEqualTo("2024-03-08");
    assertThat(a.text()).isEqualTo("Kim Jong Un ordered more missiles. He said so at a meeting of officials in the capital.");
  }

  @Test
  void aShareLineCarryingTheSiteNameGivesTheOutlet() {
    Article a = parseText("""
        Allies Wrap Up Spring Drill
        Share | Pacific Morning Post
        - May 2, 2024
        The allies ended their spring drill on Thursday, and Pyongyang called it a rehearsal for war.
        """);
    assertThat(a.outlet()).isEqualTo("Pacific Morning Post");
    assertThat(a.flags()).doesNotContain(ArticleFlag.NO_OUTLET);
    assertThat(a.text()).doesNotContain("Share");
  }

  @Test
  void aSharePromptNamingANetworkOrNothingLeavesTheArticleWithoutOutlet() {
    for (String prompt : List.of("Share - Facebook", "Share: WhatsApp Telegram", "Share this article", "Share", "Share - this story")) {
      Article a = parseText("Allies Wrap Up Spring Drill\n" + prompt + "\n"
          + "The allies ended their spring drill on Thursday, and Pyongyang called it a rehearsal for war.\n");
      assertThat(a.outlet()).as(prompt).isNull();
      assertThat(a.flags()).as(prompt).contains(ArticleFlag.NO_OUTLET);
    }
  }

  @Test
  void aShareCreditFurtherDownTheTextIsNotTheOutlet() {
    Article a = parseText("Allies Wrap Up Spring Drill\n\n" + "The allies ended their drill on Thursday.\n".repeat(13)
        + "Share - Pacific Morning Post\n");
    assertThat(a.outlet()).isNull();
  }

  @Test
  void aiDisclaimerFlagsTheArticleButAnAudioNoteDoesNot() {
    Article ai = parseText("Title of a story here\n\nBody text of the story. This article was generated in part using artificial intelligence and may contain errors.\n");
    assertThat(ai.flags()).contains(ArticleFlag.AI_GENERATED);
    Article audio = parseText("Title of a story here\n\nNote: AI technology was used to generate this article's audio.\nBody text of the story.\n");
    assertThat(audio.flags()).doesNotContain(ArticleFlag.AI_GENERATED);
  }

  @Test
  void syndicationCreditIsFlaggedWithItsSource() {
    Article a = parseText("Title of a story here\n\nBody text.\nThis story was originally published by Seoul Ledger.\n");
    assertThat(a.flags()).contains(ArticleFlag.SYNDICATED);
    assertThat(a.extra()).containsEntry("syndicated_from", "Seoul Ledger");
  }

  @Test
  void invalidUtf8IsDecodedAsWindows1252AndSaidSo() {
    byte[] bytes = "Title of a story here\n\nCaf\u00e9 talk about missiles.\n".getBytes(StandardCharsets.ISO_8859_1);
    ParseResult r = parser.parse(new RawDocument("x.txt", "x.txt", RawDocument.Format.TEXT, bytes, Map.of()));
    assertThat(r.article().text()).contains("Café");
    assertThat(r.article().problems()).isNotEmpty().allSatisfy(p -> assertThat(p).containsIgnoringCase("windows-1252"));
  }

  @Test
  void sameBytesGiveTheSameIdAndTheSameTextTheSameHash() {
    Article a = parseText("Some title for it\n\nSame body.\n");
    Article b = parseText("Some title for it\n\nSame body.\n");
    assertThat(a.id()).isEqualTo(b.id());
    assertThat(a.contentHash()).isEqualTo(b.contentHash());
  }

  @Test
  void htmlPageGivesMetadataFromMetaTags() {
    String html = """
        <html lang="en"><head><title>Drill ends | Pacific Post</title>
        <meta property="og:title" content="Allied drill ends">
        <meta property="og:site_name" content="Pacific Post">
        <meta property="article:published_time" content="2025-03-20T18:00:00+09:00">
        </head><body><nav>Home News</nav><article><p>The allies ended their spring drill on Thursday.</p>
        <p>North Korea called it a rehearsal for invasion.</p></article></body></html>
        """;
    ParseResult r = parser.parse(new RawDocument("p.html", "p.html", RawDocument.Format.HTML,
        html.getBytes(StandardCharsets.UTF_8), Map.of()));
    Article a = r.article();
    assertThat(a.title()).isEqualTo("Allied drill ends");
    assertThat(a.outlet()).isEqualTo("Pacific Post");
    assertThat(a.published().iso()).isEqualTo("2025-03-20T18:00+09:00");
    assertThat(a.text()).contains("spring drill").doesNotContain("Home News");
  }

  @Test
  void aPageWithNoDateOfItsOwnTakesTheCrawlersCaptureDayAndSaysSo() {
    String html = """
        <html><head><title>Drill over</title></head><body><article><p>The allies ended a spring drill near
        the border, officials said, and North Korea called it a rehearsal for invasion.</p></article></body></html>
        """;
    ParseResult r = parser.parse(new RawDocument("crawl.warc#1", "crawl.warc", RawDocument.Format.HTML,
        html.getBytes(StandardCharsets.UTF_8),
        Map.of(org.watchfloor.ingest.WarcSource.CAPTURE_DATE_KEY, "2025-05-08T22:15:00Z")));
    assertThat(r.article().published().iso()).isEqualTo("2025-05-08");
    assertThat(r.article().problems()).contains("published date is the WARC capture day");

    ParseResult plain = parser.parse(new RawDocument("p.html", "p.html", RawDocument.Format.HTML,
        html.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(plain.article().published()).isNull();
  }

  @Test
  void aOneLineArticleKeepsItsLineAsBodyAndAGivenTitleIsNotSearchedFor() {
    ParseResult r = parser.parse(new RawDocument("k.jsonl:3", "k.jsonl", RawDocument.Format.TEXT,
        "Pyongyang, May 2 (KCNA) -- Lanterns light the streets of the capital for the holiday -0-"
            .getBytes(StandardCharsets.UTF_8), Map.of("title", "Lanterns", "outlet", "KCNA")));
    assertThat(r.ok()).isTrue();
    assertThat(r.article().title()).isEqualTo("Lanterns");
    assertThat(r.article().text()).startsWith("Pyongyang, May 2 (KCNA)");

    Article alone = parseText("A single line that could pass for a headline here -0-\n");
    assertThat(alone.text()).isEqualTo("A single line that could pass for a headline here -0-");
    assertThat(alone.flags()).contains(ArticleFlag.NO_TITLE);
  }
}
