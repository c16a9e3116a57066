package org.watchfloor.eval.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.watchfloor.parse.html.DateParser;
import org.watchfloor.parse.html.ExtractedPage;
import org.watchfloor.parse.html.HtmlArticleExtractor;
import org.watchfloor.parse.html.ParsedDate;

/**
 * Runs an extraction method over a directory of page folders ({@code source.html},
 * {@code expected.html}, {@code expected-metadata.json}) and scores it: token-level precision,
 * recall and F1 of the body against the visible text of {@code expected.html}; exact title,
 * byline and language; published time to the minute where one is expected; pages per second of
 * extraction alone.
 */
public final class ExtractEvaluation {
  /** The extraction methods that can be measured, each named on the command line by {@link #label()}. */
  public enum Method {
    /** {@link HtmlArticleExtractor}. */
    EXTRACTOR,
    /** Every {@code <p>}'s text: the naive baseline. */
    PARAGRAPHS,
    /** {@code net.dankito.readability4j}'s {@code Readability4J}. */
    READABILITY4J,
    /** {@code net.dankito.readability4j}'s {@code Readability4JExtended}. */
    READABILITY4J_EXTENDED;

    private static final HtmlArticleExtractor EXTRACTOR_INSTANCE = new HtmlArticleExtractor();

    /** The name used by {@code --method} and in reports, e.g. {@code readability4j-extended}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The method with this {@link #label()}, or empty. */
    public static java.util.Optional<Method> byLabel(String label) {
      return java.util.Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst();
    }

    /** Extracts one page's bytes as if served from {@link #BASE_URL}; thread-safe. */
    public ExtractedPage extract(byte[] source) {
      return extract(source, BASE_URL);
    }

    /** Extracts one page's bytes as served from {@code url}; thread-safe. */
    public ExtractedPage extract(byte[] source, String url) {
      return switch (this) {
        case EXTRACTOR -> EXTRACTOR_INSTANCE.extract(source, null, url);
        case PARAGRAPHS -> ParagraphBaseline.extract(new String(source, StandardCharsets.UTF_8));
        case READABILITY4J -> Readability4jBaseline.extract(source, url, false);
        case READABILITY4J_EXTENDED -> Readability4jBaseline.extract(source, url, true);
      };
    }
  }

  /** The base URL the pages are taken to come from; only used to resolve links. */
  public static final String BASE_URL = "http://fakehost/test/page.html";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Scores {@code method} on every page folder under {@code pagesDir}.
   *
   * @param repeat how many times to run the extraction; the fastest pass gives pages per second
   * @throws UncheckedIOException when a page cannot be read
   */
  public ExtractReport evaluate(Path pagesDir, Method method, int repeat) {
    Objects.requireNonNull(pagesDir, "pagesDir");
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
    }
    List<Path> folders = pageFolders(pagesDir);
    List<byte[]> sources = new ArrayList<>();
    for (Path folder : folders) {
      sources.add(read(folder.resolve("source.html")));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
    long bestNanos = Long.MAX_VALUE;
    long bestCpuNanos = Long.MAX_VALUE;
    List<ExtractedPage> extracted = List.of();
    long[] perPage = new long[folders.size()];
    for (int pass = 0; pass < repeat; pass++) {
      List<ExtractedPage> results = new ArrayList<>();
      long total = 0;
      long cpuStart = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
      for (int i = 0; i < sources.size(); i++) {
        long start = System.nanoTime();
        ExtractedPage page = method.extract(sources.get(i));
        long took = System.nanoTime() - start;
        results.add(page);
        perPage[i] = took;
        total += took;
      }
      long cpu = cpuTime ? threads.getCurrentThreadCpuTime() - cpuStart : 0;
      bestCpuNanos = Math.min(bestCpuNanos, cpu);
      if (total < bestNanos) {
        bestNanos = total;
        extracted = results;
      }
    }
    List<PageScore> scores = new ArrayList<>();
    for (int i = 0; i < folders.size(); i++) {
      scores.add(score(folders.get(i), extracted.get(i), perPage[i]));
    }
    double perSecond = bestNanos == 0 ? 0 : folders.size() / (bestNanos / 1e9);
    double perCpuSecond = bestCpuNanos <= 0 ? 0 : folders.size() / (bestCpuNanos / 1e9);
    return new ExtractReport(method.label(), scores, perSecond, perCpuSecond);
  }

  /** Page folders: subdirectories holding a {@code source.html}, sorted by name. */
  static List<Path> pageFolders(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(p -> Files.isRegularFile(p.resolve("source.html")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list pages (source=" + dir + ")", e);
    }
  }

  private static PageScore score(Path folder, ExtractedPage page, long nanos) {
    String expectedText = Jsoup.parse(new String(read(folder.resolve("expected.html")),
        StandardCharsets.UTF_8)).text();
    Map<String, Integer> expected = Tokens.bag(expectedText);
    Map<String, Integer> actual = Tokens.bag(page.text());
    int overlap = Tokens.overlap(expected, actual);
    int expectedSize = Tokens.size(expected);
    int actualSize = Tokens.size(actual);
    double precision = actualSize == 0 ? (expectedSize == 0 ? 1 : 0) : (double) overlap / actualSize;
    double recall = expectedSize == 0 ? (actualSize == 0 ? 1 : 0) : (double) overlap / expectedSize;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    JsonNode meta = readMetadata(folder.resolve("expected-metadata.json"));
    boolean title = sameText(text(meta, "title"), page.title());
    boolean byline = sameText(text(meta, "byline"), page.byline());
    String expectedLang = text(meta, "lang");
    boolean lang = expectedLang == null ? page.language() == null
        : page.language() != null && expectedLang.strip().equalsIgnoreCase(page.language().strip());
    Boolean published = null;
    ParsedDate expectedDate = DateParser.parse(text(meta, "publishedTime"));
    if (expectedDate != null) {
      published = page.publishedTime() != null
          && expectedDate.time().toInstant().truncatedTo(ChronoUnit.MINUTES)
              .equals(page.publishedTime().toInstant().truncatedTo(ChronoUnit.MINUTES));
    }
    return new PageScore(folder.getFileName().toString(), precision, recall, f1, title, byline, lang, published,
        nanos, page.problems());
  }

  private static boolean sameText(@Nullable String expected, @Nullable String actual) {
    String e = normalize(expected);
    String a = normalize(actual);
    return e == null ? a == null : e.equals(a);
  }

  private static @Nullable String normalize(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String n = s.replaceAll("\\s+", " ").strip();
    return n.isEmpty() ? null : n;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private static JsonNode readMetadata(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read expected metadata (source=" + path + ")", e);
    }
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read page (source=" + path + ")", e);
    }
  }
}
