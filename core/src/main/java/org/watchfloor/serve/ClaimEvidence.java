package org.watchfloor.serve;

import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Claim;

/**
 * The sentence of an article that a claim stands on: the claim's span widened to the sentence
 * around it, so a claim shows what its own report says, not only the report's lead sentence.
 */
public final class ClaimEvidence {

  private static final String STOPS = ".!?";

  private ClaimEvidence() {}

  /** Where a sentence stands in its article's text: {@code [start, end)}. */
  public record Span(int start, int end) {}

  /** The sentence of {@code text} holding the claim's span, or {@code null} when the span is not in it. */
  public static @Nullable String sentence(String text, Claim claim) {
    Span span = span(text, claim);
    return span == null ? null : text.substring(span.start(), span.end());
  }

  /**
   * Where the sentence holding the claim's span stands in {@code text}, blanks around it left out
   * (the article reader highlights it), or {@code null} when the span is not in the text.
   */
  public static @Nullable Span span(String text, Claim claim) {
    if (claim.start() < 0 || claim.end() > text.length() || claim.start() >= claim.end()) {
      return null;
    }
    int from = claim.start();
    while (from > 0 && !endsSentence(text, from - 1)) {
      from--;
    }
    int to = claim.end();
    while (to < text.length() && !endsSentence(text, to - 1)) {
      to++;
    }
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return new Span(from, to);
  }

  /**
   * Whether the character at {@code i} ends a sentence: a line break, or a stop (with its closing
   * quote or bracket) before a space.
   */
  private static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n') {
      return true;
    }
    boolean closing = (c == '"' || c == '”' || c == '’' || c == ')') && i > 0 && STOPS.indexOf(text.charAt(i - 1)) >= 0;
    boolean stop = STOPS.indexOf(c) >= 0 || closing;
    return stop && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }
}
