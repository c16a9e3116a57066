package org.watchfloor.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.budget.Deadline;
import org.watchfloor.model.Published;

/**
 * Splits a plain-text article into its header block (when it has one) and body, and in a
 * headerless file finds the title, the date and the outlet from the text itself, dropping page
 * furniture (share counts, read times, photo captions) from the body.
 *
 * <p>Written by hand: this is the layout of captured news text, which no library models.
 */
final class TextLayout {

  /** What the layout found. Values are {@code null} where nothing was found. */
  record Result(
      Map<String, String> header,
      @Nullable String title,
      @Nullable Published dateInText,
      @Nullable String outletInText,
      String body,
      List<String> dropped) {}

  private static final Pattern HEADER_LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]{0,40}):[ \\t]*(.*)$");

  private static final java.util.Set<String> KNOWN_KEYS =
      java.util.Set.of("url", "outlet", "published", "title", "byline", "language", "author", "date", "source", "lang");

  /** "SEOUL, April 14 (Yonhap) --" or "Pyongyang, August 5 (KCNA) --". */
  private static final Pattern DATELINE =
      Pattern.compile(
          "^([A-Z][A-Za-z .'-]{1,40}),\\s+" + DateTexts.MONTHS + "\\s+\\d{1,2}(?:,\\s*\\d{4})?\\s*\\(([^)]{2,40})\\)\\s*(?:--|—|–|-)",
          Pattern.CASE_INSENSITIVE);

  /** Page furniture captured with the text: counters, read times, share prompts. */
  private static final Pattern CLUTTER =
      Pattern.compile(
          "^[\\s\\-•·|]*(?:\\d+\\s+(?:comments?|views?|shares?|likes?)|\\d+\\s+min(?:ute)?s?\\s+read"
              + "|share\\b.*|advertisement|related(?: stories| articles)?:?|read more:?|sign up.*newsletter.*"
              + "|follow us.*|print|email|tweet)[\\s\\-•·|]*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A share prompt that carries the site's own name ("Share - Harbor Wire", "Share | Pacific
   * Post"): site templates put the sharing widget beside the masthead, and captured text keeps
   * the two on one line. The name is one to four capitalised words.
   */
  private static final Pattern SHARE_CREDIT =
      Pattern.compile("^[\\s\\-•·|]*(?i:share)\\s*[-–—|:·]\\s*(\\p{Lu}[\\p{L}\\p{N}.&'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}.&'’-]*){0,3})\\s*$");

  /**
   * Where a share prompt points, not who published: the networks and channels of sharing
   * widgets. A short list by hand, as no library names them.
   */
  private static final java.util.Set<String> SHARE_TARGETS = java.util.Set.of(
      "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "reddit", "pinterest", "email", "e-mail",
      "mail", "print", "link", "copy link", "kakaotalk", "line", "threads", "bluesky", "this", "this article",
      "this story", "article", "story");

  /**
   * A photo caption: a sentence ending in a parenthesised date, or a "Photo:" line. The
   * parentheses hold no other parenthesis ({@code [^()]}, read once, possessively): with
   * {@code [^)]*} every "(" of a line like ".(.(.(" was read to the line's end, quadratic in it.
   */
  private static final Pattern CAPTION =
      Pattern.compile(
          "^(?:(?:photo|image|file photo|caption|pictured)\\s*[:(-].*|.*\\.\\s*+\\([^()]*+(?<=\\d{4})\\)\\s*+)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LEADING_BULLETS = Pattern.compile("^[\\s\\-•·|]+");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private TextLayout() {}

  static Result of(String text) {
    return of(text, true);
  }

  /**
   * Lays out {@code text}; {@code findTitle} false when the source already gave the title, so
   * no line of the body is taken for one.
   */
  static Result of(String text, boolean findTitle) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    if (normalised.startsWith("\uFEFF")) {
      normalised = normalised.substring(1);
    }
    List<String> lines = List.of(normalised.split("\n", -1));
    Map<String, String> header = new LinkedHashMap<>();
    int bodyStart = headerBlock(lines, header);
    if (bodyStart > 0) {
      return new Result(header, null, null, null, join(lines.subList(bodyStart, lines.size())), List.of());
    }
    return headerless(lines, findTitle);
  }

  /** Reads a header block into {@code header}; returns the first body line, or 0 if none. */
  private static int headerBlock(List<String> lines, Map<String, String> header) {
    int i = 0;
    boolean known = false;
    Map<String, String> found = new LinkedHashMap<>();
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        break;
      }
      Matcher m = HEADER_LINE.matcher(line);
      if (!m.matches()) {
        return 0;
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      known |= KNOWN_KEYS.contains(key);
      found.put(key, m.group(2).trim());
    }
    if (!known || found.isEmpty() || i >= lines.size()) {
      return 0;
    }
    header.putAll(found);
    return i + 1;
  }

  private static Result headerless(List<String> lines, boolean findTitle) {
    String title = null;
    Published date = null;
    String outlet = null;
    List<String> body = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    int nonBlank = 0;
    Deadline deadline = Deadline.current();
    for (String raw : lines) {
      deadline.check();
      String line = raw.strip();
      if (line.isEmpty()) {
        body.add("");
        continue;
      }
      nonBlank++;
      boolean early = nonBlank <= 12;
      if (early && CAPTION.matcher(line).matches()) {
        if (date == null) {
          date = DateTexts.find(line).orElse(null);
        }
        dropped.add(line);
        continue;
      }
      if (early && CLUTTER.matcher(line).matches()) {
        if (outlet == null) {
          outlet = shareCredit(line);
        }
        dropped.add(line);
        continue;
      }
      if (early && isDateLine(line)) {
        if (date == null) {
          date = DateTexts.find(line).orElse(null);
        }
        dropped.add(line);
        continue;
      }
      Matcher dl = DATELINE.matcher(line);
      boolean dateline = dl.find();
      if (dateline) {
        if (outlet == null) {
          outlet = dl.group(3).trim();
        }
        if (date == null) {
          date = DateTexts.find(line).orElse(null);
        }
      }
      if (findTitle && title == null && early && !dateline && looksLikeTitle(line)) {
        title = line;
        continue;
      }
      body.add(line);
    }
    String joined = join(body);
    if (joined.isEmpty() && title != null) {
      // a one-line article: the line is its body, not a title
      joined = title;
      title = null;
    }
    return new Result(Map.of(), title, date, outlet, joined, dropped);
  }

  /** The site name a share prompt carries, or {@code null} when it names a channel or nothing. */
  static @Nullable String shareCredit(String line) {
    Matcher m = SHARE_CREDIT.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1).strip();
    String first = name.split("\\s+")[0];
    boolean channel = SHARE_TARGETS.contains(name.toLowerCase(Locale.ROOT)) || SHARE_TARGETS.contains(first.toLowerCase(Locale.ROOT));
    return channel ? null : name;
  }

  /**
   * A short line that is a date. The word count comes first: a paragraph is no date line
   * whatever dates it holds, and counting is far cheaper than looking for a written date.
   */
  private static boolean isDateLine(String line) {
    String stripped = LEADING_BULLETS.matcher(line).replaceFirst("");
    // at most 8 pieces, as no more are needed to tell "at most 7"; a line has no trailing blank
    if (SPACES.split(stripped, 8).length > 7) {
      return false;
    }
    Optional<Published> date = DateTexts.find(stripped);
    return date.isPresent();
  }

  private static boolean looksLikeTitle(String line) {
    int words = SPACES.split(line).length;
    if (words < 3 || words > 30) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    return last != '.' && last != ':' && last != ',' && !line.startsWith("-") && !line.startsWith("Note:");
  }

  /** Joins lines, collapsing runs of blank lines into one paragraph break. */
  static String join(List<String> lines) {
    StringBuilder out = new StringBuilder();
    boolean pendingBreak = false;
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty()) {
        pendingBreak = out.length() > 0;
        continue;
      }
      if (out.length() > 0) {
        out.append(pendingBreak ? "\n\n" : "\n");
      }
      out.append(l);
      pendingBreak = false;
    }
    return out.toString();
  }
}
