package org.watchfloor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The other spellings of a designator that a search for it also finds: the romanisation variants
 * and other designators of one weapon as the gazetteer lists them ("Hwasong-18", "Hwaseong-18",
 * "Hwasongpho-18", "KN-27"). Only names that analyse to one designator term take part (a
 * many-word alias such as "super-large rocket launcher" does not), and they are applied when a
 * query is read, so the index does not depend on a profile.
 */
public final class SearchVariants {

  /** No variants: each designator finds its own spelling only. */
  public static final SearchVariants NONE = new SearchVariants(Map.of());

  private final Map<String, Set<String>> byTerm;

  private SearchVariants(Map<String, Set<String>> byTerm) {
    this.byTerm = byTerm;
  }

  /** The variants of each group of names that denote one thing (a weapon's canonical name and aliases). */
  public static SearchVariants of(List<List<String>> nameGroups) {
    Map<String, Set<String>> byTerm = new HashMap<>();
    try (Analyzer analyzer = SearchAnalyzer.forQueries()) {
      for (List<String> names : nameGroups) {
        Set<String> terms = new LinkedHashSet<>();
        for (String name : names) {
          String term = designatorTerm(analyzer, name);
          if (term != null) {
            terms.add(term);
          }
        }
        if (terms.size() > 1) {
          for (String t : terms) {
            byTerm.computeIfAbsent(t, k -> new LinkedHashSet<>()).addAll(terms);
          }
        }
      }
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    byTerm.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return new SearchVariants(Map.copyOf(frozen));
  }

  /** Every term that {@code term} stands for, itself included; just itself when it has no variants. */
  Set<String> of(String term) {
    return byTerm.getOrDefault(term, Set.of(term));
  }

  private static String designatorTerm(Analyzer analyzer, String name) {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", name)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms.size() == 1 && DesignatorFilter.isDesignator(terms.get(0)) ? terms.get(0) : null;
  }
}
