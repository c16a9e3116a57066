package org.watchfloor.parse.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Boilerplate that sits inside the article's own container, where Readability's container
 * scoring keeps it: each page here is written so that the old extractor kept the clutter.
 */
class BoilerplateTrimmerTest {
  private static final String URL = "https://news.example.org/2024/01/14/launch.html";
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  private static final String STORY =
      """
      <p>North Korea fired a solid-fuel missile into the sea off its east coast on Sunday morning, the
      military of the South said, the first such launch of the new year and a test of a new warhead.</p>
      <p>The missile flew about 1,000 kilometres before falling outside Japan's economic zone, according
      to officials in Tokyo, who said there were no reports of damage to ships or aircraft.</p>
      <p>Analysts said the flight profile, with a low apogee and a long glide, suggested a manoeuvring
      re-entry vehicle of the kind the state media had described in a report last autumn.</p>
      <p>The launch came two days after the North criticised joint drills of the South and the United
      States, calling them rehearsals for an invasion and warning of strong countermeasures.</p>
      """;

  private String text(String inside) {
    String html = "<html><head><title>Missile launched off east coast</title></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        + "<div id=\"main\"><div class=\"article-body\">" + STORY + inside + "</div></div>"
        + "</body></html>";
    String text = extractor.extract(html, URL).text();
    assertThat(text).as("the story itself stays").contains("first such launch of the new year",
        "no reports of damage", "manoeuvring re-entry vehicle", "strong countermeasures");
    return text;
  }

  @Test
  void relatedArticlesListOfLinksIntoTheSiteGoes() {
    String text = text("""
        <p><strong>Related:</strong> <a href="/2023/12/18/icbm.html">Hwasong-18 test draws condemnation</a></p>
        <ul>
          <li><a href="https://news.example.org/2023/11/22/satellite.html">Spy satellite reaches orbit, Pyongyang says</a></li>
          <li><a href="/2023/11/01/drills.html">Allies begin week of air drills</a></li>
          <li><a href="/2023/10/09/envoy.html">Envoy calls for talks without conditions</a></li>
        </ul>
        """);
    assertThat(text).doesNotContain("Hwasong-18 test draws condemnation", "Spy satellite reaches orbit",
        "Allies begin week of air drills", "Envoy calls for talks");
  }

  @Test
  void aLineOfLinksToOtherSitesIsTheArticlesSourcesAndStays() {
    String text = text("""
        <p><a href="https://www.mod.go.jp/statement-0114.pdf">Statement of the Japanese defence ministry</a></p>
        """);
    assertThat(text).contains("Statement of the Japanese defence ministry");
  }

  @Test
  void cookieAndSubscribeBlocksGo() {
    String text = text("""
        <div class="article-subscribe">Get the Korea desk briefing in your inbox every weekday morning.
          <a href="/newsletters">Sign up now</a></div>
        <div class="content-cookie-banner">We use cookies to measure our audience and show you offers.
          By continuing you accept them. <button>Accept all</button></div>
        """);
    assertThat(text).doesNotContain("Korea desk briefing", "We use cookies", "Accept all");
  }

  @Test
  void photoCaptionAndCreditGo() {
    String text = text("""
        <div class="inline-image">
          <img src="/img/launch.jpg" alt="">
          <div class="image-caption-text">A missile lifts off from a mobile launcher in an image released by state
            media on Monday; the location could not be verified.</div>
          <div class="photo-credit"><p>Photo: state media via a news service</p></div>
        </div>
        """);
    assertThat(text).doesNotContain("lifts off from a mobile launcher", "state media via a news service");
  }

  @Test
  void footerOfShortLinksGoes() {
    String text = text("""
        <p class="site-links"><a href="/about">About us</a> | <a href="/contact">Contact</a> |
          <a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a> |
          <a href="/jobs">Careers</a> | <a href="/ads">Advertise</a></p>
        """);
    assertThat(text).doesNotContain("Privacy policy", "Careers", "Advertise");
  }

  @Test
  void commentSectionGoes() {
    String text = text("""
        <section id="article-comments">
          <h3>3 comments</h3>
          <ol>
            <li><p><b>seoul_reader</b> wrote:</p>
              <p>Every year the same story and every year the same statements from the same ministries,
              nothing ever changes and nobody seems to have a plan for the next decade.</p></li>
            <li><p><b>kim_t</b> wrote:</p>
              <p>The glide phase is the interesting part, and I wish the article had said more about
              what the radars in the south actually saw during the last minutes.</p></li>
          </ol>
        </section>
        """);
    assertThat(text).doesNotContain("seoul_reader", "every year the same statements", "The glide phase is");
  }

  @Test
  void datelineAndBylineLinesGoButASentenceWithADateStays() {
    String html = "<html><head><title>Missile launched off east coast</title>"
        + "<meta name=\"author\" content=\"Jane Roe\"></head><body><div class=\"article-body\">"
        + "<p>By Jane Roe, Seoul bureau</p>"
        + "<p>Updated 11:05 KST, Sunday, January 14, 2024</p>"
        + STORY
        + "<p>The next session of the assembly opens on January 20, 2024.</p>"
        + "</div></body></html>";
    ExtractedPage page = extractor.extract(html, URL);
    assertThat(page.text()).doesNotContain("Seoul bureau", "Updated 11:05")
        .contains("first such launch", "opens on January 20, 2024.");
    assertThat(page.byline()).isEqualTo("Jane Roe");
  }

  @Test
  void aTrimmedDateLineStillDatesThePage() {
    String html = "<html><head><title>Missile launched off east coast</title></head><body>"
        + "<div class=\"article-body\"><p>Posted 09:30, January 14, 2024</p>" + STORY + "</div></body></html>";
    ExtractedPage page = extractor.extract(html, URL);
    assertThat(page.text()).doesNotContain("Posted 09:30");
    assertThat(page.publishedTime()).isNotNull();
    assertThat(page.publishedTime().toLocalDate()).hasToString("2024-01-14");
  }

  @Test
  void aWireDatelineLeadingIntoTheStoryStays() {
    // Later stages read the day and the wire's credit from the start of the text.
    String html = "<html><head><title>Missile launched off east coast</title>"
        + "<meta name=\"author\" content=\"Desk staff\"></head><body><div class=\"article-body\">"
        + "<p class=\"dateline\">SEOUL, Jan. 14 (Eastwire) --</p>" + STORY + "</div></body></html>";
    assertThat(extractor.extract(html, URL).text()).startsWith("SEOUL, Jan. 14 (Eastwire) --");
  }

  @Test
  void aNameOnTheArticlesOwnWrapperDoesNotRemoveTheArticle() {
    // "commentary" holds "comment": the wrapper holding most of the text is the article itself.
    String html = "<html><head><title>Missile launched off east coast</title></head><body>"
        + "<div class=\"commentary-body\">" + STORY + "</div></body></html>";
    assertThat(extractor.extract(html, URL).text()).contains("first such launch", "strong countermeasures");
  }
}
