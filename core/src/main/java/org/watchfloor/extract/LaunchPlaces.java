package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.model.Claim;
import org.watchfloor.profile.EntityKind;

/**
 * The town a sentence says a launch came from, where the reports name no facility: "fired from
 * near Uiju", "launched from the Kaesong area". Only a town the gazetteer knows as a launch site
 * ({@code launch_site: "true"}: the research databases name it as the site itself), and only
 * after "from": a town a launch report names otherwise is a dateline, where a statement came
 * from, or a place of other news ("the Kaesong industrial zone", suspended after a rocket launch),
 * and "near Wonsan" is no site, since more than one stands there.
 */
final class LaunchPlaces {

  /** The claim's field, and the attribute a report and its event carry. */
  static final String FIELD = "launch_site";

  /** "from", "from near", "from the", "from the area of" ending just before the town. */
  private static final Pattern FROM = Pattern.compile(
      "(?i)\\bfrom\\s++(?:(?:near|around)\\s++)?+(?:the\\s++)?+(?:(?:area|vicinity|region)\\s++(?:of|around)\\s++)?+\\z");

  /** How far before a town its "from" is looked for. */
  private static final int WINDOW = 40;

  private LaunchPlaces() {}

  /** The launch-site claims of {@code sentence}, which starts at {@code offset}, among {@code entities} in it. */
  static List<Claim> claims(String sentence, int offset, List<EntityMatch> entities) {
    List<Claim> out = new ArrayList<>();
    for (EntityMatch e : entities) {
      int at = e.start() - offset;
      if (e.entity().kind() != EntityKind.PLACE || !"true".equals(e.entity().attributes().get(FIELD))
          || at < 0 || at > sentence.length()) {
        continue;
      }
      if (FROM.matcher(sentence).region(Math.max(0, at - WINDOW), at).find()) {
        out.add(new Claim(FIELD, e.entity().canonical(), e.start(), e.end()));
      }
    }
    return out;
  }
}
