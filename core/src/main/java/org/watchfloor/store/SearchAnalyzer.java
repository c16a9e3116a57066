package org.watchfloor.store;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis of the search index: Lucene's English analysis (possessives, lower case, stop
 * words, Porter stems) with weapon designators kept whole. "Hwasong-18", "KN-25" and
 * "Pukguksong-3" are one term each ({@code hwasong18}, {@code kn25}, {@code pukguksong3}), as
 * "KN25" already is, so that a search for {@code Hwasong-18} no longer finds "the Hwasong area"
 * next to "August 18". The hyphen between a letter and a digit is read as {@code _}, which
 * Unicode word breaking keeps inside a word, before the tokenizer runs, and {@link
 * DesignatorFilter} takes the {@code _} out.
 *
 * <p>The index side also puts the family ({@code hwasong}) at the designator's position, so that a
 * search for the family still finds every member; the query side does not, so that a designator
 * asked for matches that designator only.
 */
final class SearchAnalyzer extends Analyzer {

  /** A hyphen between a letter and a digit: replaced by {@code _}, one character for one, so offsets hold. */
  private static final Pattern DESIGNATOR_HYPHEN = Pattern.compile("(?<=\\p{L})[-\\u2010\\u2011](?=\\p{Nd})");

  private final boolean indexing;

  private SearchAnalyzer(boolean indexing) {
    this.indexing = indexing;
  }

  /** The analyzer documents are indexed with. */
  static SearchAnalyzer forIndex() {
    return new SearchAnalyzer(true);
  }

  /** The analyzer queries are read with. */
  static SearchAnalyzer forQueries() {
    return new SearchAnalyzer(false);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new PatternReplaceCharFilter(DESIGNATOR_HYPHEN, "_", reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new LowerCaseFilter(result);
    result = new DesignatorFilter(result, indexing);
    result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
