package org.watchfloor.parse;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.budget.Deadline;
import org.watchfloor.model.ArticleFlag;
import org.jspecify.annotations.Nullable;

/**
 * Finds the genre marks of an article: an AI-generation disclaimer, a syndication or rewrite
 * credit ("originally published by / via"), wire-service and state-media credits, an opinion
 * label. These are marks of news writing in English, not knowledge of a
 * watched domain, so they live here rather than in a watch profile.
 */
final class ArticleFlagger {

  /**
   * What {@code ^\\s*} means in multiline mode, "at a line start, after blanks", in a form that
   * runs in linear time. {@code ^\\s*} is tried at every line start, and in a run of line breaks
   * every character is one, each attempt reading the rest of the run: quadratic in the run (a
   * title of 16,000 {@code \\r} then 16,000 {@code \\t} took seconds to flag). Here an attempt
   * starts only where a run of blanks starts (or at a non-blank), and the run is read once: either
   * the attempt is at a line start, or a line break ({@code \\n} or {@code \\r}, the line
   * terminators among {@code \\s}) is found in the run. Needs {@link Pattern#MULTILINE}.
   */
  static final String LINE_START = "(?<!\\s)(?:^\\s*+|[ \\t\\x0B\\f]*+[\\n\\r]\\s*+)";

  /** "generated (in part) using artificial intelligence", "produced with the help of AI tools". */
  private static final Pattern AI =
      Pattern.compile(
          "(?i)\\b(?:this|the)\\s+(?:article|story|content|text|report|piece)\\b[^.\\n]{0,80}?"
              + "\\b(?:generated|written|produced|created|drafted|assisted|prepared)\\b[^.\\n]{0,60}?"
              + "\\b(?:artificial intelligence|AI|A\\.I\\.|large language model|generative)\\b"
              + "|\\b(?:generated|written|produced|drafted)\\s+(?:in part\\s+)?(?:by|with|using)\\s+"
              + "(?:the help of\\s+)?(?:artificial intelligence|AI|generative AI)\\b(?![^.\\n]{0,40}\\baudio\\b)");

  /** Credits that say the text is another outlet's story. */
  private static final Pattern SYNDICATED =
      Pattern.compile(
          "(?i)\\b(?:this|the)\\s+(?:article|story|report|piece|post)\\s+(?:was|is|has been)\\s+"
              + "(?:originally|first)\\s+(?:published|appeared|ran|posted)\\s+(?:by|in|on|at|via|with)\\s+"
              + "(?:the\\s+website\\s+of\\s+)?([^.\\n]{2,60})"
              + "|\\boriginally\\s+(?:published|appeared|ran|posted)\\s+(?:by|in|on|at|via|with)\\s+"
              + "(?:the\\s+website\\s+of\\s+)?([^.\\n]{2,60})"
              + "|\\brepublished\\s+(?:with permission\\s+)?from\\s+([^.\\n]{2,60})"
              + "|" + LINE_START + "\\(?(?:via|source|courtesy of)[:\\s]+([A-Z][^.\\n]{1,50})\\)?\\s*$",
          Pattern.MULTILINE);

  /**
   * Wire services and quoted state media, each with the ways its credit is written: a dateline
   * "(Yonhap)", "(AFP)", an attribution "Reuters reported", "according to the Associated Press",
   * or state media "the Korean Central News Agency said". Photo credits ("AFP via Getty Images",
   * "AP Photo/…") credit a picture, not the text, and are not counted.
   */
  private static final List<Wire> WIRES = List.of(
      new Wire("Yonhap", Pattern.compile("\\bYonhap\\b(?!\\s*(?:/|photo\\b))", Pattern.CASE_INSENSITIVE),
          true, "yonhap"),
      new Wire("AFP", Pattern.compile(
          "\\bAFP\\b(?!\\s*(?:/|via\\s+Getty|photo\\b|PHOTO\\b))|\\bAgence\\s+France[-\\s]Presse\\b"),
          false, "AFP", "Agence"),
      new Wire("AP", Pattern.compile(
          "\\(AP\\)|\\bAssociated\\s+Press\\b|\\bAP\\s+(?:reported|said|reports)\\b|\\b(?:told|to)\\s+(?:the\\s+)?AP\\b"),
          false, "AP", "Associated"),
      new Wire("Reuters", Pattern.compile("\\bReuters\\b(?!\\s*/)", Pattern.CASE_INSENSITIVE), true, "reuters"),
      new Wire("KCNA", Pattern.compile("\\bKCNA\\b|\\bKorean\\s+Central\\s+News\\s+Agency\\b", Pattern.CASE_INSENSITIVE),
          true, "kcna", "korean"));

  /** Words every match of {@link #AI} holds, in ASCII lower case (it is {@code (?i)}). */
  private static final String[] AI_WORDS = {"generated", "written", "produced", "created", "drafted", "assisted",
    "prepared"};

  /** Words every match of {@link #SYNDICATED} holds, in ASCII lower case (it is {@code (?i)}). */
  private static final String[] SYNDICATED_WORDS = {"originally", "first", "republished", "via", "source", "courtesy of"};

  /**
   * A wire's credit pattern and words every match of it holds, in the text as written or, when
   * {@code folded}, in its ASCII lower-case copy. A text without any of them is not searched:
   * the patterns open with case-insensitive alternations or {@code \b}, which
   * {@code java.util.regex} tries at every position, while {@link String#contains} is a
   * vectorised scan.
   */
  private record Wire(String name, Pattern pattern, boolean folded, String... words) {
    boolean mayMatch(String text, String folded) {
      return containsAny(this.folded ? folded : text, words);
    }
  }

