package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.watchfloor.alert.AlertSettings;
import org.watchfloor.alert.Decider;
import org.watchfloor.alert.RuleBuilder;
import org.watchfloor.alert.Tokens;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.SampleCorpus;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.pipeline.Reprocessor;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.auth.Accounts;
import org.watchfloor.store.Store;

/**
 * End to end in Debian's Chromium, headless: the sample corpus ingested into a fresh store,
 * then the timeline, an event with conflicting claims, an article with hostile text, a search
 * and the chart, as an analyst would click through them; last, an analyst's merge and reject
 * through the event page, the merge surviving a re-processing and a re-ingest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserIT {

  static final String PASSWORD = "correct horse battery";
  @TempDir static Path tmp;
  static Store store;
  static Workbench workbench;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    store = SampleStore.create(tmp);
    try (Accounts accounts = Accounts.beside(store)) {
      accounts.add("ana", PASSWORD.toCharArray());
    }
    workbench = Workbench.over(store).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + workbench.port();
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (workbench != null) {
      workbench.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  /**
   * Waits up to 20 s; an element replaced while it is being read (the page reloading after a form
   * post) is looked up again rather than failing the wait.
   */
  private static WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  @Test
  @Order(1)
  void analystClicksThroughTimelineEventSearchAndChart() throws Exception {
    browser.get(base + "/");
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.event-row"));
    assertThat(rows).hasSizeGreaterThan(3);

    // Open an event whose outlets disagree: its claims stand side by side, the conflict marked.
    WebElement conflicted = browser.findElement(By.cssSelector("tr.conflict-row a.event-link"));
    conflicted.click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reports")));
    WebElement field = browser.findElement(By.cssSelector("section.field.conflict"));
    List<WebElement> values = field.findElements(By.cssSelector(".claim"));
    assertThat(values).hasSizeGreaterThanOrEqualTo(2);
    assertThat(values.get(0).getText()).isNotEqualTo(values.get(1).getText());
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(shots.resolve("workbench-event-conflict.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // The hostile article: its title shows as text, no script ran.
    browser.get(base + "/search?q=" + java.net.URLEncoder.encode("outlet:hostile", java.nio.charset.StandardCharsets.UTF_8));
    browser.findElement(By.cssSelector("#hits li.hit a")).click();
    WebElement title = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("article-title")));
    assertThat(title.getText()).contains("<script>alert('title')</script>");
    assertThat(browser.findElements(By.cssSelector("#article-title img, #article-text script"))).isEmpty();

    // Search from the header box.
    browser.get(base + "/");
    WebElement box = browser.findElement(By.cssSelector("header input[name=q]"));
    box.sendKeys("hwasong");
    box.submit();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("hit-count")));
    assertThat(browser.findElements(By.cssSelector("#hits li.hit"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#hits mark"))).isNotEmpty();

    // The chart, drawn by ECharts served from the jar.
    browser.findElement(By.id("nav-charts")).click();
    waiting().until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("chart")), "data-rendered"));
    assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
    // hovering over the bars shows their tooltip, which must not write styles the CSP refuses
    WebElement chart = browser.findElement(By.id("chart"));
    org.openqa.selenium.interactions.Actions hover = new org.openqa.selenium.interactions.Actions(browser);
    for (int x = -chart.getSize().getWidth() / 2 + 50; x < chart.getSize().getWidth() / 2 - 30; x += 40) {
      hover.moveToElement(chart, x, 20).pause(Duration.ofMillis(40));
    }
    hover.perform();
    // then onto a month with launches: its tooltip shows, drawn on the canvas (ECharts' rich text:
    // no element, no style attribute), a line a missile with its count apart from the name
    // ("Hwasong-18: 1", never "Hwasong-181")
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    @SuppressWarnings("unchecked")
    List<Object> bar = (List<Object>) js.executeScript("""
        var c = echarts.getInstanceByDom(document.getElementById('chart'));
        var s = c.getOption().series[0];
        for (var i = 0; i < s.data.length; i++) {
          if (s.data[i] > 0) {
            var p = c.convertToPixel({ seriesIndex: 0 }, [i, s.data[i] / 2]);
            return [p[0], p[1]];
          }
        }
        return null;""");
    assertThat(bar).as("a bar in the launch chart").isNotNull();
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(chart,
        (int) Math.round(((Number) bar.get(0)).doubleValue()) - chart.getSize().getWidth() / 2,
        (int) Math.round(((Number) bar.get(1)).doubleValue()) - chart.getSize().getHeight() / 2)
        .pause(Duration.ofMillis(200)).perform();
    @SuppressWarnings("unchecked")
    List<String> tips = (List<String>) js.executeScript("""
        var zr = echarts.getInstanceByDom(document.getElementById('chart')).getZr();
        return zr.storage.getRoots().filter(function (el) {
          return el.type === 'text' && !el.invisible && typeof el.style.text === 'string';
        }).map(function (el) { return el.style.text; });""");
    assertThat(tips).as("the tooltip of the bar hovered").singleElement().satisfies(tip -> {
      List<String> lines = List.of(tip.split("\n"));
      assertThat(lines).hasSizeGreaterThan(1);
      assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches(".*\\S: [1-9]\\d*"));
    });
    Path shot = Path.of("target", "screenshots", "workbench-chart.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    browser.get(base + "/");
    Files.write(shot.resolveSibling("workbench-timeline.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // Nothing the pages do offends the Content-Security-Policy.
    List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
    assertThat(violations).isEmpty();
  }

  @Test
  @Order(2)
  void eachSideOfAConflictLinksToItsSentenceHighlightedInTheArticle() throws Exception {
    browser.get(base + "/");
    browser.findElement(By.cssSelector("tr.conflict-row a.event-link")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reports")));
    // the origin chain of each report: its primary source first, then the wire and the outlet
    assertThat(browser.findElements(By.cssSelector("#reports td.origin-chain"))).allSatisfy(td ->
        assertThat(td.getText()).isNotBlank());
    List<WebElement> sides = browser.findElements(By.cssSelector("section.field.conflict .claim"));
    assertThat(sides).hasSizeGreaterThanOrEqualTo(2);
    String eventUrl = browser.getCurrentUrl();
    for (int i = 0; i < 2; i++) {
      browser.get(eventUrl);
      WebElement side = browser.findElements(By.cssSelector("section.field.conflict .claim")).get(i);
      String sentence = side.findElement(By.cssSelector("li .evidence")).getText();
      WebElement link = side.findElement(By.cssSelector("li a.claim-link"));
      assertThat(link.getDomAttribute("href")).contains("#sentence");
      link.click();
      WebElement highlighted = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sentence")));
      // the sentence the event page quoted is the one the reader marks, and it is the target
      assertThat(highlighted.getTagName()).isEqualTo("mark");
      assertThat(highlighted.getDomAttribute("class")).contains("claim-sentence");
      assertThat(highlighted.getText()).isEqualTo(sentence);
      assertThat(browser.getCurrentUrl()).endsWith("#sentence");
      Path shots = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(shots.resolve("workbench-conflict-sentence-" + i + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
    List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
    assertThat(violations).isEmpty();
  }

  @Test
  @Order(3)
  void analystLogsInOpensAnEntityAndNarrowsASearchByFacet() throws Exception {
    browser.get(base + "/login");
    browser.findElement(By.name("name")).sendKeys("ana");
    browser.findElement(By.name("password")).sendKeys("not the password");
    browser.findElement(By.id("login-submit")).click();
    assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-error"))).getText())
        .contains("wrong name or password");
    browser.findElement(By.name("name")).sendKeys("ana");
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    // the header's badge, loaded by htmx, names the analyst
    assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("analyst"))).getText()).isEqualTo("ana");
    assertThat(browser.manage().getCookieNamed("wf_session").isHttpOnly()).isTrue();

    // An entity linked from the timeline: its aliases, its events and its chart.
    browser.findElement(By.cssSelector("tr.event-row a.entity-link")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("entity-name")));
    assertThat(browser.findElements(By.cssSelector("#entity-events tbody tr"))).isNotEmpty();
    waiting().until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("chart")), "data-rendered"));
    assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(shots.resolve("workbench-entity.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // Search facets with counts; a click narrows the hits to the outlet's count.
    browser.get(base + "/search?q=missile");
    String before = browser.findElement(By.id("hit-count")).getText();
    WebElement outlet = browser.findElement(By.cssSelector("section[data-facet=outlet] li"));
    String count = outlet.findElement(By.cssSelector(".count")).getText();
    outlet.findElement(By.cssSelector("a.facet-value")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.facet-value.selected")));
    assertThat(browser.findElement(By.id("hit-count")).getText()).isEqualTo(count + " hits").isNotEqualTo(before);
    Files.write(shots.resolve("workbench-search-facets.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // Search pages: the next page shows the next hits, and leads back.
    browser.get(base + "/search?q=missile&limit=5");
    List<String> first = browser.findElements(By.cssSelector("#hits li.hit a")).stream().map(a -> a.getAttribute("href")).toList();
    assertThat(first).hasSize(5);
    assertThat(browser.findElements(By.id("previous-page"))).isEmpty();
    browser.findElement(By.id("next-page")).click();
    waiting().until(ExpectedConditions.urlContains("offset=5"));
    assertThat(browser.findElement(By.id("hit-count")).getText()).contains("6–");
    List<String> second = browser.findElements(By.cssSelector("#hits li.hit a")).stream().map(a -> a.getAttribute("href")).toList();
    assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
    browser.findElement(By.id("previous-page")).click();
    waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("offset=")));
    assertThat(browser.findElements(By.cssSelector("#hits li.hit a")).stream().map(a -> a.getAttribute("href")).toList())
        .isEqualTo(first);

    // Logging out, through the header's form with its CSRF token.
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-link")));
    assertThat(browser.findElements(By.id("analyst"))).isEmpty();

    List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
    assertThat(violations).isEmpty();
  }

  /** The article ids of the reports the open event page lists. */
  private static Set<String> reportArticles() {
    Set<String> out = new TreeSet<>();
    for (WebElement a : browser.findElements(By.cssSelector("#reports tbody a[href^='/articles/']"))) {
      out.add(a.getDomAttribute("href").substring("/articles/".length()));
    }
    return out;
  }

  private static List<String> timelineIds() {
    return browser.findElements(By.cssSelector("tr.event-row")).stream().map(r -> r.getDomAttribute("data-id")).toList();
  }

  @Test
  @Order(4)
  void analystMergesTwoEventsThatStayMergedThroughReprocessingAndReingestAndRejectsOne() throws Exception {
    browser.get(base + "/login");
    browser.findElement(By.name("name")).sendKeys("ana");
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("analyst")));

    // Two events of one type from the timeline: the later one survives, the other is merged in.
    browser.get(base + "/?limit=500");
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.event-row"));
    String survivor = null;
    String other = null;
    for (int i = 0; i < rows.size() && other == null; i++) {
      for (int j = i + 1; j < rows.size() && other == null; j++) {
        String ti = rows.get(i).findElements(By.tagName("td")).get(1).getText();
        if (ti.equals(rows.get(j).findElements(By.tagName("td")).get(1).getText())) {
          survivor = rows.get(i).getDomAttribute("data-id");
          other = rows.get(j).getDomAttribute("data-id");
        }
      }
    }
    assertThat(other).as("two events of one type on the timeline").isNotNull();
    browser.get(base + "/events/" + other);
    Set<String> expected = new TreeSet<>(reportArticles());
    browser.get(base + "/events/" + survivor);
    expected.addAll(reportArticles());
    assertThat(browser.findElement(By.id("status")).getDomAttribute("data-status")).isEqualTo("open");

    browser.findElement(By.id("merge-other")).sendKeys(other);
    browser.findElement(By.cssSelector("#merge-form input[name=note]")).sendKeys("one launch, reported twice");
    browser.findElement(By.id("merge")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#edit-history li[data-kind=merge]")));
    assertThat(browser.getCurrentUrl()).contains("/events/" + survivor);
    assertThat(reportArticles()).isEqualTo(expected);
    WebElement merged = browser.findElement(By.cssSelector("#edit-history li[data-kind=merge]"));
    assertThat(merged.getText()).contains("ana", other, "applied", "one launch, reported twice");
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    new org.openqa.selenium.interactions.Actions(browser).scrollToElement(browser.findElement(By.id("merge-form"))).perform();
    Files.write(shots.resolve("workbench-merge.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // Re-process everything from the stored bytes (watchfloor reprocess), then ingest the corpus again.
    Extractor extractor = new Extractor(WatchProfile.load("dprk"));
    new Reprocessor(store, extractor).run(50, new Reprocessor.Listener() {});
    new Pipeline(store, extractor, new Pipeline.Listener() {}).ingest(List.of(SampleCorpus.articles()));
    store.syncIndex();

    browser.navigate().refresh();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reports")));
    assertThat(browser.getCurrentUrl()).endsWith("/events/" + survivor + "#edits");
    assertThat(reportArticles()).isEqualTo(expected);
    assertThat(browser.findElement(By.cssSelector("#edit-history li[data-kind=merge]")).getText()).contains(other, "applied");
    browser.get(base + "/events/" + other);
    assertThat(browser.getCurrentUrl()).endsWith("/events/" + survivor);
    browser.get(base + "/?limit=500");
    assertThat(timelineIds()).contains(survivor).doesNotContain(other);

    // Reject another event: it leaves the timeline, and comes back, marked, when asked for.
    String kept = survivor;
    String rejected = timelineIds().stream().filter(id -> !id.equals(kept)).findFirst().orElseThrow();
    browser.get(base + "/events/" + rejected);
    browser.findElement(By.cssSelector("#reject-form input[name=note]")).sendKeys("an exercise, not a launch");
    browser.findElement(By.id("reject")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "rejected"));
    browser.findElement(By.id("nav-timeline")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("include-rejected")));
    assertThat(timelineIds()).isNotEmpty().doesNotContain(rejected);
    browser.findElement(By.id("include-rejected")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.status-rejected")));
    assertThat(browser.findElement(By.cssSelector("tr.status-rejected")).getDomAttribute("data-id")).isEqualTo(rejected);
    Files.write(shots.resolve("workbench-rejected.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
    assertThat(violations).isEmpty();
  }

  @Test
  @Order(5)
  void analystOpensTheAlertsPageFromTheHeaderAndSeesTheRulesAndTheirAlerts() throws Exception {
    RuleBuilder.Made made = new RuleBuilder(WatchProfile.load("dprk"), AlertSettings.defaults(), java.time.Clock.systemUTC())
        .build(new RuleBuilder.Draft("icbm-news", List.of("missile_launch"), List.of("ICBM"), List.of(), List.of(), 2, 0,
            false, false, null, List.of(), null, List.of(), List.of()));
    int decided = store.inTransaction(() -> {
      store.alerts().insertRule(made.rule(), Tokens.digest(made.feedToken()));
      return new Decider(store).decide(store.events().list(null, 0).stream().map(e -> e.id()).toList(), null).size();
    });
    assertThat(decided).isPositive();
    loggedIn();
    browser.findElement(By.id("nav-alerts")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("alert-rules")));
    assertThat(browser.findElement(By.id("rule-icbm-news")).getText())
        .contains("icbm-news", "missile_launch; weapons ICBM", "2+ independent origins", "the Atom feed only");
    List<WebElement> latest = browser.findElements(By.cssSelector("#latest-alerts tbody tr"));
    assertThat(latest).hasSize(decided);
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(shots.resolve("workbench-alerts.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    latest.get(0).findElement(By.tagName("a")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reports")));
    assertThat(browser.getCurrentUrl()).contains("/events/e");
  }

  /** Logs in as ana unless the browser's session is hers already. */
  private static void loggedIn() {
    browser.get(base + "/");
    if (browser.findElements(By.id("analyst")).isEmpty()) {
      browser.get(base + "/login");
      browser.findElement(By.name("name")).sendKeys("ana");
      browser.findElement(By.name("password")).sendKeys(PASSWORD);
      browser.findElement(By.id("login-submit")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("analyst")));
    }
  }

  @Test
  @Order(10)
  void theConsoleTheTestsReadReportsWhatTheCspRefuses() throws Exception {
    // the control of every "no CSP violation" above: an inline style written the way ECharts' HTML
    // tooltip writes one is refused, and the refusal reaches the console the tests read
    browser.get(base + "/charts");
    cspViolations();
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "var d = document.createElement('div'); d.innerHTML = '<span style=\"color: red\">Hwasong-18</span>';"
            + " document.body.appendChild(d);");
    waiting().until(d -> !cspViolations().isEmpty());
  }

  /** The messages of the browser's console since the last read that report a CSP violation. */
  private static List<String> cspViolations() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
  }

  private static int eventCount() {
    String text = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("event-count"))).getText();
    return Integer.parseInt(text.replace(" events", ""));
  }

  @Test
  @Order(5)
  void theTimelineShowsTheNewsFirstAndBadgesBackgroundAndPlannedEventsWhenAskedFor() throws Exception {
    cspViolations();
    browser.get(base + "/?limit=500");
    int news = eventCount();
    assertThat(browser.findElements(By.cssSelector("tr.event-row"))).hasSize(news);
    assertThat(browser.findElements(By.cssSelector(".badge-background, .badge-planned, tr.background-row, tr.planned-row")))
        .isEmpty();
    // every row has a readable title and its confidence
    for (WebElement row : browser.findElements(By.cssSelector("tr.event-row"))) {
      assertThat(row.findElement(By.cssSelector("a.event-title")).getText()).isNotBlank().doesNotContain("_");
      assertThat(row.findElement(By.cssSelector("td.confidence")).getText()).matches("\\d{1,3}%");
    }

    // background-only events, alone: each badged; the filter goes into the address
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-background"))).selectByValue("only");
    waiting().until(ExpectedConditions.urlContains("background=only"));
    waiting().until(d -> !d.findElements(By.cssSelector("tr.background-row")).isEmpty());
    List<WebElement> background = browser.findElements(By.cssSelector("tr.event-row"));
    assertThat(background).isNotEmpty().allMatch(r -> !r.findElements(By.cssSelector(".badge-background")).isEmpty());
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(shots.resolve("workbench-timeline-background.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // planned events, alone, background ones shown among them
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-background"))).selectByValue("show");
    waiting().until(ExpectedConditions.urlContains("background=show"));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-planned"))).selectByValue("only");
    waiting().until(ExpectedConditions.urlContains("planned=only"));
    waiting().until(d -> !d.findElements(By.cssSelector("tr.planned-row")).isEmpty()
        && d.findElements(By.cssSelector("tr.event-row:not(.planned-row)")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("tr.event-row")))
        .allMatch(r -> r.findElement(By.cssSelector(".badge-planned")).getText().equalsIgnoreCase("planned"));

    // everything: more than the news
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-planned"))).selectByValue("show");
    waiting().until(ExpectedConditions.urlContains("planned=show"));
    waiting().until(d -> !d.findElements(By.cssSelector("tr.background-row")).isEmpty()
        && !d.findElements(By.cssSelector("tr.planned-row")).isEmpty());
    assertThat(eventCount()).isGreaterThan(news);
    assertThat(cspViolations()).isEmpty();
  }

  @Test
  @Order(6)
  void aBarOfTheEventsByTypeChartOpensTheTimelineOfTheEventsItCounts() throws Exception {
    cspViolations();
    browser.get(base + "/charts");
    WebElement chart = browser.findElement(By.id("type-chart"));
    waiting().until(ExpectedConditions.attributeToBeNotEmpty(chart, "data-rendered"));
    assertThat(browser.findElements(By.cssSelector("#type-chart canvas"))).isNotEmpty();
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
    // where a bar of the bottom series stands: half way up its month's bar
    @SuppressWarnings("unchecked")
    List<Object> bar = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
        var c = echarts.getInstanceByDom(document.getElementById('type-chart'));
        var o = c.getOption();
        var s = o.series[0];
        for (var i = 0; i < s.data.length; i++) {
          if (s.data[i] > 0) {
            var p = c.convertToPixel({ seriesIndex: 0 }, [i, s.data[i] / 2]);
            return [p[0], p[1], s.id, o.xAxis[0].data[i], s.data[i]];
          }
        }
        return null;""");
    assertThat(bar).as("a bar in the chart").isNotNull();
    int x = (int) Math.round(((Number) bar.get(0)).doubleValue()) - chart.getSize().getWidth() / 2;
    int y = (int) Math.round(((Number) bar.get(1)).doubleValue()) - chart.getSize().getHeight() / 2;
    String type = (String) bar.get(2);
    String month = (String) bar.get(3);
    int count = ((Number) bar.get(4)).intValue();
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(chart, x, y).pause(Duration.ofMillis(200)).perform();
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(shots.resolve("workbench-type-chart.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(chart, x, y).click().perform();
    waiting().until(ExpectedConditions.urlContains("month=" + month));
    assertThat(browser.getCurrentUrl()).contains("type=" + type);
    assertThat(eventCount()).isEqualTo(count);
    assertThat(browser.findElements(By.cssSelector("tr.event-row"))).hasSize(count)
        .allMatch(r -> type.equals(r.getDomAttribute("data-type")));
    assertThat(cspViolations()).isEmpty();
  }

  @Test
  @Order(7)
  void theApiReferenceTheArticleBrowserAndTheIconWorkUnderTheCsp() throws Exception {
    cspViolations();
    browser.get(base + "/api-docs");
    waiting().until(ExpectedConditions.attributeToBe(By.id("swagger-ui"), "data-rendered", "true"));
    waiting().until(d -> !d.findElements(By.cssSelector("#swagger-ui .opblock")).isEmpty());
    assertThat(browser.findElement(By.id("swagger-ui")).getText()).contains("/events", "/stats/events-per-month");
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(shots.resolve("workbench-api-docs.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(cspViolations()).isEmpty();

    browser.findElement(By.id("nav-articles")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("articles")));
    WebElement folded = browser.findElement(By.cssSelector("details.copies"));
    assertThat(folded.findElement(By.cssSelector("li.copy")).isDisplayed()).isFalse();
    folded.findElement(By.tagName("summary")).click();
    assertThat(folded.findElement(By.cssSelector("li.copy")).isDisplayed()).isTrue();

    Object icon = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
        var done = arguments[arguments.length - 1];
        fetch(document.querySelector('link[rel=icon]').href).then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); });""");
    assertThat(icon).isEqualTo("200 image/svg+xml");
    assertThat(cspViolations()).isEmpty();
  }

  @Test
  @Order(8)
  void thePagesFitA420PixelScreen() throws Exception {
    cspViolations();
    org.openqa.selenium.Dimension before = browser.manage().window().getSize();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
    try {
      org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
      assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isLessThanOrEqualTo(420);
      String event = null;
      Path shots = Files.createDirectories(Path.of("target", "screenshots"));
      for (String page : List.of("/", "/charts", "/articles", "/search?q=missile", "/entities", "/api-docs", "EVENT")) {
        if (page.equals("EVENT")) {
          page = "/events/" + event;
        }
        browser.get(base + page);
        if (page.equals("/")) {
          event = browser.findElement(By.cssSelector("tr.event-row")).getDomAttribute("data-id");
          // the rows are cards: no header row, each cell names its column
          assertThat(browser.findElement(By.cssSelector("table.timeline thead")).isDisplayed()).isFalse();
          Files.write(shots.resolve("workbench-timeline-420.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
        if (page.equals("/api-docs")) {
          waiting().until(d -> !d.findElements(By.cssSelector("#swagger-ui .opblock")).isEmpty());
        }
        Number overflow = (Number) js.executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("the page %s scrolls sideways by", page).isLessThanOrEqualTo(0);
      }
    } finally {
      browser.manage().window().setSize(before);
    }
    assertThat(cspViolations()).isEmpty();
  }

  @Test
  @Order(9)
  void analystAddsChangesAndRemovesARuleOnTheAlertsPage() throws Exception {
    cspViolations();
    loggedIn();
    browser.findElement(By.id("nav-alerts")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("rule-form")));

    // A type the watch profile does not know: the page says so, the form keeps what was typed.
    browser.findElement(By.id("rule-name")).sendKeys("watch-icbm");
    browser.findElement(By.id("rule-types")).sendKeys("launch");
    browser.findElement(By.id("rule-weapons")).sendKeys("ICBM");
    browser.findElement(By.id("rule-digests")).sendKeys("ana@example.org");
    browser.findElement(By.id("rule-submit")).click();
    WebElement problems = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("rule-problems")));
    assertThat(problems.getText()).startsWith("unknown event type 'launch' (the dprk profile has: missile_launch,");
    assertThat(browser.findElement(By.id("rule-weapons")).getDomProperty("value")).isEqualTo("ICBM");
    assertThat(browser.findElements(By.id("rule-watch-icbm"))).isEmpty();

    WebElement types = browser.findElement(By.id("rule-types"));
    types.clear();
    types.sendKeys("missile_launch");
    browser.findElement(By.id("rule-submit")).click();
    WebElement notice = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("rule-notice")));
    assertThat(notice.getText()).contains("Added alert rule watch-icbm: missile_launch; weapons ICBM");
    assertThat(browser.findElement(By.id("feed-url")).getText()).contains("/alerts/watch-icbm.atom?token=feed_");
    assertThat(browser.findElement(By.id("rule-watch-icbm")).getText())
        .contains("1+ independent origin", "daily digest ana@example.org: 0 sent");
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(shots.resolve("workbench-alert-added.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // Edit it: the form comes filled with the rule; a second origin is asked for.
    browser.findElement(By.id("edit-watch-icbm")).click();
    waiting().until(ExpectedConditions.textToBe(By.cssSelector("#rule-form h2"), "Change rule watch-icbm"));
    assertThat(browser.findElement(By.id("rule-types")).getDomProperty("value")).isEqualTo("missile_launch");
    assertThat(browser.findElement(By.id("rule-digests")).getDomProperty("value")).isEqualTo("ana@example.org");
    assertThat(browser.findElement(By.id("rule-on-new")).isSelected()).isTrue();
    WebElement origins = browser.findElement(By.id("rule-min-origins"));
    origins.clear();
    origins.sendKeys("2");
    browser.findElement(By.id("rule-on-corroborated")).click();
    browser.findElement(By.id("rule-submit")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-notice"), "Changed alert rule watch-icbm"));
    assertThat(browser.findElement(By.id("rule-watch-icbm")).getText())
        .contains("2+ independent origins", "on new,corroborated");
    assertThat(store.inTransaction(() -> store.alerts().rule("watch-icbm")).orElseThrow().minOrigins()).isEqualTo(2);

    // Remove it.
    browser.findElement(By.id("remove-watch-icbm")).click();
    waiting().until(ExpectedConditions.numberOfElementsToBe(By.id("rule-watch-icbm"), 0));
    assertThat(store.inTransaction(() -> store.alerts().rule("watch-icbm"))).isEmpty();
    assertThat(cspViolations()).isEmpty();
  }
}
