package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.gazetteer.TriggerMatcher;
import org.watchfloor.model.Claim;
import org.watchfloor.profile.EntityKind;

/**
 * The town a sentence says a launch came from, where the reports name no facility: "fired from
 * near Uiju", "launched from the Kaesong area". Only a town the gazetteer knows as a launch site
 * ({@code launch_site: "true"}: the research databases name it as the site itself), and only
 * after "from" that follows a launch's trigger closely: a town a launch report names otherwise is
 * a dateline, where a statement came from, or a place of other news ("proceeds from Kaesong",
 * the industrial zone closed after a rocket launch), and "near Wonsan" is no site, since more than
 * one stands there.
 */
final class LaunchPlaces {

  /** The claim's field, and the attribute a report and its event carry. */
  static final String FIELD = "launch_site";

  /** "from", "from near", "from the", "from the area of" ending just before the town. */
  private static final Pattern FROM = Pattern.compile(
      "(?i)\\bfrom\\s++(?:(?:near|around)\\s++)?+(?:the\\s++)?+(?:(?:area|vicinity|region)\\s++(?:of|around)\\s++)?+\\z");

  /**
   * Punctuation between the trigger and its "from" that puts them in different clauses ("fired a
   * rocket on Sunday; Seoul fears that wages from Kaesong …").
   */
  private static final Pattern BREAK = Pattern.compile("[,;:()\\u2013\\u2014]");

  /** How far before a town its "from" is looked for. */
  private static final int WINDOW = 40;

  /** How far before its "from" a launch's trigger may end ("fired two short-range ballistic missiles from"). */
  private static final int TRIGGER_WINDOW = 60;

  private LaunchPlaces() {}

  /**
   * The launch-site claims of {@code sentence}, which starts at {@code offset}, among {@code
   * entities} in it; {@code triggers} finds the sentence's triggers, of which one of a type in
   * {@code launchTypes} must stand shortly before the "from" (read only where a marked town follows one).
   */
  static List<Claim> claims(String sentence, int offset, List<EntityMatch> entities, TriggerMatcher triggers,
      Set<String> launchTypes) {
    List<Claim> out = new ArrayList<>();
    List<TriggerMatch> found = null;
    for (EntityMatch e : entities) {
      int at = e.start() - offset;
      if (e.entity().kind() != EntityKind.PLACE || !"true".equals(e.entity().attributes().get(FIELD))
          || at < 0 || at > sentence.length()) {
        continue;
      }
      Matcher from = FROM.matcher(sentence).region(Math.max(0, at - WINDOW), at);
      if (!from.find()) {
        continue;
      }
      if (found == null) {
        found = triggers.find(sentence);
      }
      int fromAt = from.start();
      if (found.stream().anyMatch(t -> launchTypes.contains(t.eventType()) && t.end() <= fromAt
          && fromAt - t.end() <= TRIGGER_WINDOW && !BREAK.matcher(sentence).region(t.end(), fromAt).find())) {
        out.add(new Claim(FIELD, e.entity().canonical(), e.start(), e.end()));
      }
    }
    return out;
  }
}
