package org.watchfloor.alert;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.AlertRule;
import org.watchfloor.model.Event;

/**
 * Whether a rule selects an event. The record's fields are compared first; whether the event is
 * news and its text are asked of {@link Facts} only when a rule needs them, as they cost a read of
 * the event's reports.
 *
 * <p>The query runs on a one-document index in memory ({@link MemoryIndex}) over the event's type
 * and date (field {@code title}) and its summary, entities and evidence sentences ({@code text}),
 * analysed as the search index analyses them: the alert is decided before the search index
 * catches up with the change, so the index cannot answer.
 */
final class RuleMatcher {

  /** What a rule may need of an event beyond its record. */
  interface Facts {
    /** Whether some article tells the event as its news, not in passing. */
    boolean news();

    /** The evidence sentences of the event's reports, one per line. */
    String evidence();
  }

  private static final Analyzer ANALYZER = new EnglishAnalyzer();

  private RuleMatcher() {}

  /** Whether the rule fires on the event as it stands: it selects it and the event meets the thresholds. */
  static boolean matches(AlertRule r, Event e, Facts facts) {
    return meetsThresholds(r, e) && selects(r, e, facts);
  }

  /** The thresholds: independent origins and confidence. */
  static boolean meetsThresholds(AlertRule r, Event e) {
    return e.independentOrigins() >= r.minOrigins() && e.confidence() >= r.minConfidence();
  }

  /** Everything but the thresholds: types, weapons, actors, places, news, planned, query. */
  static boolean selects(AlertRule r, Event e, Facts facts) {
    if (!r.eventTypes().isEmpty() && !r.eventTypes().contains(e.type())) {
      return false;
    }
    if (!r.weapons().isEmpty() && !anyIn(e.weapons(), r.weaponNames())) {
      return false;
    }
    if (!r.actors().isEmpty() && !anyIn(e.actors(), r.actors())) {
      return false;
    }
    if (!r.places().isEmpty() && !anyIn(e.locations(), r.places())) {
      return false;
    }
    if (e.planned() && !r.includePlanned()) {
      return false;
    }
    if (!r.includeBackground() && !facts.news()) {
      return false;
    }
    return r.query() == null || queryMatches(r.query(), e, facts);
  }

  private static boolean anyIn(List<String> values, Collection<String> wanted) {
    return values.stream().anyMatch(wanted::contains);
  }

  private static boolean queryMatches(String query, Event e, Facts facts) {
    MemoryIndex index = new MemoryIndex();
    index.addField("title", e.type().replace('_', ' ') + " " + e.date().iso(), ANALYZER);
    String entities = String.join(" ", e.actors()) + " " + String.join(" ", e.weapons()) + " "
        + String.join(" ", e.locations()) + " " + String.join(" ", e.attributes().values());
    index.addField("text", e.summary() + "\n" + entities + "\n" + facts.evidence(), ANALYZER);
    return index.search(parse(query)) > 0;
  }

  /** The query, parsed as the search box parses one; {@link WatchfloorException.BadInput} saying why not. */
  static Query parse(String query) {
    try {
      return new MultiFieldQueryParser(new String[] {"title", "text"}, ANALYZER, Map.of("title", 2f, "text", 1f))
          .parse(query);
    } catch (ParseException | IllegalArgumentException e) {
      String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new WatchfloorException.BadInput("query \"" + query + "\" is not valid: " + first);
    }
  }
}
