package org.watchfloor.extract.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.profile.EventTypeDef;
import org.watchfloor.profile.OriginDef;
import org.watchfloor.profile.WatchProfile;

/**
 * Finds a profile's event-type trigger phrases, lexicon cues and origin cues in text, with the
 * same rules as {@link GazetteerMatcher} (case, hyphens and spaces ignored, whole words, longest
 * match wins) but no plurals: the profile lists inflected forms itself.
 *
 * <p>Each lexicon is matched on its own, so a cue of one lexicon never hides a cue of another.
 * Built once per profile; immutable and safe to share between threads.
 */
public final class TriggerMatcher {

  /** A phrase and what it belongs to (an event type, a lexicon, an origin). */
  private record Phrase(String owner, String text) {}

  private final PhraseIndex<Phrase> triggers;
  private final Map<String, PhraseIndex<Phrase>> lexicons;
  /** The cues of every lexicon in one index, for reading them all in one pass. */
  private final PhraseIndex<Phrase> everyLexicon;
  private final PhraseIndex<Phrase> origins;

  private TriggerMatcher(
      PhraseIndex<Phrase> triggers,
      Map<String, PhraseIndex<Phrase>> lexicons,
      PhraseIndex<Phrase> everyLexicon,
      PhraseIndex<Phrase> origins) {
    this.triggers = triggers;
    this.lexicons = lexicons;
    this.everyLexicon = everyLexicon;
    this.origins = origins;
  }

  public static TriggerMatcher of(WatchProfile profile) {
    PhraseIndex.Builder<Phrase> triggers = PhraseIndex.builder();
    for (EventTypeDef type : profile.eventTypes()) {
      for (String trigger : type.triggers()) {
        triggers.add(trigger, new Phrase(type.id(), trigger));
      }
    }
    Map<String, PhraseIndex<Phrase>> lexicons = new LinkedHashMap<>();
    PhraseIndex.Builder<Phrase> every = PhraseIndex.builder();
    profile.lexicons().keySet().stream()
        .sorted()
        .forEach(
            name -> {
              PhraseIndex.Builder<Phrase> cues = PhraseIndex.builder();
              profile.lexicon(name).forEach(cue -> {
                cues.add(cue, new Phrase(name, cue));
                every.add(cue, new Phrase(name, cue));
              });
              lexicons.put(name, cues.build(p -> false));
            });
    PhraseIndex.Builder<Phrase> origins = PhraseIndex.builder();
    for (OriginDef origin : profile.origins()) {
      origin.cues().forEach(cue -> origins.add(cue, new Phrase("origin:" + origin.id(), cue)));
    }
    return new TriggerMatcher(
        triggers.build(p -> false), Map.copyOf(lexicons), every.build(p -> false), origins.build(p -> false));
  }

  /**
   * The trigger phrases in {@code text}, by start offset. A phrase that triggers several event
   * types gives one match per type, with the same span.
   */
  public List<TriggerMatch> find(String text) {
    Objects.requireNonNull(text, "text");
    List<TriggerMatch> matches = new ArrayList<>();
    for (PhraseIndex.Hit<Phrase> hit : triggers.find(text)) {
      Phrase phrase = hit.payload();
      matches.add(new TriggerMatch(hit.start(), hit.end(), phrase.owner(), phrase.text()));
    }
    return matches;
  }

  /** The cues of lexicon {@code lexiconName} in {@code text}; none if there is no such lexicon. */
  public List<CueMatch> findCues(String lexiconName, String text) {
    Objects.requireNonNull(text, "text");
    PhraseIndex<Phrase> index = lexicons.get(lexiconName);
    return index == null ? List.of() : cues(index, text);
  }

  /**
   * The cues of every lexicon in {@code text}, by lexicon name (a lexicon without one is left
   * out): what {@link #findCues} gives lexicon by lexicon, in one pass over the text.
   */
  public Map<String, List<CueMatch>> findAllCues(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, List<CueMatch>> out = new LinkedHashMap<>();
    everyLexicon.findGrouped(text, Phrase::owner).forEach((name, hits) -> {
      List<CueMatch> matches = new ArrayList<>(hits.size());
      for (PhraseIndex.Hit<Phrase> hit : hits) {
        matches.add(new CueMatch(hit.start(), hit.end(), hit.payload().owner(), hit.payload().text()));
      }
      out.put(name, matches);
    });
    return out;
  }

  /**
   * The origin cues in {@code text} ("state media", "joint chiefs of staff" …); each match's
   * {@link CueMatch#lexicon()} is {@code origin:<origin id>}.
   */
  public List<CueMatch> findOrigins(String text) {
    Objects.requireNonNull(text, "text");
    return cues(origins, text);
  }

  private static List<CueMatch> cues(PhraseIndex<Phrase> index, String text) {
    List<CueMatch> matches = new ArrayList<>();
    for (PhraseIndex.Hit<Phrase> hit : index.find(text)) {
      Phrase phrase = hit.payload();
      matches.add(new CueMatch(hit.start(), hit.end(), phrase.owner(), phrase.text()));
    }
    return matches;
  }
}
