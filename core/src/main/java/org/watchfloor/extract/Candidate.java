package org.watchfloor.extract;

import java.util.List;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.time.TimeExpression;

/**
 * A sentence that may tell a happening of the watch: it holds a trigger phrase or names a
 * watched entity. Whether it does, and of what type, is the event model's decision.
 *
 * <p>The triggers, entities and times are those the sentence holds, with offsets in the article text.
 *
 * @param ordinal the sentence's place among the article's sentences, from 0
 */
public record Candidate(
    int ordinal,
    Sentences.Sentence sentence,
    List<TriggerMatch> triggers,
    List<EntityMatch> entities,
    List<TimeExpression> times) {

  public Candidate {
    triggers = List.copyOf(triggers);
    entities = List.copyOf(entities);
    times = List.copyOf(times);
  }

  public int start() {
    return sentence.start();
  }

  public int end() {
    return sentence.end();
  }

  public String text() {
    return sentence.text();
  }
}
