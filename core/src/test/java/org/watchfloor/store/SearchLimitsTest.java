package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.WatchfloorException;
import org.watchfloor.extract.Extractor;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;

/**
 * The search index's own limits, below any HTTP limit on a URL's length: a query too long, with
 * too many clauses or too many expanding terms is refused naming the limit; fuzzy terms are
 * narrowed to the edits their length allows; wildcards may not lead; a regular expression too
 * complex to run is refused; whatever the parser rejects is bad input, never another exception.
 */
class SearchLimitsTest {

  private static final Path SAMPLE = Path.of("src/main/resources/sample-corpus/articles");

  @TempDir static Path tmp;
  private static Store store;

  @BeforeAll
  static void ingestSample() {
    store = Store.open(tmp.resolve("s"));
    new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {}).ingest(List.of(SAMPLE));
    store.syncIndex();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static SearchIndex.Faceted search(String q) {
    return store.search().searchFaceted(q, null, Map.of(), 20, 0, 20);
  }

  private static void refused(String q, String naming) {
    assertThatThrownBy(() -> search(q)).as(q.length() > 60 ? q.substring(0, 60) + "…" : q)
        .isInstanceOf(WatchfloorException.BadInput.class).hasMessageContaining(naming);
  }

  @Test
  void aQueryLongerThanTheLimitIsRefusedNamingItsLength() {
    refused("missile ".repeat(1280), SearchLimits.MAX_QUERY_CHARS + " characters");
  }

  @Test
  void tooManyClausesAreRefusedNamingTheLimit() {
    String many = IntStream.range(0, 2000).mapToObj(i -> "t" + i).collect(Collectors.joining(" OR "));
    refused(many.substring(0, Math.min(many.length(), SearchLimits.MAX_QUERY_CHARS)), "clauses");
    refused(IntStream.range(0, SearchLimits.MAX_CLAUSES + 1).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")),
        "at most " + SearchLimits.MAX_CLAUSES + " clauses");
    refused(IntStream.range(0, SearchLimits.MAX_CLAUSES + 1).mapToObj(i -> "\"w" + i + " x\"").collect(Collectors.joining(" ")),
        "at most " + SearchLimits.MAX_CLAUSES + " clauses");
    assertThat(search(IntStream.range(0, SearchLimits.MAX_CLAUSES).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")))
        .total()).isNotNegative();
  }

  @Test
  void fuzzyTermsAreNarrowedToTheEditsTheirLengthAllows() {
    assertThat(search("a~2 b~2 c~2").total()).isGreaterThanOrEqualTo(0);
    assertThat(search("misile~2").total()).isPositive();
    assertThat(search("misil~1").total()).isPositive();
    assertThat(search("hwasong~2 missil~1").total()).isPositive();
    assertThat(SearchLimits.maxEdits("ab", 2)).isZero();
    assertThat(SearchLimits.maxEdits("abcd", 2)).isEqualTo(1);
    assertThat(SearchLimits.maxEdits("abcdef", 2)).isEqualTo(2);
    assertThat(SearchLimits.maxEdits("abcdef", 1)).isEqualTo(1);
  }

  @Test
  void tooManyExpandingTermsAreRefused() {
    refused(IntStream.range(0, SearchLimits.MAX_EXPANDING_TERMS + 1).mapToObj(i -> "m" + i + "*")
        .collect(Collectors.joining(" ")), "at most " + SearchLimits.MAX_EXPANDING_TERMS);
  }

  @Test
  void wildcardsMayNotLead() {
    refused("*a*", "wildcard");
    refused("?issile", "wildcard");
    refused("text:*", "wildcard");
    assertThat(search("missil*").total()).isPositive();
  }

  @Test
  void regularExpressionsTooComplexAreRefusedAndOthersRun() {
    refused("/(a|aa)*b/", "regular expression");
    assertThat(search("/missil.*/").total()).isPositive();
    refused("/.*/", "regular expression");
    refused("/(.*a){20}/", "regular expression");
    refused("/[a-z]{1,100}[0-9]{1,100}(x|y){1,100}/", "regular expression");
  }

  @Test
  void aSearchOverItsTimeBudgetReturnsWhatItFoundMarkedPartial() {
    assertThat(search("missile").partial()).isFalse();
    store.search().budget(java.time.Duration.ZERO);
    try {
      SearchIndex.Faceted f = search("missile OR launch OR korea");
      assertThat(f.partial()).isTrue();
    } finally {
      store.search().budget(SearchLimits.BUDGET);
    }
  }

  @Test
  void whatTheParserRejectsIsBadInput() {
    for (String q : new String[] {"AND (", "\"unclosed", "title:[a TO", "a^", "/unclosed", "a:b:c"}) {
      refused(q, "not valid");
    }
  }
}
