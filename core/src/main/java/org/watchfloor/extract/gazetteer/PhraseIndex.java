package org.watchfloor.extract.gazetteer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.watchfloor.profile.SurfaceForms;

/**
 * Finds many phrases in a text in one Aho-Corasick pass over its {@link FoldedText}, keeping
 * whole-word matches only and, where matches overlap, the longest.
 *
 * <p>The library's own case and whole-word options are not used: its case folding is
 * String-based and its word test does not know that a hyphen inside "Hwasong-18" was folded
 * away, so both are done here, on the folded text.
 *
 * @param <T> what a phrase stands for (an entity, an event type …)
 */
final class PhraseIndex<T> {

  /** One match: {@code [start, end)} in the original text. */
  record Hit<T>(int start, int end, T payload) {}

  private final Trie trie;
  private final Map<String, List<T>> payloads;
  private final Predicate<T> pluralAllowed;

  private PhraseIndex(Map<String, Set<T>> byKey, Predicate<T> pluralAllowed) {
    this.payloads = new LinkedHashMap<>();
    byKey.forEach((key, set) -> payloads.put(key, List.copyOf(set)));
    this.trie = Trie.builder().addKeywords(payloads.keySet()).build();
    this.pluralAllowed = pluralAllowed;
  }

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  static final class Builder<T> {
    private final Map<String, Set<T>> byKey = new LinkedHashMap<>();

    /** Adds a phrase; one that folds to nothing (no letters or digits) is ignored. */
    Builder<T> add(String phrase, T payload) {
      String key = SurfaceForms.key(phrase);
      if (!key.isEmpty()) {
        byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(payload);
      }
      return this;
    }

    /** Builds the index; {@code pluralAllowed} says whose phrases also match with an "s" added. */
    PhraseIndex<T> build(Predicate<T> pluralAllowed) {
      return new PhraseIndex<>(byKey, pluralAllowed);
    }
  }

  boolean isEmpty() {
    return payloads.isEmpty();
  }

  /** The matches in {@code text}, ordered by start, then end; same-span matches all kept. */
  List<Hit<T>> find(String text) {
    if (payloads.isEmpty() || text.isEmpty()) {
      return List.of();
    }
    FoldedText folded = new FoldedText(text);
    return resolveOverlaps(candidates(folded), folded);
  }

  /**
   * The matches in {@code text} of each group of phrases ({@code group} of a payload), found in
   * one pass over the text, with overlaps resolved within a group only: the same as a {@link
   * #find} on an index of each group's phrases alone, at the cost of one.
   */
  <K> Map<K, List<Hit<T>>> findGrouped(String text, java.util.function.Function<T, K> group) {
    if (payloads.isEmpty() || text.isEmpty()) {
      return Map.of();
    }
    FoldedText folded = new FoldedText(text);
    Map<K, List<Candidate<T>>> byGroup = new LinkedHashMap<>();
    for (Candidate<T> c : candidates(folded)) {
      byGroup.computeIfAbsent(group.apply(c.payload), k -> new ArrayList<>()).add(c);
    }
    Map<K, List<Hit<T>>> out = new LinkedHashMap<>();
    byGroup.forEach((k, candidates) -> out.put(k, resolveOverlaps(candidates, folded)));
    return out;
  }

  private List<Candidate<T>> candidates(FoldedText folded) {
    List<Candidate<T>> candidates = new ArrayList<>();
    Collection<Emit> emits = trie.parseText(folded.folded);
    for (Emit emit : emits) {
      int from = emit.getStart();
      int to = emit.getEnd() + 1;
      if (!folded.boundaryBefore(from) || !folded.sameSegment(from, to)) {
        continue;
      }
      for (T payload : payloads.get(emit.getKeyword())) {
        if (folded.boundaryBefore(to)) {
          candidates.add(new Candidate<>(from, to, payload));
        } else if (isPluralS(folded, from, to) && pluralAllowed.test(payload)) {
          candidates.add(new Candidate<>(from, to + 1, payload));
        }
      }
    }
    return candidates;
  }

  private static boolean isPluralS(FoldedText folded, int from, int to) {
    return to < folded.length()
        && folded.folded.charAt(to) == 's'
        && folded.boundaryBefore(to + 1)
        && folded.sameSegment(from, to + 1);
  }

  /** Longest first; a candidate overlapping an accepted one is dropped unless it has its span. */
  private static <T> List<Hit<T>> resolveOverlaps(List<Candidate<T>> candidates, FoldedText t) {
    candidates.sort(
        Comparator.comparingInt((Candidate<T> c) -> c.from - c.to).thenComparingInt(c -> c.from));
    boolean[] taken = new boolean[t.length()];
    Set<Long> acceptedSpans = new HashSet<>();
    Set<Candidate<T>> accepted = new LinkedHashSet<>();
    for (Candidate<T> c : candidates) {
      long span = ((long) c.from << 32) | c.to;
      if (!acceptedSpans.contains(span)) {
        if (anyTaken(taken, c.from, c.to)) {
          continue;
        }
        acceptedSpans.add(span);
        for (int k = c.from; k < c.to; k++) {
          taken[k] = true;
        }
      }
      accepted.add(c);
    }
    List<Hit<T>> hits = new ArrayList<>(accepted.size());
    for (Candidate<T> c : accepted) {
      hits.add(new Hit<>(t.originStart(c.from), t.originEnd(c.to), c.payload));
    }
    hits.sort(Comparator.comparingInt((Hit<T> h) -> h.start()).thenComparingInt(Hit::end));
    return hits;
  }

  private static boolean anyTaken(boolean[] taken, int from, int to) {
    for (int k = from; k < to; k++) {
      if (taken[k]) {
        return true;
      }
    }
    return false;
  }

  private record Candidate<T>(int from, int to, T payload) {}
}
