package org.watchfloor.eval.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.watchfloor.parse.html.ExtractedPage;
import org.watchfloor.parse.html.Sites;

/**
 * Runs an extraction method over a main-content benchmark laid out as {@code ground-truth.json}
 * (page name to {@code url} and checked {@code articleBody}) beside {@code pages/NAME.html}, and
 * scores it with {@link Shingles} (each page extracted as served from its {@code url}, which only
 * resolves and classifies its links): precision and recall per page, averaged over the pages where
 * each is defined, F1 from the two means.
 *
 * <p>Pages are grouped by site ({@link Sites#of} their URL)
 * and the sites split into two halves, A and B, by a hash of their name, so that a rule tuned on
 * the pages of one half can be scored on sites it never saw.
 */
public final class HtmlBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Which half of the sites a page belongs to. */
  public enum Half {
    A,
    B
  }

  /**
   * One page's result.
   *
   * @param name the page's name in the ground truth
   * @param site the site it comes from
   * @param half the half of the sites its site falls in
   * @param counts its shingle counts
   * @param extractNanos the fastest extraction of it over the passes
   * @param text what was extracted
   */
  public record Page(String name, String site, Half half, Shingles.Counts counts, long extractNanos, String text) {
    public Page {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(site, "site");
      Objects.requireNonNull(half, "half");
      Objects.requireNonNull(counts, "counts");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Scores over a set of pages.
   *
   * @param pages how many pages
   * @param precision mean precision over the pages where something was extracted
   * @param recall mean recall over the pages where something was expected
   * @param f1 harmonic mean of the two means
   * @param millisPerPage mean extraction time per page (the fastest pass of each page)
   */
  public record Score(int pages, double precision, double recall, double f1, double millisPerPage) {}

  /** The whole run: every page in name order. */
  public record Report(String method, List<Page> pages) {
    public Report {
      Objects.requireNonNull(method, "method");
      pages = List.copyOf(pages);
    }

    /** The score over all pages. */
    public Score all() {
      return score(pages);
    }

    /** The score over the pages of one half of the sites. */
    public Score half(Half half) {
      return score(pages.stream().filter(p -> p.half() == half).toList());
    }

    /** How many distinct sites the pages come from. */
    public int sites() {
      return (int) pages.stream().map(Page::site).distinct().count();
    }

    private static Score score(List<Page> subset) {
      double precision = subset.stream().map(Page::counts).filter(Shingles.Counts::hasPrecision)
          .mapToDouble(Shingles.Counts::precision).average().orElse(0);
      double recall = subset.stream().map(Page::counts).filter(Shingles.Counts::hasRecall)
          .mapToDouble(Shingles.Counts::recall).average().orElse(0);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      double millis = subset.stream().mapToLong(Page::extractNanos).average().orElse(0) / 1e6;
      return new Score(subset.size(), precision, recall, f1, millis);
    }
  }

  /**
   * Scores {@code method} on the benchmark in {@code dir}.
   *
   * @param repeat extraction passes over all pages; each page's fastest pass is its time
   * @throws UncheckedIOException when the ground truth or a page cannot be read
   * @throws IllegalArgumentException when the ground truth is not the expected shape
   */
  public Report evaluate(Path dir, ExtractEvaluation.Method method, int repeat) {
    Objects.requireNonNull(dir, "dir");
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
    }
    Path truthFile = dir.resolve("ground-truth.json");
    JsonNode truth;
    try {
      truth = JSON.readTree(truthFile.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ground truth (source=" + truthFile + ")", e);
    }
    if (truth == null || !truth.isObject()) {
      throw new IllegalArgumentException("ground truth is not a JSON object (source=" + truthFile + ")");
    }
    Map<String, JsonNode> entries = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      entries.put(e.getKey(), e.getValue());
    }
    List<String> names = new ArrayList<>(entries.keySet());
    List<String> urls = names.stream().map(n -> entries.get(n).path("url").asText("")).toList();
    List<byte[]> sources = new ArrayList<>();
    for (String name : names) {
      Path file = dir.resolve("pages").resolve(name + ".html");
      try {
        sources.add(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read page (source=" + file + ")", e);
      }
    }
    long[] nanos = new long[names.size()];
    java.util.Arrays.fill(nanos, Long.MAX_VALUE);
    String[] texts = new String[names.size()];
    for (int pass = 0; pass < repeat; pass++) {
      for (int i = 0; i < names.size(); i++) {
        long start = System.nanoTime();
        ExtractedPage page = method.extract(sources.get(i), urls.get(i).isBlank() ? ExtractEvaluation.BASE_URL : urls.get(i));
        nanos[i] = Math.min(nanos[i], System.nanoTime() - start);
        texts[i] = page.text();
      }
    }
    Map<String, Half> halves = halves(entries);
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      JsonNode entry = entries.get(names.get(i));
      String site = site(entry.path("url").asText(""));
      String expected = entry.path("articleBody").asText("");
      pages.add(new Page(names.get(i), site, halves.get(site), Shingles.match(expected, texts[i]), nanos[i],
          texts[i]));
    }
    return new Report(method.label(), pages);
  }

  /** Sites in the order of a hash of their names, dealt alternately to A and B. */
  private static Map<String, Half> halves(Map<String, JsonNode> entries) {
    TreeMap<String, String> byHash = new TreeMap<>();
    for (String site : new TreeSet<>(entries.values().stream().map(e -> site(e.path("url").asText(""))).toList())) {
      byHash.put(sha256(site), site);
    }
    Map<String, Half> halves = new TreeMap<>();
    int i = 0;
    for (String site : byHash.values()) {
      halves.put(site, i++ % 2 == 0 ? Half.A : Half.B);
    }
    return halves;
  }

  /** The site of a page: {@link Sites#of} its URL, or the URL itself when it has no host. */
  static String site(String url) {
    String site = Sites.of(url);
    return site != null ? site : url.isBlank() ? "(no url)" : url.strip();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