  /** "Opinion: …", "Analysis | …" at the start of a line, blanks before it allowed. */
  static final Pattern OPINION =
      Pattern.compile("(?im)" + LINE_START + "(?:opinion|analysis|commentary|op-ed|editorial|column)\\s*+[:|\\-–—]");

  private ArticleFlagger() {}

  /**
   * What was found.
   *
   * @param wireCredits the wire services and state media the text credits, in order of first
   *     appearance ({@code Yonhap}, {@code AFP}, {@code AP}, {@code Reuters}, {@code KCNA})
   */
  record Flags(Set<ArticleFlag> flags, @Nullable String syndicatedFrom, List<String> disclaimers,
      List<String> wireCredits) {

    Flags {
      wireCredits = List.copyOf(wireCredits);
    }
  }

  static Flags of(@Nullable String title, String body) {
    Set<ArticleFlag> flags = EnumSet.noneOf(ArticleFlag.class);
    java.util.ArrayList<String> disclaimers = new java.util.ArrayList<>();
    String folded = asciiLower(body);
    // the patterns read the text through the document's deadline, which stops a long match
    Deadline deadline = Deadline.current();
    CharSequence guarded = deadline.guard(body);
    Matcher ai = AI.matcher(guarded);
    boolean mayBeAi = containsAny(folded, AI_WORDS);
    Sentence sentence = null;
    while (mayBeAi && ai.find()) {
      // matches of one sentence share it: it is found once, not once per match, which in a long
      // text with no full stop read the whole text again for each
      if (sentence == null || !sentence.holds(ai.start())) {
        sentence = Sentence.around(body, ai.start(), sentence);
      }
      if (!sentence.aboutAudio()) {
        flags.add(ArticleFlag.AI_GENERATED);
        disclaimers.add(sentence.text());
      }
    }
    String from = null;
    Matcher syn = SYNDICATED.matcher(guarded);
    if (containsAny(folded, SYNDICATED_WORDS) && syn.find()) {
      flags.add(ArticleFlag.SYNDICATED);
      for (int g = 1; g <= syn.groupCount() && from == null; g++) {
        if (syn.group(g) != null) {
          from = syn.group(g).trim();
        }
      }
    }
    if ((title != null && OPINION.matcher(deadline.guard(title)).find())
        || OPINION.matcher(guarded.subSequence(0, Math.min(body.length(), 200))).find()) {
      flags.add(ArticleFlag.OPINION);
    }
    return new Flags(flags, from, disclaimers, wireCredits(title, body));
  }

  /** The wires credited in the title or body, ordered by where each is first credited. */
  static List<String> wireCredits(@Nullable String title, String body) {
    String text = title == null ? body : title + "\n" + body;
    String folded = asciiLower(text);
    java.util.TreeMap<Integer, String> first = new java.util.TreeMap<>();
    for (Wire wire : WIRES) {
      if (!wire.mayMatch(text, folded)) {
        continue;
      }
      Matcher m = wire.pattern().matcher(Deadline.current().guard(text));
      if (m.find()) {
        first.put(m.start(), wire.name());
      }
    }
    return List.copyOf(first.values());
  }

  private static boolean containsAny(String text, String... words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with A–Z lowered and all else kept: what {@code (?i)} without {@code UNICODE_CASE} folds. */
  private static String asciiLower(String text) {
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (c[i] >= 'A' && c[i] <= 'Z') {
        c[i] = (char) (c[i] + ('a' - 'A'));
      }
    }
    return new String(c);
  }

  /**
   * The sentence around an offset: from just after the last ". " or from the last line break
   * before it, to its next full stop (kept) or line break.
   *
   * @param text the sentence, stripped
   * @param start where it starts in the text, before stripping
   * @param from the offset it was found from
   * @param stop the first full stop or line break at or after {@code from}, or the text's length
   * @param aboutAudio whether it speaks of audio: a voice made by AI, not the text
   */
  private record Sentence(String text, int start, int from, int stop, boolean aboutAudio) {

    /**
     * The sentence around {@code at}; {@code before}, one found from an earlier offset, or null,
     * spares reading back past where it was found from, so that successive offsets of a long
     * text read it once.
     */
    static Sentence around(String body, int at, @Nullable Sentence before) {
      int low = before == null ? 0 : before.from() + 1;
      int start = before == null ? 0 : before.start();
      for (int i = at; i >= low; i--) {
        // a line break opens the sentence at itself (stripped off), ". " just after its full stop
        if (body.charAt(i) == '\n') {
          start = i;
          break;
        }
        if (body.charAt(i) == '.' && i + 1 < body.length() && body.charAt(i + 1) == ' ') {
          start = i + 1;
          break;
        }
      }
      int stop = at;
      while (stop < body.length() && body.charAt(stop) != '\n' && body.charAt(stop) != '.') {
        stop++;
      }
      int end = stop < body.length() && body.charAt(stop) == '.' ? stop + 1 : stop;
      String text = body.substring(start, end).strip();
      return new Sentence(text, start, at, stop, text.toLowerCase(java.util.Locale.ROOT).contains("audio"));
    }

    /** Whether {@link #around} gives this sentence for offset {@code at}. */
    boolean holds(int at) {
      return at >= from && at < stop;
    }
  }
}
