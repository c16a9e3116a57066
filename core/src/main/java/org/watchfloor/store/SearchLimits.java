package org.watchfloor.store;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.watchfloor.WatchfloorException;

/**
 * What one search may cost, and the query parser that holds a query to it. Lucene's syntax lets a
 * few characters ask for a great deal — {@code a~2} matches every short term, {@code *a*} reads
 * the whole term dictionary, {@code /(a|aa)*b/} builds an automaton, a thousand {@code OR}s make
 * a thousand scorers — so each of those is bounded here, and a query over a bound is refused as
 * bad input naming the bound rather than run:
 *
 * <ul>
 *   <li>at most {@value #MAX_QUERY_CHARS} characters and {@value #MAX_CLAUSES} clauses (terms and
 *       phrases, each then searched in three fields);
 *   <li>at most {@value #MAX_EXPANDING_TERMS} terms that expand (fuzzy, prefix, wildcard, regular
 *       expression), each to its {@value #MAX_EXPANSIONS} best-matching index terms;
 *   <li>a fuzzy term allows the edits its length allows (none up to 2 characters, 1 up to 5, then
 *       2, as Elasticsearch's {@code AUTO} does) and must keep its first character: {@code a~2} is
 *       {@code a};
 *   <li>a wildcard or regular expression must start with a fixed character, so that it reads a
 *       slice of the term dictionary, not all of it; a regular expression must also determinize
 *       within {@value #DETERMINIZE_WORK} units of work;
 *   <li>collecting hits stops after {@link #BUDGET}; the hits found by then are returned, marked
 *       partial.
 * </ul>
 *
 * Whatever expansion still passes Lucene's own limit of clauses is refused in the same way. A
 * hand-rolled subclass of the classic parser, because Lucene's parsers bound none of this.
 */
final class SearchLimits {

  static final int MAX_QUERY_CHARS = 1000;
  static final int MAX_CLAUSES = 64;
  static final int MAX_EXPANDING_TERMS = 5;
  static final int MAX_EXPANSIONS = 40;
  static final int DETERMINIZE_WORK = 2000;
  /** How long collecting a search's hits may take before it stops with what it found. */
  static final Duration BUDGET = Duration.ofSeconds(2);

  private static final String[] FIELDS = {"title", "text", "outlet"};
  private static final Map<String, Float> BOOSTS = Map.of("title", 2f, "text", 1f, "outlet", 0.5f);

  private SearchLimits() {}

  /** The edits a fuzzy term of this length may have, at most {@code asked}. */
  static int maxEdits(String term, int asked) {
    int n = term.codePointCount(0, term.length());
    int allowed = n <= 2 ? 0 : n <= 5 ? 1 : 2;
    return Math.min(asked, allowed);
  }

  /** {@code text} parsed with Lucene's query syntax over the index's fields, within the limits. */
  static Query parse(String text, Analyzer analyzer, SearchVariants variants) {
    if (text.length() > MAX_QUERY_CHARS) {
      throw new WatchfloorException.BadInput("query is " + text.length() + " characters long: at most "
          + MAX_QUERY_CHARS + " characters are searched");
    }
    Parser parser = new Parser(analyzer, variants);
    Query q;
    try {
      q = parser.parse(text);
    } catch (ParseException e) {
      if (e.getCause() instanceof Refused r) {
        throw new WatchfloorException.BadInput(r.getMessage());
      }
      throw new WatchfloorException.BadInput("query \"" + text + "\" is not valid: " + firstLine(e.getMessage()));
    } catch (Refused r) {
      throw new WatchfloorException.BadInput(r.getMessage());
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses();
    } catch (RuntimeException e) {
      // the parser's own errors (a lexical error, a bad regular expression) are not all ParseExceptions
      throw new WatchfloorException.BadInput("query \"" + text + "\" is not valid: " + firstLine(String.valueOf(e.getMessage())));
    }
    int clauses = (leaves(q) + FIELDS.length - 1) / FIELDS.length;
    if (clauses > MAX_CLAUSES) {
      throw new WatchfloorException.BadInput("query has " + clauses + " clauses (terms and phrases): at most "
          + MAX_CLAUSES + " clauses are searched");
    }
    return q;
  }

  /**
   * The leaf queries of {@code q}: its terms and phrases once per field searched. Counted on the
   * parsed query because the parser makes a run of plain words one query of the analyzer's
   * tokens, without a boolean clause per word.
   */
  private static int leaves(Query q) {
    int[] n = {0};
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        n[0]++;
      }

