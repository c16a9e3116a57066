package org.watchfloor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
  void aPlainTextPageFromACrawlTakesTheCaptureDayToo() {
    String text = "Coast guard notice\n\nShips were told to keep clear of the firing area, with no day given.";
    ParseResult r = parser.parse(new RawDocument("crawl.warc@1", "crawl.warc", RawDocument.Format.TEXT,
        text.getBytes(StandardCharsets.UTF_8), Map.of("url", "https://news.example/notice.txt",
            org.watchfloor.ingest.WarcSource.CAPTURE_DATE_KEY, "2025-05-08T22:15:00Z")));
    assertThat(r.article().published().iso()).isEqualTo("2025-05-08");
    assertThat(r.article().problems()).contains("published date is the WARC capture day");
    assertThat(r.article().url()).isEqualTo("https://news.example/notice.txt");
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

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<b>x</b>",
    "file:///etc/passwd", "/relative/story", "https://", "ftp://files.example/story"})
  void aUrlThatIsNotAnHttpAddressIsDroppedAndSaidSo(String url) {
    Article a = parseText("url: " + url + "\ntitle: Launch seen\n\nNorth Korea fired a missile into the sea, officials said.\n");
    assertThat(a.url()).isNull();
    assertThat(a.problems()).anySatisfy(p -> assertThat(p).startsWith("url dropped: '").endsWith("' is not an http(s) address"));
    assertThat(a.text()).isEqualTo("North Korea fired a missile into the sea, officials said.");
  }

  @Test
  void aJsonUrlThatIsNotAnHttpAddressIsDroppedToo() {
    ParseResult r = parser.parse(new RawDocument("feed.jsonl:3", "feed.jsonl", RawDocument.Format.TEXT,
        "North Korea fired a missile into the sea, officials said.".getBytes(StandardCharsets.UTF_8),
        Map.of("url", "javascript:alert('x')", "title", "Launch seen")));
    assertThat(r.ok()).isTrue();
    assertThat(r.article().url()).isNull();
    assertThat(r.article().outlet()).isNull();
  }

  @Test
  void anHttpAddressIsKeptWhateverItsCaseAndOddCharacters() {
    assertThat(parseText("url: HTTPS://News.Example/a story|1\n\nNorth Korea fired a missile, officials said.\n").url())
        .isEqualTo("HTTPS://News.Example/a story|1");
  }

  @Test
  void randomHighBytesAreRefusedAsNotText() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(10);
    byte[] bytes = new byte[20_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (0x80 + random.nextInt(0x80));
    }
    ParseResult r = parser.parse(new RawDocument("noise.txt", "noise.txt", RawDocument.Format.TEXT, bytes, Map.of()));
    assertThat(r.ok()).isFalse();
    assertThat(r.problem().source()).isEqualTo("noise.txt");
    assertThat(r.problem().reason()).startsWith("not text: its bytes are neither UTF-8 nor Korean, and as windows-1252 ");
  }

  @Test
  void textFullOfReplacementCharactersIsRefused() {
    String garbled = "North Korea \uFFFD\uFFFD\uFFFD fired \uFFFD\uFFFD a missile \uFFFD\uFFFD\uFFFD\uFFFD.";
    ParseResult r = parser.parse(new RawDocument("bad.txt", "bad.txt", RawDocument.Format.TEXT,
        garbled.getBytes(StandardCharsets.UTF_8), Map.of()));
    assertThat(r.ok()).isFalse();
    assertThat(r.problem().reason()).startsWith("not text: 9 of its first ");
  }

  @Test
  void westernEuropeanTextInWindows1252IsText() {
    byte[] french = ("La Cor\u00e9e du Nord a tir\u00e9 un missile balistique vers la mer, selon l'\u00e9tat-major "
        + "sud-cor\u00e9en. Le missile a vol\u00e9 environ 600 km.").getBytes(java.nio.charset.Charset.forName("windows-1252"));
    ParseResult r = parser.parse(new RawDocument("fr.txt", "fr.txt", RawDocument.Format.TEXT, french, Map.of()));
    assertThat(r.ok()).isTrue();
    assertThat(r.article().text()).contains("Cor\u00e9e du Nord");
  }
}
