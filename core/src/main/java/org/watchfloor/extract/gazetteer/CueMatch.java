package org.watchfloor.extract.gazetteer;

import java.util.Objects;

/**
 * A cue of a profile lexicon (a hedge, a negation, an attribution verb …) or an origin cue found
 * in a text: {@code [start, end)} in the original text.
 *
 * @param lexicon the lexicon name ({@code hedges}, …), or {@code origin:<id>} for origin cues
 * @param phrase the cue as the profile lists it
 */
public record CueMatch(int start, int end, String lexicon, String phrase) {

  public CueMatch {
    Objects.requireNonNull(lexicon, "lexicon");
    Objects.requireNonNull(phrase, "phrase");
  }
}
