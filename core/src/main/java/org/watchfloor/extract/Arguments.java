package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.gazetteer.CueMatch;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.gazetteer.TriggerMatcher;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Report;
import org.watchfloor.profile.EntityKind;

/**
 * A happening's arguments, from the sentences that tell it and from nothing else: the weapons,
 * places, actors and numbers they name, who the report attributes it to, and how surely it says
 * so. A weapon the article names three paragraphs away, about another day, is not this
 * happening's.
 */
final class Arguments {

  private static final Pattern SAYING = Pattern.compile(
      "^\\s+(?:\\w+\\s+)?(said|says|reported|reports|announced|stated|claimed|told|added)\\b");

  private final TriggerMatcher matcher;
  private final NegationScope negation;

  private final NamedWeapons named;

  Arguments(TriggerMatcher matcher, NegationScope negation, NamedWeapons named) {
    this.matcher = matcher;
    this.negation = negation;
    this.named = named;
  }

  Report report(Drafts.Draft d, Reading r, String id) {
    Set<String> actors = new LinkedHashSet<>();
    Set<String> weapons = new LinkedHashSet<>();
    Set<String> locations = new LinkedHashSet<>();
    Map<String, String> attributes = new LinkedHashMap<>();
    List<Claim> claims = new ArrayList<>();
    claims.add(new Claim("date", d.date.iso(), d.evidence().start(), d.evidence().end()));
    for (Candidate c : d.sentences) {
      for (EntityMatch e : c.entities()) {
        String name = e.entity().canonical();
        switch (e.entity().kind()) {
          case PERSON, ORGANISATION -> actors.add(name);
          case WEAPON -> {
            if (weapons.add(name)) {
              claims.add(new Claim("weapon", name, e.start(), e.end()));
            }
          }
          case FACILITY, PLACE -> {
            if (!Datelines.placeOf(r.text(), c.sentence(), e) && locations.add(name)) {
              claims.add(new Claim("location", name, e.start(), e.end()));
            }
          }
          case EXERCISE -> attributes.putIfAbsent("exercise", name);
        }
      }
      List<Claim> stated = new ArrayList<>(Numbers.readings(c.text(), c.start()));
      stated.addAll(LaunchPlaces.claims(c.text(), c.start(), c.entities(), matcher, RuleExtractor.LAUNCHES));
      for (Claim number : stated) {
        if (attributes.putIfAbsent(number.field(), number.value()) == null) {
          claims.add(number);
        }
      }
    }
    if (d.news && RuleExtractor.LAUNCHES.contains(d.type)) {
      systems(d, r, weapons, claims);
    }
    Numbers.settle(attributes, claims);
    Candidate evidence = d.evidence();
    String origin = r.origin();
    String attribution = null;
    List<CueMatch> cues = matcher.findOrigins(evidence.text());
    if (!cues.isEmpty()) {
      CueMatch first = cues.get(0);
      origin = first.lexicon().substring("origin:".length());
      attribution = attribution(evidence.text(), first);
    }
    return new Report(id, r.article().id(), d.type, d.date, d.planned, !d.news, List.copyOf(actors),
        List.copyOf(weapons), List.copyOf(locations), attributes, evidence.text(), evidence.start(), evidence.end(),
        attribution, certainty(evidence, d.type), origin, claims);
  }

  /**
   * The systems of a launch told as news whose own sentences name only its class ("fired an
   * intermediate-range missile"): the named weapon of that class in the article's sentences about
   * the same day ("the missile was a Musudan"), as the rules find it ({@link NamedWeapons}), else
   * the one system that stood for the class in its year.
   */
  private void systems(Drafts.Draft d, Reading r, Set<String> weapons, List<Claim> claims) {
    Set<String> classes = new LinkedHashSet<>();
    Set<String> namedClasses = new LinkedHashSet<>();
    for (Candidate c : d.sentences) {
      for (EntityMatch e : c.entities()) {
        if (e.entity().kind() == EntityKind.WEAPON && !NamedWeapons.weaponClass(e).isEmpty()) {
          (NamedWeapons.generic(e) ? classes : namedClasses).add(NamedWeapons.weaponClass(e));
        }
      }
    }
    NamedWeapons.Systems systems = named.systems(classes, namedClasses, r.sentences(), r.entities(), r.times(), d.date);
    for (EntityMatch e : systems.found()) {
      String name = e.entity().canonical();
      if (weapons.add(name)) {
        claims.add(new Claim("weapon", name, e.start(), e.end()));
      }
    }
    weapons.addAll(systems.standIns());
  }

  /**
   * Negated where a negation denies the first trigger of the report's type in its evidence, in
   * that trigger's clause ({@link NegationScope}), as the rules judge it; a sentence the model
   * took without such a trigger is judged whole. Hedged where a hedge stands anywhere in it.
   */
  private Certainty certainty(Candidate evidence, String type) {
    String sentence = evidence.text();
    TriggerMatch trigger = evidence.triggers().stream().filter(t -> t.eventType().equals(type)).findFirst().orElse(null);
    boolean negated = trigger == null ? !matcher.findCues("negations", sentence).isEmpty()
        : negation.negates(sentence, trigger.start() - evidence.start());
    return negated ? Certainty.NEGATED
        : !matcher.findCues("hedges", sentence).isEmpty() ? Certainty.HEDGED : Certainty.ASSERTED;
  }

  /** "according to the Joint Chiefs of Staff", "KCNA reported": the cue with its saying verb. */
  private static @Nullable String attribution(String sentence, CueMatch cue) {
    int start = cue.start();
    String before = sentence.substring(Math.max(0, start - 16), start).toLowerCase(Locale.ROOT);
    if (before.endsWith("according to ")) {
      start -= "according to ".length();
    }
    int end = cue.end();
    Matcher verb = SAYING.matcher(sentence).region(end, Math.min(sentence.length(), end + 40));
    verb.useAnchoringBounds(true);
    if (verb.lookingAt()) {
      end = verb.end();
    }
    return sentence.substring(start, end);
  }
}
