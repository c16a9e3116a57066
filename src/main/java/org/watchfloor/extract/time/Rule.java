package org.watchfloor.extract.time;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One pattern and how to resolve its matches. A pattern may name a group {@code x}: then the
 * expression is that group and the rest of the match is context ("on" in "on Friday").
 */
record Rule(String name, Pattern pattern, Resolver resolver) {

  interface Resolver {
    /** The candidate for one match, or null when the match turns out not to be a date. */
    @Nullable Candidate resolve(Matcher m, Context ctx, int start, int end);
  }

  static Rule of(String name, String regex, Resolver resolver) {
    return new Rule(name, Pattern.compile(regex), resolver);
  }

  /** The pattern whose matches mark where this rule can match (see {@link Regions}). */
  Pattern anchor() {
    return Regions.anchorOf(name);
  }

  /** Adds the candidates of the matches inside {@code regions} (see {@link Regions}). */
  void apply(Context ctx, int[] regions, List<Candidate> out) {
    Matcher m = pattern.matcher(ctx.text());
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    boolean hasX = pattern.pattern().contains("(?<x>");
    for (int r = 0; r < regions.length; r += 2) {
      m.region(regions[r], regions[r + 1]);
      while (m.find()) {
        int start = hasX ? m.start("x") : m.start();
        int end = hasX ? m.end("x") : m.end();
        if (start < 0 || end <= start) {
          continue;
        }
        Candidate c;
        try {
          c = resolver.resolve(m, ctx, start, end);
        } catch (RuntimeException invalid) {
          // An impossible calendar date ("February 30") is not a time expression.
          c = null;
        }
        if (c != null) {
          out.add(c);
        }
      }
    }
  }
}