      @Override
      public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
        n[0]++;
      }

      @Override
      public void visitLeaf(Query query) {
        n[0]++;
      }
    });
    return n[0];
  }

  /** The refusal of a query whose expansions pass Lucene's limit of clauses. */
  static WatchfloorException.BadInput tooManyClauses() {
    return new WatchfloorException.BadInput("query expands to more than " + IndexSearcher.getMaxClauseCount()
        + " clauses: use fewer or longer wildcard, fuzzy and regular expression terms");
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** A query over a limit, with the message that names it. */
  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The classic parser over the index's fields, counting expanding terms. The
   * multi-field parser asks itself again once per field for a term written without one: {@link
   * #perField} tells those calls from the user's terms.
   */
  private static final class Parser extends MultiFieldQueryParser {

    private final SearchVariants variants;
    private int expanding;
    private int perField;

    Parser(Analyzer analyzer, SearchVariants variants) {
      super(FIELDS, analyzer, BOOSTS);
      this.variants = variants;
      setAllowLeadingWildcard(false);
      setFuzzyPrefixLength(1);
      setMultiTermRewriteMethod(new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
    }

    private void expands(String field, String what) {
      if (field == null || perField == 0) {
        if (++expanding > MAX_EXPANDING_TERMS) {
          throw new Refused("query has more than " + MAX_EXPANDING_TERMS + " fuzzy, wildcard or regular expression"
              + " terms: at most " + MAX_EXPANDING_TERMS + " are searched (" + what + ")");
        }
      }
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
      expands(field, termStr + "~");
      perField++;
      try {
        return super.getFuzzyQuery(field, termStr, minSimilarity);
      } finally {
        perField--;
      }
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      expands(field, termStr + "*");
      perField++;
      try {
        return super.getPrefixQuery(field, termStr);
      } finally {
        perField--;
      }
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if (field == null || perField == 0) {
        if (!termStr.isEmpty() && (termStr.charAt(0) == '*' || termStr.charAt(0) == '?') && !"*".equals(field)) {
          throw new Refused("wildcard term " + termStr + " starts with a wildcard: give at least its first character");
        }
        expands(field, termStr);
      }
      perField++;
      try {
        return super.getWildcardQuery(field, termStr);
      } finally {
        perField--;
      }
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      expands(field, "/" + termStr + "/");
      perField++;
      try {
        return super.getRegexpQuery(field, termStr);
      } finally {
        perField--;
      }
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
      java.util.Set<String> all = variants.of(term.text());
      if (all.size() == 1) {
        return super.newTermQuery(term, boost);
      }
      // each spelling of a designator as a clause of its own, which the highlighter marks as it marks a term
      org.apache.lucene.search.BooleanQuery.Builder any = new org.apache.lucene.search.BooleanQuery.Builder();
      all.stream().sorted().forEach(v -> any.add(super.newTermQuery(new Term(term.field(), v), boost),
          org.apache.lucene.search.BooleanClause.Occur.SHOULD));
      return any.build();
    }

    @Override
    protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
      int asked = FuzzyQuery.floatToEdits(minimumSimilarity, term.text().codePointCount(0, term.text().length()));
      int edits = maxEdits(term.text(), asked);
      if (edits == 0) {
        return new TermQuery(term);
      }
      return new FuzzyQuery(term, edits, Math.max(1, prefixLength), MAX_EXPANSIONS, true);
    }

    @Override
    protected Query newRegexpQuery(Term regexp) {
      RegexpQuery q;
      try {
        q = new RegexpQuery(regexp, RegExp.ALL, 0, RegexpQuery.DEFAULT_PROVIDER, DETERMINIZE_WORK,
            getMultiTermRewriteMethod(), true);
      } catch (TooComplexToDeterminizeException e) {
        throw new Refused("regular expression /" + regexp.text() + "/ is too complex to search");
      } catch (IllegalArgumentException e) {
        throw new Refused("regular expression /" + regexp.text() + "/ is not valid: " + e.getMessage());
      }
      if (Operations.getCommonPrefix(q.getAutomaton()).isEmpty()) {
        throw new Refused("regular expression /" + regexp.text() + "/ does not start with a fixed character:"
            + " give at least its first character, as for a wildcard");
      }
      return q;
    }
  }
}
