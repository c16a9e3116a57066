package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.List;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.profile.EntityKind;

/**
 * The first step of event extraction, made for recall: every sentence with a trigger phrase of
 * an event type, or naming a weapon or a drill, is a candidate. Deciding is left to the model.
 */
final class Candidates {

  /** Longest sentence read as a candidate; beyond it a "sentence" is a run-on page, cut. */
  static final int MAX_SENTENCE_CHARS = 2_000;

  private Candidates() {}

  static List<Candidate> of(Reading r) {
    List<Candidate> out = new ArrayList<>();
    int ti = 0;
    int ei = 0;
    int xi = 0;
    List<Sentences.Sentence> sentences = r.sentences();
    for (int n = 0; n < sentences.size(); n++) {
      Sentences.Sentence s = sentences.get(n);
      // (spans are sorted by start: walk each list once, so a long text costs linear time)
      while (ti < r.triggers().size() && r.triggers().get(ti).start() < s.start()) {
        ti++;
      }
      while (ei < r.entities().size() && r.entities().get(ei).start() < s.start()) {
        ei++;
      }
      while (xi < r.times().size() && r.times().get(xi).start() < s.start()) {
        xi++;
      }
      List<TriggerMatch> triggers = new ArrayList<>();
      for (int i = ti; i < r.triggers().size() && r.triggers().get(i).start() < s.end(); i++) {
        triggers.add(r.triggers().get(i));
      }
      List<EntityMatch> entities = new ArrayList<>();
      for (int i = ei; i < r.entities().size() && r.entities().get(i).start() < s.end(); i++) {
        entities.add(r.entities().get(i));
      }
      boolean watched = entities.stream().anyMatch(e -> e.entity().kind() == EntityKind.WEAPON
          || e.entity().kind() == EntityKind.EXERCISE);
      if (triggers.isEmpty() && !watched) {
        continue;
      }
      List<TimeExpression> times = new ArrayList<>();
      for (int i = xi; i < r.times().size() && r.times().get(i).start() < s.end(); i++) {
        times.add(r.times().get(i));
      }
      Sentences.Sentence cut = s.text().length() <= MAX_SENTENCE_CHARS ? s
          : new Sentences.Sentence(s.start(), s.start() + MAX_SENTENCE_CHARS, s.text().substring(0, MAX_SENTENCE_CHARS), s.paragraph());
      out.add(new Candidate(n, cut, triggers, entities, times));
    }
    return out;
  }
}
