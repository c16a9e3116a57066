package org.watchfloor.parse.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlArticleExtractorTest {
  private static final String BASE_URL = "https://example.org/world/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  static Stream<String> fixtures() throws IOException, URISyntaxException {
    Path dir = fixtureDir();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".expected.json"))
          .map(n -> n.substring(0, n.length() - ".expected.json".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path fixtureDir() throws URISyntaxException {
    return Path.of(HtmlArticleExtractorTest.class.getResource("/fixtures/html").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void extractsWhatTheFixtureExpects(String name) throws Exception {
    Path dir = fixtureDir();
    byte[] html = Files.readAllBytes(dir.resolve(name + ".html"));
    JsonNode expected = JSON.readTree(dir.resolve(name + ".expected.json").toFile());

    ExtractedPage page = extractor.extract(html, "text/html; charset=utf-8", BASE_URL);

    assertThat(page.title()).as("title").isEqualTo(text(expected, "title"));
    assertThat(page.byline()).as("byline").isEqualTo(text(expected, "byline"));
    assertThat(page.siteName()).as("siteName").isEqualTo(text(expected, "siteName"));
    assertThat(page.language()).as("language").isEqualTo(text(expected, "language"));
    assertThat(page.canonicalUrl()).as("canonicalUrl").isEqualTo(text(expected, "canonicalUrl"));
    String published = text(expected, "publishedTime");
    assertThat(page.publishedTime())
        .as("publishedTime")
        .isEqualTo(published == null ? null : OffsetDateTime.parse(published));
    assertThat(page.publishedDateOnly()).as("publishedDateOnly").isEqualTo(expected.get("publishedDateOnly").asBoolean());
    for (JsonNode s : expected.get("textContains")) {
      assertThat(page.text()).as("text").contains(s.asText());
    }
    for (JsonNode s : expected.get("textExcludes")) {
      assertThat(page.text()).as("text").doesNotContain(s.asText());
    }
    if (expected.has("problemsContain")) {
      for (JsonNode s : expected.get("problemsContain")) {
        assertThat(page.problems()).anySatisfy(p -> assertThat(p).contains(s.asText()));
      }
    }
    assertThat(page.text()).doesNotContain("\n\n\n").doesNotStartWith(" ");
  }

  @Test
  void paragraphsAreSeparatedByABlankLine() throws Exception {
    ExtractedPage page = extractor.extract(
        Files.readString(fixtureDir().resolve("open-graph-only.html"), StandardCharsets.UTF_8), null);
    assertThat(page.text().split("\n\n")).hasSize(4);
    assertThat(page.excerpt()).isNotBlank();
  }

  @Test
  void hugeInputIsRefusedWithAProblemNotAnException() {
    HtmlArticleExtractor small = new HtmlArticleExtractor(1_000);
    String html = "<html><body>" + "<p>word </p>".repeat(500) + "</body></html>";

    ExtractedPage page = small.extract(html, null);

    assertThat(page.text()).isEmpty();
    assertThat(page.title()).isNull();
    assertThat(page.problems()).singleElement().asString().contains("refused").contains("limit of 1000");
    assertThat(small.extract(html.getBytes(StandardCharsets.UTF_8), null, null).problems()).isNotEmpty();
  }

  @Test
  void pagesWithTooManyElementsAreRefused() {
    String html = "<html><body>" + "<span>w</span>".repeat(HtmlArticleExtractor.MAX_ELEMENTS + 1) + "</body></html>";
    ExtractedPage page = extractor.extract(html, null);
    assertThat(page.text()).isEmpty();
    assertThat(page.problems()).singleElement().asString().contains("elements is more than the limit");
  }

  @Test
  void deeplyNestedUnclosedTagsDoNotOverflowTheStack() {
    for (String tag : List.of("div", "span", "table", "b", "font")) {
      String html = ("<" + tag + ">word ").repeat(5_000);
      ExtractedPage page = extractor.extract(html, null);
      assertThat(page.text()).as(tag).contains("word");
    }
  }

  @Test
  void defaultLimitIsTwentyMillionChars() {
    assertThat(HtmlArticleExtractor.DEFAULT_MAX_HTML_CHARS).isEqualTo(20_000_000);
  }

  @Test
  void koreanPageDeclaredUtf8ButEncodedAsEucKrIsCorrected() throws Exception {
    String korean = "북한이 미사일 생산을 늘리라고 지시했다고 조선중앙통신이 보도했다. ";
    String html = "<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>미사일 생산 확대 지시</title></head><body><article>"
        + ("<p>" + korean.repeat(6) + "</p>").repeat(4)
        + "</article></body></html>";
    byte[] bytes = html.getBytes(Charset.forName("EUC-KR"));

    ExtractedPage page = extractor.extract(bytes, null, null);

    assertThat(page.title()).isEqualTo("미사일 생산 확대 지시");
    assertThat(page.text()).contains("조선중앙통신이 보도했다");
    assertThat(page.problems()).anySatisfy(p -> assertThat(p).contains("does not fit"));
  }

  @Test
  void emptyAndTextlessPagesGiveEmptyTextAndAProblem() {
    ExtractedPage empty = extractor.extract("", null);
    assertThat(empty.text()).isEmpty();
    assertThat(empty.problems()).contains("no article text found");

    ExtractedPage onlyTags = extractor.extract("<div><span></span></div>", null);
    assertThat(onlyTags.text()).isEmpty();
  }

  @Test
  void neverFetchesOrFollowsReferences() {
    String html = "<html><head><link rel=stylesheet href=\"http://127.0.0.1:1/x.css\">"
        + "<script src=\"http://127.0.0.1:1/x.js\"></script></head><body>"
        + "<iframe src=\"http://127.0.0.1:1/\"></iframe><img src=\"http://127.0.0.1:1/i.png\">"
        + "<p>" + "A sentence of plain article text. ".repeat(30) + "</p></body></html>";
    ExtractedPage page = extractor.extract(html, "http://127.0.0.1:1/");
    assertThat(page.text()).startsWith("A sentence of plain article text.");
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    String html = Files.readString(fixtureDir().resolve("jsonld-date-with-plus-0900.html"), StandardCharsets.UTF_8);
    ExtractedPage reference = extractor.extract(html, BASE_URL);
    List<ExtractedPage> results = Stream.generate(() -> html).limit(32).parallel()
        .map(h -> extractor.extract(h, BASE_URL)).toList();
    assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(reference));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
