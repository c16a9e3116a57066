package org.watchfloor.extract.relevance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.gazetteer.TriggerMatcher;
import org.watchfloor.extract.learn.Features;
import org.watchfloor.model.Article;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.SurfaceForms;
import org.watchfloor.profile.WatchProfile;

/**
 * The features of an article's title and lead that the relevance model reads: words and word
 * pairs, and what the profile's gazetteer and trigger lexicons find there.
 *
 * <p>Only the title and the first {@value #LEAD_CHARS} characters of the body are read: a news
 * article says what it is about up front, and an unrelated article must cost little. Title and
 * lead words are separate features because a word in a headline says more about the subject
 * than the same word in a passing sentence. Lexicon hits are features like any other, never
 * vetoes: "ballistic missile" in an article about Iran must be weighed, not obeyed.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class RelevanceFeatures {

  /**
   * The version of the feature set: a model trained on one version reads nonsense from another,
   * so the model's properties record it and {@link Relevance} refuses a mismatch.
   */
  public static final int VERSION = 1;

  /** How much of the body is read. */
  public static final int LEAD_CHARS = 1_500;

  /**
   * The value of a lexicon feature (a count's is scaled by it). Chosen (among 0.2, 0.3, 0.5, 1
   * and 2) when the label was "tells an event": at 1 the regularised model leaned on a few
   * lexicon hits that every KCNA article shares (Pyongyang, the party, Kim Jong Un) and learned
   * them as much against the watch as for it; at 0.3 recall on articles with events went from
   * 0.89/0.92 (grouped by outlet/by month) to 0.93/0.94 on the annotated corpus and from 1.0/0.82
   * to 1.0/1.0 on KCNA. With every Korea article relevant, 0.3 and 1 differ by an article or two.
   */
  static final double LEXICON_WEIGHT = 0.3;

  private final GazetteerMatcher gazetteer;
  private final TriggerMatcher triggers;
  private final Set<String> watchedCountries;

  public RelevanceFeatures(WatchProfile profile) {
    Objects.requireNonNull(profile, "profile");
    this.gazetteer = GazetteerMatcher.of(profile);
    this.triggers = TriggerMatcher.of(profile);
    this.watchedCountries = Set.copyOf(profile.lexicon("watched_countries"));
  }

  /** The features of {@code article}'s title and lead. */
  public Features of(Article article) {
    return of(article.title(), article.text());
  }

  /** The features of a title (absent when the source gave none) and a body. */
  public Features of(@Nullable String title, String body) {
    Features f = new Features();
    String head = title == null ? "" : title;
    String lead = lead(body);
    words(f, "t", tokens(head));
    words(f, "l", tokens(lead));
    lexicon(f, "t", head);
    lexicon(f, "l", lead);
    return f;
  }

  /** The first {@value #LEAD_CHARS} chars of {@code body}, cut at a space so no word is halved. */
  static String lead(String body) {
    if (body.length() <= LEAD_CHARS) {
      return body;
    }
    int cut = LEAD_CHARS;
    while (cut > LEAD_CHARS / 2 && !Character.isWhitespace(body.charAt(cut))) {
      cut--;
    }
    return body.substring(0, cut);
  }

  /**
   * The words of {@code text}: runs of letters and digits folded as the gazetteer folds them
   * (case, diacritics, Turkish dotted I alike), digits reduced to their count so that years
   * and figures carry their shape and not the period an article happens to be from. Lone
   * letters (the "s" of a possessive, the "u" of "U.S.") are dropped.
   */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char f = i < text.length() ? SurfaceForms.fold(text.charAt(i)) : 0;
      if (f != 0) {
        word.append(f);
      } else if (!word.isEmpty()) {
        add(out, word);
        word.setLength(0);
      }
    }
    return out;
  }

  private static void add(List<String> out, StringBuilder word) {
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return;
    }
    boolean digits = word.chars().allMatch(Character::isDigit);
    out.add(digits ? "#" + word.length() : word.toString());
  }

  /**
   * Word and word-pair indicators of one part, scaled so that the part's vector has length one:
   * a long lead is not more relevant for having more words, and the logistic regression's
   * regularisation treats short and long texts alike.
   */
  private static void words(Features f, String part, List<String> tokens) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      names.add(part + ":" + tokens.get(i));
      if (i > 0) {
        names.add(part + "2:" + tokens.get(i - 1) + "_" + tokens.get(i));
      }
    }
    double value = 1.0 / Math.sqrt(Math.max(1, names.size()));
    names.forEach(n -> f.add(n, value));
  }

  /**
   * What the profile's lexicons find in one part: entity kinds (counted, damped), entity ids,
   * trigger event types, the watched countries' names, and the pairs a linear model cannot
   * form itself: a trigger or a weapon beside a watched country is the watch's own subject,
   * where either alone (a missile of another country, a Korean film festival) is not.
   */
  private void lexicon(Features f, String part, String text) {
    TreeMap<String, Integer> counts = new TreeMap<>();
    Set<String> ids = new LinkedHashSet<>();
    for (EntityMatch m : gazetteer.find(text)) {
      EntityDef e = m.entity();
      counts.merge("kind=" + e.kind().label(), 1, Integer::sum);
      ids.add(e.id());
      if (watched(e)) {
        counts.merge("watched", 1, Integer::sum);
      }
    }
    Set<String> types = new LinkedHashSet<>();
    for (TriggerMatch t : triggers.find(text)) {
      counts.merge("trigger=" + t.eventType(), 1, Integer::sum);
      types.add(t.eventType());
    }
    counts.forEach((name, n) -> f.add(part + "." + name, LEXICON_WEIGHT * Math.log1p(n)));
    ids.forEach(id -> f.add(part + ".id=" + id, LEXICON_WEIGHT));
    if (counts.containsKey("watched")) {
      types.forEach(type -> f.add(part + ".watched&" + type, LEXICON_WEIGHT));
      if (counts.containsKey("kind=weapon")) {
        f.add(part + ".watched&weapon", LEXICON_WEIGHT);
      }
    }
  }

  /** Whether the entity is of a watched country (its "country" attribute, any case). */
  private boolean watched(EntityDef e) {
    String country = e.attribute("country");
    return country != null && watchedCountries.contains(country.toLowerCase(Locale.ROOT));
  }
}
