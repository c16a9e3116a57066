package org.watchfloor.parse;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.model.ArticleFlag;
import org.jspecify.annotations.Nullable;

/**
 * Finds the genre marks of an article: an AI-generation disclaimer, a syndication or rewrite
 * credit, an opinion label. These are marks of news writing in English, not knowledge of a
 * watched domain, so they live here rather than in a watch profile.
 */
final class ArticleFlagger {

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
          "(?i)\\b(?:(?:this|the)\\s+(?:article|story|report)\\s+(?:was|is)\\s+)?"
              + "originally\\s+(?:published|appeared|ran)\\s+(?:by|in|on|at)\\s+([^.\\n]{2,60})"
              + "|\\brepublished\\s+(?:with permission\\s+)?from\\s+([^.\\n]{2,60})"
              + "|^\\s*\\(?(?:via|source|courtesy of)[:\\s]+([A-Z][^.\\n]{1,50})\\)?\\s*$",
          Pattern.MULTILINE);

  private static final Pattern OPINION =
      Pattern.compile("(?im)^\\s*(?:opinion|analysis|commentary|op-ed|editorial|column)\\s*[:|\\-–—]");

  private ArticleFlagger() {}

  record Flags(Set<ArticleFlag> flags, @Nullable String syndicatedFrom, List<String> disclaimers) {}

  static Flags of(@Nullable String title, String body) {
    Set<ArticleFlag> flags = EnumSet.noneOf(ArticleFlag.class);
    java.util.ArrayList<String> disclaimers = new java.util.ArrayList<>();
    Matcher ai = AI.matcher(body);
    while (ai.find()) {
      String sentence = sentenceAround(body, ai.start());
      if (!sentence.toLowerCase(java.util.Locale.ROOT).contains("audio")) {
        flags.add(ArticleFlag.AI_GENERATED);
        disclaimers.add(sentence);
      }
    }
    String from = null;
    Matcher syn = SYNDICATED.matcher(body);
    if (syn.find()) {
      flags.add(ArticleFlag.SYNDICATED);
      for (int g = 1; g <= syn.groupCount() && from == null; g++) {
        if (syn.group(g) != null) {
          from = syn.group(g).trim();
        }
      }
    }
    if ((title != null && OPINION.matcher(title).find()) || OPINION.matcher(body.substring(0, Math.min(body.length(), 200))).find()) {
      flags.add(ArticleFlag.OPINION);
    }
    return new Flags(flags, from, disclaimers);
  }

  private static String sentenceAround(String text, int at) {
    int start = Math.max(text.lastIndexOf('\n', at), Math.max(text.lastIndexOf(". ", at) + 1, 0));
    int end = text.indexOf('\n', at);
    int dot = text.indexOf('.', at);
    if (end < 0 || (dot >= 0 && dot < end)) {
      end = dot < 0 ? text.length() : dot + 1;
    }
    return text.substring(start, end).strip();
  }
}
