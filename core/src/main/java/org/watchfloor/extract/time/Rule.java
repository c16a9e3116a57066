package org.watchfloor.extract.time;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One pattern and how to resolve its matches. A pattern may name a group {@code x}: then the
 * expression is that group and the rest of the match is context ("on" in "on Friday").
 *
 * @param starts where its matches can start ({@link Starts}), or null to try every position
 */
record Rule(String name, Pattern pattern, Resolver resolver, @Nullable Starts starts, boolean hasX) {

  interface Resolver {
    /** The candidate for one match, or null when the match turns out not to be a date. */
    @Nullable Candidate resolve(Matcher m, Context ctx, int start, int end);
  }

  static Rule of(String name, String regex, Resolver resolver) {
    return new Rule(name, Pattern.compile(regex), resolver, Starts.ofRule(name), regex.contains("(?<x>"));
  }

  /** The pattern whose matches mark where this rule can match (see {@link Regions}). */
  Pattern anchor() {
    return Regions.anchorOf(name);
  }

  /** Adds the candidates of the matches inside {@code text}'s regions for this rule (see {@link Regions}). */
  void apply(Context ctx, Regions.Scan text, List<Candidate> out) {
    int[] regions = text.regions(anchor());
    if (regions.length == 0) {
      return;
    }
    Matcher m = pattern.matcher(ctx.text());
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    int[] at = starts == null ? null : text.candidates(starts);
    for (int r = 0; r < regions.length; r += 2) {
      if (at == null) {
        m.region(regions[r], regions[r + 1]);
        while (m.find()) {
          add(m, ctx, out);
        }
        continue;
      }
      // The same matches as find() over the region: tried only where one can start, each next
      // try after the end of the last match.
      int i = Arrays.binarySearch(at, regions[r]);
      int from = regions[r];
      for (i = i < 0 ? -i - 1 : i; i < at.length && at[i] < regions[r + 1]; i++) {
        if (at[i] < from) {
          continue;
        }
        m.region(at[i], regions[r + 1]);
        if (m.lookingAt()) {
          add(m, ctx, out);
          from = Math.max(m.end(), at[i] + 1);
        }
      }
    }
  }

  private void add(Matcher m, Context ctx, List<Candidate> out) {
    int start = hasX ? m.start("x") : m.start();
    int end = hasX ? m.end("x") : m.end();
    if (start < 0 || end <= start) {
      return;
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
