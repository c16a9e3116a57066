package org.watchfloor.extract;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.model.Article;

/**
 * An article as the extract stage reads it: the text read, its sentences, and the names,
 * triggers and time expressions found in it, all by offset in {@link #text}.
 *
 * @param anchor the day relative dates count from: the publication day, else a dateline's
 * @param origin the origin the article as a whole traces to (state media, an outlet's own reporting)
 * @param stateMedia whether the outlet is itself the watched state's news agency, which reports
 *     a day's doings the next day
 */
public record Reading(
    Article article,
    String text,
    @Nullable LocalDate anchor,
    String origin,
    boolean stateMedia,
    List<Sentences.Sentence> sentences,
    List<EntityMatch> entities,
    List<TriggerMatch> triggers,
    List<TimeExpression> times) {

  public Reading {
    sentences = List.copyOf(sentences);
    entities = List.copyOf(entities);
    triggers = List.copyOf(triggers);
    times = List.copyOf(times);
  }
}
