package org.watchfloor.extract;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.budget.Deadline;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.gazetteer.TriggerMatcher;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.extract.time.TimeTagger;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Mention;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.OriginDef;
import org.watchfloor.profile.WatchProfile;

/**
 * The hand-written reading of an article's events, the one {@link Extractor} uses by default
 * until the learned {@link EventModel} reads state media as well (see the README's "Extraction"):
 * finds in an article the entities, time expressions, numbers and quotes of
 * the watch profile, and from them the reports of events it carries — one report per distinct
 * event, typed by the profile's trigger lexicons, dated against the publication day, with its
 * arguments, evidence sentence, attribution, certainty and origin.
 *
 * <p>Thread-safe once built; build one per profile and reuse it.
 */
final class RuleExtractor {

  /** Days back from publication that a report's date may lie before it counts as background. */
  private static final int BACKGROUND_AFTER_DAYS = 45;

  /** The zone events are dated in: Korean Standard Time, the sources' own. */
  private static final java.time.ZoneId KOREA = java.time.ZoneId.of("Asia/Seoul");

  /**
   * Days back from publication within which a drill a statement's body names without a day ("has
   * staged drills in succession, including Iron Mace") was held: it denounces what was lately done.
   */
  private static final int RECENT_DRILL_DAYS = 30;

  /** Days a dated spell of activity (an exercise, a tour) may last and still be one event. */
  private static final int MAX_SPELL_DAYS = 31;

  /**
   * Years back from today within which a headerless article's yearless dateline is read: a day of
   * a month falls on a given weekday at most once in any five years running.
   */
  private static final int DATELINE_YEARS = 5;


  /**
   * Characters after its trigger within which a plan cue makes a sentence's event planned ("the
   * congress expected in early 2026"); further on, "… said, in what would be the latest in a
   * string of failures" judges the news and does not plan it.
   */
  private static final int PLANNED_REACH = 50;

  /** Sentences from the start of an article that make its lead. */
  private static final int LEAD_SENTENCES = 3;

  /**
   * Sentences after a statement's opening within which the launch it is about names its weapon
   * ("… released the following statement:" / "Terming our launch of a satellite a violation …").
   */
  private static final int STATEMENT_SUBJECT_SENTENCES = 2;

  /**
   * Characters after its trigger within which a word of a trigger's object lexicon must follow it
   * ("visited the munitions factory"); further on, "visited Germany and … agreed on military
   * cooperation" names no object of the visit. An object word before the trigger may lie anywhere.
   */
  private static final int OBJECT_REACH = 60;

  /** Words that may stand between a platform cue and the platform: "from the new-type nuclear submarine". */
  private static final int PLATFORM_CUE_WORDS = 4;

  /** Words that may stand between a detection cue and what it detected: "detected what appeared to be a missile launch". */
  private static final int DETECTION_WORDS = 5;

  /** A possessive just before a trigger: "the frigate's visit". */
  private static final Pattern POSSESSED = Pattern.compile("['’]s?\\s+$");

  /** A short quotation: a label quoted as someone else's word ("the 'threat' of the north"). */
  private static final Pattern SHORT_QUOTE = Pattern.compile("[\"“]([^\"”\n]{1,40})[\"”]");

  /** A line of a digest ("- He inspected …"): each is news in its own right. */
  private static final Pattern BULLET = Pattern.compile("^\\s*+[-•*]\\s++\\p{L}");

  /** Event types whose weapon is the thing fired or tested. */
  /** How far, in characters, the object of a bare trigger verb may stand after it ("launched its fifth …"). */
  private static final int OBJECT_GAP = 20;

  /** A day in the possessive: "Sunday's" (the day the tagger found, then the clitic). */
  private static final Pattern POSSESSIVE_DAY = Pattern.compile("['’]s\\b");

  static final Set<String> LAUNCHES = Set.of("missile_launch", "weapons_test_other");

  private static final Pattern WEEKDAY =
      Pattern.compile("\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b");

  /** A weekday told between a verb and its object: "released Saturday the following statement". */
  private static final Pattern DAY_AFTER_VERB =
      // tried where a run of blanks starts only, read once (from each blank of a run it read the rest)
      Pattern.compile("(?<!\\s)\\s++(?:on\\s++)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b(?=\\s++(?:the|a|an)\\b)");

  /**
   * What may stand between a subject and its verb: an office of it ("'s foreign ministry"), a day
   * ("on Friday"), an adverb or auxiliary ("has strongly"). Blanks and words are read possessively:
   * nested {@code \\s*} let a long run of blanks be split every way before the match failed.
   */
  private static final Pattern SUBJECT_GAP = Pattern.compile(
      "(?:['’]s(?:\\s++\\p{Ll}[\\p{L}-]*+){1,3})?\\s*+(?:,[^,]{1,60},)?"
          + "(?:\\s*+(?:on\\s++)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\\s*+(?:also|has|have|had|again|strongly|sharply|"
          + "swiftly|later|earlier|quickly|immediately|today|yesterday))*+\\s*+");

  /** A text that ends in a verb of saying, the day after it the saying's ("said on"). */
  private static final Pattern SAID_END = Pattern.compile(
      "\\b(?:said|says|announced|reported|confirmed|claimed|disclosed)\\s+(?:on\\s+)?$", Pattern.CASE_INSENSITIVE);

  /** A text that ends in "for", the purpose of what follows ("production for this year"). */
  private static final Pattern FOR_END = Pattern.compile("\\bfor\\s+$", Pattern.CASE_INSENSITIVE);

  /** "for its nuclear and", "for their repeated": the doer's doings a sanction or a rebuke is for. */
  private static final Pattern FOR_ITS = Pattern.compile(
      "\\bfor\\s+(?:its|their|his|her|the\\s+North['’]s|Pyongyang['’]s)\\s+(?:[\\p{L}-]+\\s+){0,3}$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern QUOTE = Pattern.compile("[\"“]([^\"”\\n]{12,600})[\"”]");

  private final WatchProfile profile;
  private final ArticleReader reader;
  private final GazetteerMatcher gazetteer;
  private final TriggerMatcher triggers;
  private final TimeTagger times = new TimeTagger();
  private final Cues hedges;
  private final NegationScope negation;
  private final Cues planned;
  private final Cues background;
  private final Cues military;
  private final Cues statements;
  private final Cues sequence;
  private final Cues conclusion;
  private final Cues capacities;
  /** What makes the happening named after it one feared or awaited: "on alert for possible launches". */
  private final Cues hypotheticals;
  /** "Putin showed Kim around the launch facilities": a guided tour, an inspection (lexicon {@code guided_tours}). */
  private final @Nullable Pattern guidedTour;
  /** What makes the weapon named just before it know-how, not a thing fired: "missile technology". */
  private final Cues knowHow;
  private final Cues notEvents;
  private final Cues backdrops;
  /** What makes a drill named in a backdrop phrase one being held now ("amid the ongoing …"). */
  private final Cues ongoing;
  /** Pieces by outside writers ("an article contributed by an analyst"): opinion, not news. */
  private final Cues contributed;
  /** Words that make a trigger the purpose of an inspection ("inspected the base to guide the drill"). */
  private final Cues purposes;
  /** Launch and test triggers that name their own object ("nuclear test"; lexicon {@code own_object_triggers}). */
  private final Set<String> ownObjectTriggers;
  /** The countries whose doings the watch is of ({@code watched_countries}: a title's doer). */
  private final Set<String> watchedCountries;
  /** Words that tell a launch or test seen by others ("detected", "confirmed"; lexicon {@code detections}). */
  private final Cues detections;
  /** The weapon a trigger names by itself ("nuclear test": a nuclear weapon; lexicon {@code implied_weapons}). */
  private final Map<String, EntityDef> impliedWeapons = new LinkedHashMap<>();
  private final NamedWeapons namedWeapons;
  private final Occasions occasions;
  /** Weapon classes whose firing is a weapons test, not a missile launch (MLRS, artillery). */
  private final Set<String> firingClasses;
  /** Weapon classes whose test is a flight, a launch. */
  private final Set<String> flightClasses;
  /** Weapon classes that carry what a launch fires (submarines, warships). */
  private final Set<String> platformClasses;
  /** The words a launch's platform follows ("from", "aboard"; lexicon {@code platform_cues}). */
  private final Cues platformCues;
  private final List<String> typeOrder;
  /** Event types whose trigger inside a short quotation is another's label, not a happening. */
  private final Set<String> scareQuoted;
  /** Event types whose future date is what they order, not when they happen ({@code future_object_types}). */
  private final Set<String> futureObjects;
  private final Map<String, Cues> originCues = new LinkedHashMap<>();
  /** Per event type, the objects its trigger needs beside it (lexicon {@code <type>_objects}). */
  private final Map<String, Cues> objects = new LinkedHashMap<>();
  /** Per event type, the entity kinds that are such an object too ({@code <type>_object_entities}). */
  private final Map<String, Set<EntityKind>> objectEntities = new LinkedHashMap<>();
  /** Per event type, the words of which one tells it happening (lexicon {@code <type>_happening}). */
  private final Map<String, Cues> happenings = new LinkedHashMap<>();
  /** Per event type, the words after which it is denounced, not told ({@code <type>_denunciations}). */
  private final Map<String, Cues> denunciations = new LinkedHashMap<>();
  /** Per event type, the kinds of entity one of which must be its doer ({@code <type>_actor_entities}). */
  private final Map<String, Set<EntityKind>> actorEntities = new LinkedHashMap<>();
  /** Per event type, the words that name a doer of it without a name ({@code <type>_actors}: "the leader"). */
  private final Map<String, Cues> actorWords = new LinkedHashMap<>();
  /** Per event type, the words that make its trigger a thing found, not done (lexicon {@code <type>_findings}). */
  private final Map<String, Cues> findings = new LinkedHashMap<>();
  /**
   * Outcome ("failure", then "success") to the words that tell it, per event type (lexicons
   * {@code <type>_failures}, {@code <type>_successes}).
   */
  private final Map<String, Map<String, Cues>> outcomes = new LinkedHashMap<>();
  /** Per event type, crowds whose doing it is not ({@code <type>_crowds}: "a rally denounced"). */
  private final Map<String, Cues> crowds = new LinkedHashMap<>();
  /** Per event type, the countries whose doers alone make it ({@code <type>_doer_countries}). */
  private final Map<String, Set<String>> doerCountries = new LinkedHashMap<>();
  /** Per event type: the ids of source bodies that also act in its events (lexicon {@code <type>_acting_origins}). */
  private final Map<String, Set<String>> actingOrigins = new LinkedHashMap<>();
  /** ... and the countries (lower-case ISO codes) a sentence must name for them to act in it. */
  private final Map<String, Set<String>> actingTargets = new LinkedHashMap<>();

  RuleExtractor(WatchProfile profile) {
    this(new ArticleReader(profile, Clock.systemUTC()));
  }

  /** An extractor whose {@code clock} says which years a headerless article's dateline may be of. */
  /** The rules, reading dates and text as {@code reader} does. */
  RuleExtractor(ArticleReader reader) {
    this.reader = reader;
    WatchProfile profile = reader.profile();
    this.profile = profile;
    this.gazetteer = reader.gazetteer();
    this.triggers = reader.triggers();
    this.hedges = new Cues(profile.lexicon("hedges"));
    this.negation = NegationScope.of(profile);
    this.planned = new Cues(profile.lexicon("planned"));
    this.background = new Cues(profile.lexicon("background"));
    this.military = new Cues(profile.lexicon("military"));
    this.statements = new Cues(profile.lexicon("statements"));
    this.sequence = new Cues(profile.lexicon("sequence"));
    this.conclusion = new Cues(profile.lexicon("conclusion"));
    this.capacities = new Cues(profile.lexicon("capacities"));
    this.hypotheticals = new Cues(profile.lexicon("hypotheticals"));
    List<String> guides = profile.lexicon("guided_tours");
    this.guidedTour = guides.isEmpty() ? null : Pattern.compile("\\b(?:"
        + String.join("|", guides.stream().map(Pattern::quote).toList()) + ")\\s+(?:[\\p{L}.'’-]+\\s+){1,4}?a?round\\b",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    this.knowHow = new Cues(profile.lexicon("know_how"));
    this.notEvents = new Cues(profile.lexicon("not_events"));
    this.backdrops = new Cues(profile.lexicon("backdrops"));
    this.ongoing = new Cues(profile.lexicon("ongoing"));
    this.contributed = new Cues(profile.lexicon("contributed_pieces"));
    this.purposes = new Cues(profile.lexicon("purposes"));
    this.detections = new Cues(profile.lexicon("detections"));
    this.watchedCountries = Set.copyOf(profile.lexicon("watched_countries"));
    this.ownObjectTriggers = profile.lexicon("own_object_triggers").stream().map(RuleExtractor::phrase)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    for (String entry : profile.lexicon("implied_weapons")) {
      String[] pair = entry.split("=", 2);
      EntityDef weapon = pair.length < 2 ? null : profile.entity(pair[1].strip())
          .filter(e -> e.kind() == EntityKind.WEAPON).orElse(null);
      if (weapon == null) {
        throw new IllegalArgumentException("lexicon implied_weapons: '" + entry + "' is no 'trigger = weapon id'");
      }
      impliedWeapons.put(phrase(pair[0].strip()), weapon);
    }
    this.namedWeapons = new NamedWeapons(background, profile);
    this.occasions = new Occasions(profile.occasions());
    this.firingClasses = Set.copyOf(profile.lexicon("firing_classes"));
    this.flightClasses = Set.copyOf(profile.lexicon("flight_classes"));
    this.platformClasses = Set.copyOf(profile.lexicon("platform_classes"));
    this.platformCues = new Cues(profile.lexicon("platform_cues"));
    this.typeOrder = profile.eventTypeIds();
    this.scareQuoted = eventTypes("scare_quoted_types");
    this.futureObjects = eventTypes("future_object_types");
    for (String type : typeOrder) {
      perType(type, "_happening", happenings);
      perType(type, "_denunciations", denunciations);
      perType(type, "_findings", findings);
      perType(type, "_failures", outcomes.computeIfAbsent("failure", k -> new LinkedHashMap<>()));
      perType(type, "_successes", outcomes.computeIfAbsent("success", k -> new LinkedHashMap<>()));
      perType(type, "_actors", actorWords);
      perType(type, "_crowds", crowds);
      List<String> countries = profile.lexicon(type + "_doer_countries");
      if (!countries.isEmpty()) {
        doerCountries.put(type, Set.copyOf(countries));
      }
      List<String> acting = profile.lexicon(type + "_acting_origins");
      if (!acting.isEmpty()) {
        actingOrigins.put(type, Set.copyOf(acting));
        actingTargets.put(type, Set.copyOf(profile.lexicon(type + "_acting_origins_countries")));
      }
      List<String> doers = profile.lexicon(type + "_actor_entities");
      if (!doers.isEmpty()) {
        actorEntities.put(type, entityKinds(type + "_actor_entities", doers));
      }
      List<String> words = profile.lexicon(type + "_objects");
      if (!words.isEmpty()) {
        objects.put(type, new Cues(words));
        objectEntities.put(type, entityKinds(type + "_object_entities", profile.lexicon(type + "_object_entities")));
      }
    }
    for (OriginDef origin : profile.origins()) {
      originCues.put(origin.id(), new Cues(origin.cues()));
    }
  }

  /** The event types of lexicon {@code name}, each one the profile defines. */
  private Set<String> eventTypes(String name) {
    Set<String> types = Set.copyOf(profile.lexicon(name));
    for (String type : types) {
      if (!typeOrder.contains(type)) {
        throw new IllegalArgumentException("lexicon " + name + ": unknown event type '" + type + "'");
      }
    }
    return types;
  }

  /** Puts lexicon {@code <type><suffix>} of the profile into {@code into}, if the profile has one. */
  private void perType(String type, String suffix, Map<String, Cues> into) {
    List<String> words = profile.lexicon(type + suffix);
    if (!words.isEmpty()) {
      into.put(type, new Cues(words));
    }
  }

  private static Set<EntityKind> entityKinds(String lexicon, List<String> labels) {
    Set<EntityKind> kinds = EnumSet.noneOf(EntityKind.class);
    for (String label : labels) {
      kinds.add(EntityKind.fromLabel(label).orElseThrow(() -> new IllegalArgumentException(
          "lexicon " + lexicon + ": unknown entity kind '" + label + "'")));
    }
    return kinds;
  }

  public WatchProfile profile() {
    return profile;
  }

  /** The origin a source name (an outlet) is itself, if it is one of the profile's origins. */
  private @Nullable Origin originNamed(@Nullable String name) {
    if (name == null) {
      return null;
    }
    for (OriginDef o : profile.origins()) {
      Matcher m = originCues.get(o.id()).find(name);
      if (o.name().equalsIgnoreCase(name.strip()) || (m != null && m.start() == 0 && m.end() == name.strip().length())) {
        return new Origin(o.id(), o.name());
      }
    }
    return null;
  }

  public Extraction extract(Article article) {
    // The news of an article is at its top: beyond MAX_CHARS (a long speech, a runaway page)
    // the rest is not read, so that one huge document cannot stall the stream.
    String text = ArticleReader.scanned(article.text());
    LocalDate anchor = article.published() == null ? reader.datelineDay(text) : article.published().localDay();
    List<Mention> mentions = new ArrayList<>();
    List<EntityMatch> entities = gazetteer.find(text);
    for (EntityMatch e : entities) {
      mentions.add(new Mention(Mention.Kind.ENTITY, e.start(), e.end(), text.substring(e.start(), e.end()), e.entity().id()));
    }
    List<TimeExpression> timex = anchor == null ? reader.anchorFree(text) : times.tag(text, anchor);
    for (TimeExpression t : timex) {
      mentions.add(new Mention(Mention.Kind.TIME, t.start(), t.end(), t.text(), t.value().isKnown() ? t.value().iso() : null));
    }
    Matcher q = QUOTE.matcher(text);
    while (q.find()) {
      mentions.add(new Mention(Mention.Kind.QUOTE, q.start(1), q.end(1), q.group(1), null));
    }

    String articleOrigin = articleOrigin(article);
    // "fired from a submarine": a submarine is a launch's platform only as what it was fired from
    Predicate<EntityMatch> carrier = e -> platformCues.endsNear(text, e.start(), PLATFORM_CUE_WORDS);
    List<Draft> drafts = new ArrayList<>();
    Draft last = null;
    int ordinal = 0;
    boolean militaryArticle = militaryIn(text, entities);
    boolean statementArticle = false;
    // "The full text of an article contributed by an analyst": an opinion, all of it background
    boolean opinionPiece = false;
    Draft statementDraft = null;
    int statementAt = 0;
    // (a "sentence" longer than a candidate is read as far as a candidate is: the rules scan a
    // sentence once per trigger and name in it, which a run-on page with no full stop made quadratic)
    List<Sentences.Sentence> sentences = Sentences.joinedAcross(text, Sentences.of(text),
        entities.stream().map(e -> new int[] {e.start(), e.end()}).toList()).stream()
        .map(RuleExtractor::bounded).toList();
    Deadline deadline = Deadline.current();
    for (Sentences.Sentence s : sentences) {
      deadline.check();
      List<Claim> numbers = new ArrayList<>(Numbers.readings(s.text(), s.start()));
      for (Claim c : numbers) {
        mentions.add(new Mention(Mention.Kind.NUMBER, c.start(), c.end(), text.substring(c.start(), c.end()),
            Numbers.fieldOf(c) + "=" + c.value()));
      }
      List<EntityMatch> inSentence = within(entities, s.start(), s.end());
      // (a town a launch came from travels with the numbers: a claim of the sentence's report)
      numbers.addAll(LaunchPlaces.claims(s.text(), s.start(), inSentence, triggers, LAUNCHES));
      boolean lead = ordinal < LEAD_SENTENCES || BULLET.matcher(s.text()).lookingAt();
      ordinal++;
      List<TimeExpression> times = within(timex, s.start(), s.end());
      // "Could North Korea put a warhead atop a rocket and fire it?" asks; it reports nothing.
      if (s.text().endsWith("?")) {
        continue;
      }
      // ("released Saturday the following press statement": the day between verb and object)
      boolean contributedPiece = contributed.in(s.text());
      opinionPiece |= ordinal == 1 && contributedPiece;
      boolean statement = lead && militaryArticle && !contributedPiece
          && statements.in(DAY_AFTER_VERB.matcher(s.text()).replaceAll(""));
      statementArticle |= statement;
      // (the first sentence of an article on military matters is its news: "The plenary
      // meeting concluded" needs no military word of its own)
      // (in a statement's body, "they resumed their firing drill on June 26": the statement has
      // named who "they" are, and a day told makes the sentence a report of its own)
      boolean dayTold = times.stream().anyMatch(RuleExtractor::toldDay);
      List<TriggerMatch> eligible = statement ? List.of()
          : eligibleTriggers(s, inSentence, ordinal == 1 && militaryArticle, statementArticle && dayTold, dayTold,
              times.stream().anyMatch(t -> toldDay(t) && !t.future()), drafts);
      TriggerMatch best = best(s.text(), eligible);
      if (statementDraft != null && ordinal - statementAt <= STATEMENT_SUBJECT_SENTENCES && statementDraft.weapons.isEmpty()
          && eligible.stream().anyMatch(t -> LAUNCHES.contains(t.eventType()))) {
        // "Terming our launch of a satellite a violation …": the statement is about that weapon
        statementDraft.absorb(inSentence.stream().filter(e -> e.entity().kind() == EntityKind.WEAPON).toList(),
            List.of(), statementDraft.paragraph);
      }
      // "X issued a press statement on Sunday": the statement is the news, whoever its speaker.
      String type = statement ? "threat_statement" : best == null ? null : best.eventType();
      if (type == null) {
        if (last != null && s.paragraph() - last.paragraph <= 1) {
          last.absorb(things(text, s, inSentence), numbers, s.paragraph());
        }
        continue;
      }
      Map<TriggerMatch, TimeExpression> ownDated = best == null ? Map.of() : ownDated(s.text(), best, eligible, rebased(times, s.start()));
      boolean sequenced = sequence.in(s.text());
      List<TriggerMatch> cuts = new ArrayList<>(ownDated.keySet());
      if (best != null) {
        cuts.add(best);
      }
      cuts.sort(Comparator.comparingInt(TriggerMatch::start));
      List<TimeExpression> primaryTimes = times.stream()
          .filter(t -> ownDated.values().stream().noneMatch(o -> o.start() + s.start() == t.start())).toList();
      int[] region = best == null ? new int[] {0, s.text().length()} : region(best, cuts, s.text().length());
      List<Draft> found = new ArrayList<>();
      // "The directive follows a tour of a shipyard": what comes after the cue happened before
      // the news the sentence opens with, and is not that news.
      Matcher after = sequence.find(s.text());
      boolean earlier = best != null && after != null && after.start() > 0 && best.start() >= after.end();
      int[] planRegion = best == null ? region : planRegion(best, eligible, region);
      // (a statement told as news has no trigger: what a negation would deny is its issuing)
      Matcher issued = best == null ? statements.find(s.text()) : null;
      int triggerAt = best != null ? best.start() : issued != null ? issued.start() : 0;
      found.add(draft(article, s, type, within(inSentence, s.start() + region[0], s.start() + region[1]), numbers,
          primaryTimes, planRegion, triggerAt, earlier, anchor, articleOrigin, carrier));
      ownDated.forEach((t, when) -> {
        int[] r = region(t, cuts, s.text().length());
        TimeExpression told = times.stream().filter(x -> x.start() == when.start() + s.start()).findFirst().orElseThrow();
        found.add(draft(article, s, t.eventType(), within(inSentence, s.start() + r[0], s.start() + r[1]), List.of(),
            List.of(told), r, t.start(), sequenced, anchor, articleOrigin, carrier));
      });
      // "The U.S. has staged nuclear war drills in succession, including Iron Mace and Ulchi Freedom
      // Shield": a statement's body that names drills without a day denounces each as lately held
      List<Draft> recent = statementArticle && !lead && anchor != null
          ? recentDrills(article, s, found.get(0), within(inSentence, s.start() + region[0], s.start() + region[1]),
              planRegion, anchor, articleOrigin, carrier, drafts)
          : List.of();
      if (!recent.isEmpty()) {
        found.set(0, recent.get(0));
        found.addAll(1, recent.subList(1, recent.size()));
      }
      // "Amid the ongoing Ulchi Freedom Shield drills, the State Department approved the sale":
      // the setting is no news of the sale, but a named drill held now is news of its own
      int[] held = best == null ? null : heldBackdrop(s, inSentence, best);
      Draft drill = null;
      if (held != null) {
        drill = draft(article, s, "military_exercise", within(inSentence, s.start() + held[0], s.start() + held[1]),
            List.of(), List.of(), held, held[0], false, anchor, articleOrigin, carrier);
        found.add(drill);
      }
      if (best != null && !dayTold && forItsDoings(s.text(), best)) {
        // "sanctions for its nuclear and rocket tests": the doings a sanction or a rebuke is for,
        // told undated and in the plural, are its cause from the past, no news
        found.get(0).background = true;
        found.get(0).vague = true;
      }
      if (statement) {
        // "released the following press statement 'Our army will …'": the issuing is done; a plan
        // word of the statement's title plans nothing
        found.get(0).planned = false;
      }
      for (Draft d : found) {
        // The news of an article is in its lead (or its bulleted digest); an event type first
        // met further down is something the article mentions, not what it reports.
        // A statement that denounces what the enemy did tells, beside its warnings, happenings to
        // the day ("On June 26, they resumed their firing drill"): each is news of its own.
        // (its own warnings are the statement's news; another's denunciation it cites is not)
        d.background |= opinionPiece
            || (!lead && !(statementArticle && (d.toldDay() || d == drill || recent.contains(d)) && !d.type.equals("threat_statement")));
        if (!statementArticle && recap(d, drafts)) {
          d.background = true;
          d.earlier = true;
        }
        Draft same = drafts.stream().filter(x -> x.compatible(d)).findFirst().orElse(null);
        if (same != null) {
          same.merge(d);
          last = same;
        } else {
          drafts.add(d);
          last = d;
        }
        if (statement && d == found.get(0)) {
          statementDraft = last;
          statementAt = ordinal;
        }
      }
    }
    mergeTestsIntoLaunches(drafts);
    titleNews(article, drafts, anchor);
    for (Draft d : drafts) {
      // "fired an intermediate-range missile" … "the missile was a Musudan": the lead names the
      // class, the article the system.
      // (and a class no system of which the article names, in years when one system alone stood for it)
      if (!d.background && LAUNCHES.contains(d.type)) {
        NamedWeapons.Systems systems = namedWeapons.systems(d.weaponClasses, d.namedClasses, sentences, entities, timex,
            d.date);
        d.absorb(systems.found(), List.of(), d.paragraph);
        d.weapons.addAll(systems.standIns());
      }
    }
    List<Report> reports = new ArrayList<>();
    for (Draft d : drafts) {
      if ((d.background && !d.date.isKnown()) || (d.vague && !d.ownDate)) {
        continue; // "has tested more missiles in recent years": no event to record
      }
      // Rockets of a multiple launcher or artillery fired are a weapons test, not a missile launch.
      boolean firing = d.type.equals("missile_launch") && !d.weaponClasses.isEmpty()
          && firingClasses.containsAll(d.weaponClasses);
      reports.add(d.toReport(firing ? "weapons_test_other" : d.type, article.id(), article.id() + "-r" + reports.size()));
    }
    mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
    return new Extraction(mentions, occasions.tag(reports, sentences));
  }

  /**
   * Makes news of the recent happening a title tells where the text read has none ("North Koreans
   * Launch Rocket" over a text a scraper cut to its commentary, where the launch is named in
   * passing): of the drafts of the title's type, not planned nor told as earlier, the first dated
   * within a day of publication. The title tells a happening with a trigger whose doer, its
   * subject, is of a watched country (lexicon {@code watched_countries}), and no plan cue.
   */
  private void titleNews(Article article, List<Draft> drafts, @Nullable LocalDate anchor) {
    String title = article.title();
    if (anchor == null || title == null || title.isBlank() || planned.in(title) || drafts.stream().anyMatch(d -> !d.background)) {
      return;
    }
    Sentences.Sentence line = new Sentences.Sentence(0, title.length(), title, 0);
    List<EntityMatch> named = gazetteer.find(title);
    for (TriggerMatch t : triggers.find(title)) {
      String doer = subjectCountry(line, named, t);
      if (doer == null || !watchedCountries.contains(doer)) {
        continue;
      }
      Draft news = drafts.stream()
          .filter(d -> d.type.equals(t.eventType()) && !d.planned && !d.earlier && !d.vague && d.date.isKnown()
              && !d.date.latest().isBefore(anchor.minusDays(1)) && !d.date.earliest().isBefore(anchor.minusDays(2)))
          .findFirst().orElse(null);
      if (news != null) {
        news.background = false;
        return;
      }
    }
  }

  /**
   * Whether {@code d} recaps an older happening below the article's news: "North Korea fired
   * projectiles on Monday" … "It fired two ballistic missiles on Friday" tells Friday's launch as
   * the setting of Monday's. The news is the first report the article dates to a day of its own;
   * a happening its sentence dates over a day before that is past. (A statement that lists the
   * enemy's doings day by day is left to its own rules.)
   */
  private static boolean recap(Draft d, List<Draft> drafts) {
    if (d.planned || !d.ownDate || !d.date.isKnown()) {
      return false;
    }
    return drafts.stream().filter(Draft::toldDay).findFirst()
        .map(news -> d.date.latest().isBefore(news.date.earliest().minusDays(1))).orElse(false);
  }

  /**
   * "Oversaw the test-fire of the new 600mm launcher" … "the enterprise developed the launcher,
   * whose performance test …": a weapons test told of the very system an article's launch fires,
   * on the same day, is that launch.
   */
  private static void mergeTestsIntoLaunches(List<Draft> drafts) {
    for (Draft launch : List.copyOf(drafts)) {
      if (!launch.type.equals("missile_launch") || launch.background) {
        continue;
      }
      drafts.removeIf(test -> test.type.equals("weapons_test_other") && !test.planned && test.namedWeapon
          && test.named.stream().anyMatch(launch.named::contains)
          && (!test.date.isKnown() || !launch.date.isKnown() || test.date.overlaps(launch.date, 1))
          && launch.absorbed(test));
    }
  }

  /**
   * The trigger phrases of the sentence whose arguments are there: a weapon for launches and
   * tests, some actor or object of the domain (not merely a place or the reporting agency) for
   * the others, in a sentence that is itself military (or in {@code militaryContext}); a trigger
   * that names its own object is enough in a sentence that tells a past day ({@code pastDayTold})
   * or its detection.
   */
  private List<TriggerMatch> eligibleTriggers(Sentences.Sentence s, List<EntityMatch> inSentence, boolean militaryContext,
      boolean subjectKnown, boolean dayTold, boolean pastDayTold, List<Draft> drafted) {
    boolean weapon = false;
    boolean domain = false;
    Set<EntityKind> kinds = EnumSet.noneOf(EntityKind.class);
    boolean militaryEntity = false;
    for (EntityMatch e : inSentence) {
      EntityKind kind = e.entity().kind();
      weapon |= kind == EntityKind.WEAPON;
      // (a dual-use place, "Kangdong" of a greenhouse farm, is no object of an inspection or an order)
      if (!dualUse(e)) {
        kinds.add(kind);
      }
      domain |= kind != EntityKind.PLACE && !e.entity().isOrigin();
      militaryEntity |= military(e);
    }
    // "Russia vetoed a Security Council resolution": a source body that acts in events of some
    // type (a council votes on sanctions) is their actor, for triggers of that type alone
    Set<String> actingTypes = domain ? Set.of() : actingTypes(inSentence, militaryContext);
    domain |= !actingTypes.isEmpty();
    // Most state-media copy is greetings, ceremonies and economy: a trigger ("sent", "meeting",
    // "visited") makes an event of the watch only in a sentence that is itself military.
    // ("a nuclear test on Friday, Seoul said": a trigger that names its object, told with its day
    // or as something detected, "an official said he can 'confirm that we have detected a missile
    // launch'"; undated, "a pretext to conduct missile tests"
    // or "it was a satellite launch" is no happening)
    boolean ownObject = ownObject(s.text(), pastDayTold);
    if (!(domain || subjectKnown || ownObject) || !(militaryContext || militaryEntity || military.in(s.text()))) {
      return List.of();
    }
    // (a sentence of the watch only through an acting body keeps to the types that body acts in)
    boolean onlyActing = !actingTypes.isEmpty() && !subjectKnown && !ownObject;
    List<TriggerMatch> out = new ArrayList<>();
    for (TriggerMatch t : withGuidedTours(s.text(), triggers.find(s.text()))) {
      if (onlyActing && !actingTypes.contains(t.eventType())) {
        continue;
      }
      // "the ability to send a nuclear warhead": a capacity, not a happening; "the exercise of
      // sovereignty": a trigger word in a phrase that means no happening at all
      // ("on alert for any response, including possible missile launches": feared, not happened)
      if (capacities.endsAt(s.text(), t.start()) || hypotheticals.endsNear(s.text(), t.start(), 2)
          || notEvents.covers(s.text(), t.start(), t.end())
          || inBackdrop(s.text(), t)) {
        continue;
      }
      // "people rallied to condemn the puppets for staging war drills": what a denunciation is
      // aimed at is news only where the sentence tells its day
      Cues denouncing = denunciations.get(t.eventType());
      Matcher denounced = denouncing == null ? null : denouncing.find(s.text());
      if (!dayTold && denounced != null && denounced.end() <= t.start()) {
        continue;
      }
      // A bare "fired" or "test" needs a weapon beside it; a phrase ("performance test of
      // drones", "nuclear test") carries its own object.
      boolean needsWeapon = (t.eventType().equals("missile_launch") || t.eventType().equals("weapons_test_other"))
          && s.text().substring(t.start(), t.end()).indexOf(' ') < 0;
      // (an article's first sentence, on military matters, may name the thing by its kind:
      // "A rocket launched by the North late Tuesday flew over …")
      if (needsWeapon && !weapon && !(militaryContext && military.endsNear(s.text(), t.start(), 1))) {
        continue;
      }
      // "sent off at the airport", "increased production of cement", "visited Germany": a
      // transfer, a production order or an inspection is one of the watch only with its object.
      Cues object = objects.get(t.eventType());
      if (object != null && !objectNear(object, s.text(), t)
          && objectEntities.get(t.eventType()).stream().noneMatch(kinds::contains)) {
        continue;
      }
      // "an all-people rally took place to denounce …": what a crowd does is no event of the type
      Cues crowd = crowds.get(t.eventType());
      Matcher crowdWord = crowd == null ? null : crowd.find(s.text());
      if (crowdWord != null && crowdWord.end() <= t.start()) {
        continue;
      }
      // "South Korea on Friday condemned the supply", "Russian forces fired the missiles": a
      // warning or a launch is of the watch only as the watched side's; another country's is not
      Set<String> doerCountry = doerCountries.get(t.eventType());
      String subject = doerCountry == null ? null : subjectCountry(s, inSentence, t);
      if (subject != null && !doerCountry.contains(subject)) {
        continue;
      }
      // 'allegedly to cope with the "threat" of …': a label quoted as the other side's word
      if (scareQuoted.contains(t.eventType()) && inShortQuote(s.text(), t)) {
        continue;
      }
      // "praised them for producing", "the decision of the last plenary meeting": an order is
      // one only as it is given, a meeting only as it is held (lexicon {@code <type>_happening});
      // once the article has told one, "he made a report at the meeting" goes on with it
      Cues happening = happenings.get(t.eventType());
      if (happening != null && !happening.in(s.text())
          && drafted.stream().noneMatch(d -> d.type.equals(t.eventType()) && !d.background)) {
        continue;
      }
      // "the carrier task force called at a base": an inspection is made by someone; once the
      // article has told one, "he then looked round the workshops" goes on with it
      Set<EntityKind> doers = actorEntities.get(t.eventType());
      Matcher doerWord = actorWords.containsKey(t.eventType()) ? actorWords.get(t.eventType()).find(s.text()) : null;
      // "welcomed the frigate's visit": who makes it is the thing named just before, no doer
      if (doers != null && POSSESSED.matcher(s.text().substring(0, t.start())).find()
          && inSentence.stream().noneMatch(e -> e.end() - s.start() == possessor(s.text(), t) && doer(e, doers, s, t))) {
        continue;
      }
      if (doers != null && inSentence.stream().noneMatch(e -> doer(e, doers, s, t))
          && (doerWord == null || doerWord.end() > t.start())
          && drafted.stream().noneMatch(d -> d.type.equals(t.eventType()) && !d.background)) {
        continue;
      }
      // "balloons sent by the enemy were found in the county": what the sentence reports is a
      // finding of the things, not the launch or the campaign
      Cues finding = findings.get(t.eventType());
      if (finding != null && finding.in(s.text())) {
        continue;
      }
      out.add(t);
    }
    return out;
  }

  /**
   * The weapons that triggers of {@code type} in {@code region} of the sentence name by themselves
   * ("a nuclear test on Friday": a nuclear weapon), where no weapon of that class is named there.
   */
  private List<EntityMatch> weaponsOfTriggers(Sentences.Sentence s, String type, int[] region, List<EntityMatch> named) {
    List<EntityMatch> out = new ArrayList<>();
    for (TriggerMatch t : triggers.find(s.text())) {
      EntityDef weapon = impliedWeapons.get(phrase(s.text().substring(t.start(), t.end())));
      if (weapon != null && t.eventType().equals(type) && t.start() >= region[0] && t.end() <= region[1]
          && named.stream().noneMatch(e -> e.entity().kind() == EntityKind.WEAPON
              && Objects.equals(e.entity().attribute("class"), weapon.attribute("class")))) {
        out.add(new EntityMatch(s.start() + t.start(), s.start() + t.end(), weapon));
      }
    }
    return out;
  }

  /**
   * Whether a trigger of the sentence names its own object as a happening: told with a past day
   * ("a nuclear test on Friday, Seoul said") or after a word of its detection (lexicon {@code
   * detections}: "we have detected a missile launch").
   */
  private boolean ownObject(String sentence, boolean pastDayTold) {
    return triggers.find(sentence).stream()
        .anyMatch(t -> ownObjectTriggers.contains(phrase(sentence.substring(t.start(), t.end())))
            && (pastDayTold || detections.endsNear(sentence, t.start(), DETECTION_WORDS)));
  }

  /**
   * Whether a day is told in the possessive of a trigger of {@code type} in the region ("in
   * retaliation for Sunday's rocket launch"): that day is the happening's, whatever other day the
   * sentence tells of the saying or of the retaliation.
   */
  private boolean ownsTrigger(Sentences.Sentence s, TimeExpression t, String type, int[] region) {
    int end = t.end() - s.start();
    if (end < 0 || end + 2 > s.text().length() || !POSSESSIVE_DAY.matcher(s.text().substring(end)).lookingAt()) {
      return false;
    }
    return triggers.find(s.text()).stream().anyMatch(m -> m.eventType().equals(type) && m.start() >= region[0]
        && m.end() <= region[1] && m.start() > end && m.start() - end <= OBJECT_GAP);
  }

  /** A trigger phrase as compared with a lexicon: lower case, hyphens as spaces ("Nuclear-test" is "nuclear test"). */
  private static String phrase(String words) {
    return words.toLowerCase(Locale.ROOT).replace('-', ' ');
  }

  /**
   * The event types in which some source body of the sentence acts, and, in an article's first
   * sentence on military matters, the launches of a country the sentence names that makes them
   * ("A rocket launched by North Korea late Tuesday flew over …": the country is the actor).
   */
  private Set<String> actingTypes(List<EntityMatch> inSentence, boolean militaryContext) {
    Set<String> types = new LinkedHashSet<>();
    // (a council's veto of a resolution on another country's war is no sanctions news of the watch)
    actingOrigins.forEach((type, ids) -> {
      if (inSentence.stream().anyMatch(e -> e.entity().isOrigin() && ids.contains(e.entity().id()))
          && namesCountry(inSentence, actingTargets.getOrDefault(type, Set.of()))) {
        types.add(type);
      }
    });
    for (String type : militaryContext ? LAUNCHES : Set.<String>of()) {
      if (namesCountry(inSentence, doerCountries.getOrDefault(type, Set.of()))) {
        types.add(type);
      }
    }
    return types;
  }

  /**
   * Whether the sentence names one of {@code countries} (lower-case ISO codes) itself: not one of
   * its cities, which a dateline ("Pyongyang, May 2") names whatever the news.
   */
  private static boolean namesCountry(List<EntityMatch> inSentence, Set<String> countries) {
    return inSentence.stream().anyMatch(e -> e.entity().kind() == EntityKind.PLACE
        && "country".equals(e.entity().attribute("type")) && e.entity().attribute("country") != null
        && countries.contains(e.entity().attribute("country").toLowerCase(Locale.ROOT)));
  }

  /**
   * The country of whoever does trigger {@code t}: an entity with a country named just before it
   * as its subject ("South Korea on Friday condemned", "Japan's defence ministry warned"), or
   * {@code null} when no such subject stands there ("the visit to Busan is a threat" has none).
   */
  private static @Nullable String subjectCountry(Sentences.Sentence s, List<EntityMatch> inSentence, TriggerMatch t) {
    EntityMatch subject = null;
    for (EntityMatch e : inSentence) {
      if (e.end() - s.start() <= t.start() && (subject == null || e.end() > subject.end())) {
        subject = e;
      }
    }
    if (subject == null || subject.entity().attribute("country") == null) {
      return null;
    }
    String between = s.text().substring(subject.end() - s.start(), t.start());
    return SUBJECT_GAP.matcher(between).matches() ? subject.entity().attribute("country").toLowerCase(Locale.ROOT) : null;
  }

  /** Where the possessor named before a trigger ("the frigate's visit") ends in the sentence. */
  private static int possessor(String sentence, TriggerMatch t) {
    Matcher m = POSSESSED.matcher(sentence.substring(0, t.start()));
    return m.find() ? m.start() : -1;
  }

  /**
   * Whether a word of {@code object} is the object of trigger {@code t}: before it anywhere
   * ("the munitions factory Kim visited"), after it within {@link #OBJECT_REACH} characters.
   */
  private static boolean objectNear(Cues object, String sentence, TriggerMatch t) {
    Matcher m = object.find(sentence);
    while (m != null) {
      if (m.end() <= t.start() || m.start() - t.end() <= OBJECT_REACH) {
        return true;
      }
      if (m.start() > t.end() + OBJECT_REACH) {
        return false;
      }
      m = m.find() ? m : null;
    }
    return false;
  }

  private static boolean inShortQuote(String sentence, TriggerMatch t) {
    Matcher q = SHORT_QUOTE.matcher(sentence);
    while (q.find()) {
      if (q.start(1) <= t.start() && q.end(1) >= t.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code e} is a doer of trigger {@code t}: an entity of those kinds (not the reporting
   * agency) named before it, its subject, or after "by" ("the plant was visited by Kim"); the
   * regiment that artists "visited" is no visitor.
   */
  private static boolean doer(EntityMatch e, Set<EntityKind> doers, Sentences.Sentence s, TriggerMatch t) {
    if (!doers.contains(e.entity().kind()) || e.entity().isOrigin() || dualUse(e)) {
      return false;
    }
    int start = e.start() - s.start();
    return start + (e.end() - e.start()) <= t.start()
        || (start > t.end() && s.text().substring(t.end(), start).strip().toLowerCase(Locale.ROOT).endsWith("by"));
  }

  /**
   * Whether {@code t} lies in a backdrop phrase that opens its clause ("Amid the ongoing drills,
   * the State Department approved the sale"): the setting of the news, not the news.
   */
  private boolean inBackdrop(String sentence, TriggerMatch t) {
    Matcher m = backdrops.find(sentence);
    while (m != null && m.end() <= t.start()) {
      String between = sentence.substring(m.end(), t.start());
      if (between.indexOf(',') < 0 && between.indexOf(';') < 0) {
        return true;
      }
      m = m.find() ? m : null;
    }
    return false;
  }

  /**
   * One draft for each drill named in {@code region} that {@code news}, an undated, unplanned
   * drill of a statement's body, tells of, dated to the last {@value #RECENT_DRILL_DAYS} days,
   * leaving out a drill whose season (gazetteer attribute {@code season}) lies outside them and
   * one the article has told already ("are going to stage Ulchi Freedom Shield from August 19" …
   * "thus Ulchi Freedom Shield betrays its colours": the drill told on); none where the sentence
   * is no such drill.
   */
  private List<Draft> recentDrills(Article article, Sentences.Sentence s, Draft news, List<EntityMatch> region,
      int[] planRegion, LocalDate anchor, String articleOrigin, Predicate<EntityMatch> carrier, List<Draft> drafted) {
    if (!news.type.equals("military_exercise") || news.ownDate || news.planned || news.vague) {
      return List.of();
    }
    List<EntityMatch> others = region.stream().filter(e -> e.entity().kind() != EntityKind.EXERCISE).toList();
    EventDate lately = new EventDate(anchor.minusDays(RECENT_DRILL_DAYS), anchor.minusDays(1),
        org.watchfloor.model.DatePrecision.MONTH);
    Set<String> seen = new LinkedHashSet<>();
    List<Draft> out = new ArrayList<>();
    for (EntityMatch e : region) {
      String name = e.entity().canonical();
      if (e.entity().kind() != EntityKind.EXERCISE || !seen.add(e.entity().id()) || !Seasons.within(e.entity(), lately)
          || drafted.stream().anyMatch(d -> name.equals(d.attributes.get("exercise")))) {
        continue;
      }
      List<EntityMatch> own = new ArrayList<>(others);
      own.add(e);
      Draft d = draft(article, s, news.type, own, List.of(), List.of(), planRegion, news.triggerAt, false, anchor,
          articleOrigin, carrier);
      d.date = lately;
      out.add(d);
    }
    return out;
  }

  /**
   * The span of a backdrop phrase before the news trigger {@code news} that tells a named drill
   * held now ("Amid the ongoing Ulchi Freedom Shield exercises, …"), or {@code null}: a drill
   * trigger and an exercise of the gazetteer after the backdrop cue and a cue of lexicon
   * {@code ongoing} there.
   */
  private int @Nullable [] heldBackdrop(Sentences.Sentence s, List<EntityMatch> inSentence, TriggerMatch news) {
    String sentence = s.text();
    Matcher m = backdrops.find(sentence);
    if (m == null || m.end() > news.start() || news.eventType().equals("military_exercise")) {
      return null;
    }
    int from = m.start();
    int to = news.start();
    String setting = sentence.substring(m.end(), to);
    boolean named = inSentence.stream().anyMatch(e -> e.entity().kind() == EntityKind.EXERCISE
        && e.start() - s.start() >= m.end() && e.end() - s.start() <= to);
    boolean drill = triggers.find(sentence).stream()
        .anyMatch(t -> t.eventType().equals("military_exercise") && t.start() >= m.end() && t.end() <= to);
    return named && drill && ongoing.in(setting) ? new int[] {from, to} : null;
  }

  /**
   * The trigger a purpose cue leads to ("inspected the base to guide the drill": the drill is the
   * news), else the most specific type's longest trigger, or {@code null}.
   */
  private @Nullable TriggerMatch best(String sentence, List<TriggerMatch> eligible) {
    for (TriggerMatch t : eligible) {
      if (purposes.endsAt(sentence, t.start())) {
        return t;
      }
    }
    TriggerMatch best = null;
    for (TriggerMatch t : eligible) {
      if (best == null || rank(t) < rank(best)
          || (rank(t) == rank(best) && t.end() - t.start() > best.end() - best.start())) {
        best = t;
      }
    }
    // "has launched its fifth nuclear test": a bare verb whose object, a few words on, is a trigger
    // that names its own happening (lexicon own_object_triggers) is that happening's verb
    if (best != null && sentence.substring(best.start(), best.end()).indexOf(' ') < 0) {
      for (TriggerMatch t : eligible) {
        if (!t.eventType().equals(best.eventType()) && t.start() >= best.end() && t.start() - best.end() <= OBJECT_GAP
            && ownObjectTriggers.contains(phrase(sentence.substring(t.start(), t.end())))) {
          return t;
        }
      }
    }
    return best;
  }

  /**
   * Earlier happenings of another type that the sentence dates on their own, after a sequence
   * cue ("the directive follows a tour of a submarine facility earlier this week"): each date
   * goes to the trigger nearest to it, and one nearer to another type's trigger than to the
   * news's makes an event of its own. A sentence that tells several days ("a drill on June 5 …
   * and the air drill staged on June 17-20") likewise gives each day's happening its own event.
   */
  private Map<TriggerMatch, TimeExpression> ownDated(String sentence, TriggerMatch best, List<TriggerMatch> eligible,
      List<TimeExpression> times) {
    Map<TriggerMatch, TimeExpression> out = new LinkedHashMap<>();
    Matcher after = sequence.find(sentence);
    if (after == null) {
      return severalDays(sentence, best, eligible, times);
    }
    Set<String> types = new LinkedHashSet<>();
    types.add(best.eventType());
    for (TimeExpression t : times) {
      if (t.kind() == TimeExpression.Kind.DURATION || !t.value().isKnown()) {
        continue;
      }
      TriggerMatch nearest = eligible.stream()
          .min(Comparator.comparingInt((TriggerMatch x) -> gap(x.start(), x.end(), t.start(), t.end()))).orElse(best);
      // only an earlier happening, named after the cue ("follows a tour of …", "after it fired …")
      if (nearest.start() >= after.end() && t.start() >= after.end() && !t.future()
          && types.add(nearest.eventType())
          && gap(nearest.start(), nearest.end(), t.start(), t.end()) < gap(best.start(), best.end(), t.start(), t.end())) {
        out.put(nearest, t);
      }
    }
    return out;
  }

  /**
   * The happenings of a sentence that tells two or more days: each day goes to the nearest
   * trigger before it ("the drill was conducted on June 5"; the one after it when none is before),
   * and a day that goes to a trigger other than the news's makes an event of its own.
   */
  private static Map<TriggerMatch, TimeExpression> severalDays(String sentence, TriggerMatch best,
      List<TriggerMatch> eligible, List<TimeExpression> times) {
    Map<TriggerMatch, TimeExpression> out = new LinkedHashMap<>();
    // ("launched a rocket on Sunday, the military said on Wednesday": Wednesday is the saying's,
    // no second happening)
    List<TimeExpression> days = times.stream().filter(t -> toldDay(t) && !t.future()
        && !SAID_END.matcher(sentence.substring(0, Math.max(0, t.start()))).find()).toList();
    if (days.stream().map(t -> t.value().earliest()).distinct().count() < 2) {
      return out;
    }
    for (TimeExpression t : days) {
      Comparator<TriggerMatch> nearer = Comparator.comparingInt(x -> gap(x.start(), x.end(), t.start(), t.end()));
      TriggerMatch owner = eligible.stream().filter(x -> x.end() <= t.start()).min(nearer)
          .orElseGet(() -> eligible.stream().min(nearer).orElse(best));
      if (owner != best && owner.start() != best.start() && !out.containsKey(owner)) {
        out.put(owner, t);
      }
    }
    return out;
  }

  /** The time expressions with offsets in their sentence, which starts at {@code from}, as triggers' are. */
  private static List<TimeExpression> rebased(List<TimeExpression> times, int from) {
    return times.stream().map(t -> new TimeExpression(t.start() - from, t.end() - from, t.text(), t.value(), t.kind(),
        t.timeOfDay(), t.zone(), t.future())).toList();
  }

  /** A day told in the text ("on June 26", "on Sunday"), not the dateline's day. */
  private static boolean toldDay(TimeExpression t) {
    return t.kind() != TimeExpression.Kind.PUBLICATION_REF && t.kind() != TimeExpression.Kind.DURATION
        && t.value().isKnown() && (t.value().precision() == org.watchfloor.model.DatePrecision.DAY
            || (t.kind() == TimeExpression.Kind.RANGE && spell(t.value())));
  }

  private static int gap(int aStart, int aEnd, int bStart, int bEnd) {
    return Math.max(0, Math.max(aStart - bEnd, bStart - aEnd));
  }

  /**
   * The part of {@code region} where a plan cue plans the news: up to a little past the first
   * trigger of the news's type in it ("will launch", "the congress expected in …").
   */
  private static int[] planRegion(TriggerMatch best, List<TriggerMatch> eligible, int[] region) {
    int firstEnd = eligible.stream()
        .filter(t -> t.eventType().equals(best.eventType()) && t.start() >= region[0])
        .mapToInt(TriggerMatch::end).min().orElse(best.end());
    return new int[] {region[0], Math.min(region[1], firstEnd + PLANNED_REACH)};
  }

  /** The part of the sentence (offsets in it) that belongs to trigger {@code t} among {@code cuts}. */
  private static int[] region(TriggerMatch t, List<TriggerMatch> cuts, int length) {
    int i = cuts.indexOf(t);
    int from = i == 0 ? 0 : t.start();
    int to = i + 1 < cuts.size() ? cuts.get(i + 1).start() : length;
    return new int[] {from, to};
  }

  /**
   * The profile lists its event types from the most to the least specific: a sentence that
   * both fires a missile and mentions sanctions reports the launch.
   */
  private static Sentences.Sentence bounded(Sentences.Sentence s) {
    return s.text().length() <= Candidates.MAX_SENTENCE_CHARS ? s
        : new Sentences.Sentence(s.start(), s.start() + Candidates.MAX_SENTENCE_CHARS,
            s.text().substring(0, Candidates.MAX_SENTENCE_CHARS), s.paragraph());
  }

  private int rank(TriggerMatch t) {
    int i = typeOrder.indexOf(t.eventType());
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** Whether the article speaks of military matters anywhere in the text read. */
  private boolean militaryIn(String text, List<EntityMatch> entities) {
    return military.in(text) || entities.stream().anyMatch(RuleExtractor::military);
  }

  /**
   * A weapon, an exercise or a facility is military by itself, unless the profile marks the
   * facility dual-use (an airport that is also a launch site).
   */
  private static boolean military(EntityMatch e) {
    EntityKind kind = e.entity().kind();
    return kind == EntityKind.WEAPON || kind == EntityKind.EXERCISE || (kind == EntityKind.FACILITY && !dualUse(e));
  }

  private static boolean dualUse(EntityMatch e) {
    return e.entity().kind() == EntityKind.FACILITY && "true".equals(e.entity().attributes().get("dual_use"));
  }

  private String articleOrigin(Article article) {
    Origin own = originNamed(article.outlet());
    if (own != null) {
      return own.id();
    }
    int first = Integer.MAX_VALUE;
    String found = null;
    for (Map.Entry<String, Cues> e : originCues.entrySet()) {
      Matcher m = e.getValue().find(ArticleReader.scanned(article.text()));
      if (m != null && m.start() < first) {
        first = m.start();
        found = e.getKey();
      }
    }
    if (found != null) {
      return found;
    }
    return Origin.OWN_REPORTING_PREFIX + (article.outlet() == null ? "unknown" : article.outlet());
  }

  private Draft draft(Article article, Sentences.Sentence s, String type, List<EntityMatch> inSentence,
      List<Claim> numbers, List<TimeExpression> timex, int[] region, int triggerAt, boolean earlier,
      @Nullable LocalDate anchor, String articleOrigin, Predicate<EntityMatch> carrier) {
    // (a test whose trigger names its own weapon, "a nuclear test", is of that weapon: it does not fly)
    boolean flown = flown(type, things(article.text(), s, inSentence)) && weaponsOfTriggers(s, type, region, List.of()).isEmpty();
    Draft d = new Draft(flown ? "missile_launch" : type, s, platformClasses, carrier);
    d.earlier = earlier;
    d.triggerAt = triggerAt;
    d.absorb(things(article.text(), s, inSentence), numbers, s.paragraph());
    d.absorb(weaponsOfTriggers(s, type, region, inSentence), List.of(), s.paragraph());
    // (an earlier happening is past: a plan or a future date in its sentence belongs to the news)
    // ("set forth the task of expanding production next year": an order given is done; the year
    // it orders for is its object, no plan of the order)
    boolean plannedCue = !earlier && planned.in(futureObjects.contains(type)
        ? withoutTimes(s, region, timex) : s.text().substring(region[0], region[1]));
    // A date wholly after publication in a sentence that is not about a plan is the object of
    // the news ("production for 2026"), not the day it happened.
    boolean stateMedia = articleOrigin.equals("kcna") || articleOrigin.equals("rodong-sinmun");
    boolean stateOutlet = stateMedia && originNamed(article.outlet()) != null;
    TimeExpression when = timex.stream()
        .filter(t -> t.kind() != TimeExpression.Kind.DURATION && t.value().isKnown())
        // ("learned about their production of shells for this year": the year produced for)
        .filter(t -> !forYear(s, t))
        // ("said on Friday it had tested the missile the previous day": Friday is the saying's)
        // (another past day of the sentence, that is: "reported Friday" on an order "for the coming
        // year" is the order's day, and "claimed Friday … its fifth test since 2006" the test's)
        .filter(t -> !(saidOn(s, t) && timex.stream().anyMatch(u -> u != t && u.value().isKnown() && !u.future()
            && u.value().precision() == DatePrecision.DAY
            && u.kind() != TimeExpression.Kind.PUBLICATION_REF && u.kind() != TimeExpression.Kind.DURATION)))
        // (state media's dateline is the day of the report: a statement is issued that day, the
        // leader's doings of the day before are reported the next)
        .filter(t -> !(stateMedia && t.kind() == TimeExpression.Kind.PUBLICATION_REF && !type.equals("threat_statement")))
        // ("KYIV, Jan. 6 -- Investigators are examining fragments of a missile supplied by …": the
        // dateline is the day of the examination, not of the supply it points back to)
        .filter(t -> !(t.kind() == TimeExpression.Kind.PUBLICATION_REF && examination(s.text())))
        // (a day after publication is allowed: news from Korea, dated in a zone behind it)
        .filter(t -> !(earlier && t.future()))
        .filter(t -> anchor == null || plannedCue || !t.value().earliest().isAfter(anchor.plusDays(1))
            || yearAhead(type, t, anchor))
        .min(Comparator.comparingInt((TimeExpression t) -> t.kind() == TimeExpression.Kind.PUBLICATION_REF ? 1 : 0)
            .thenComparingInt((TimeExpression t) -> ownsTrigger(s, t, type, region) ? 0 : 1)
            .thenComparingInt(TimeExpression::start))
        .orElse(null);
    boolean spell = when != null && when.kind() == TimeExpression.Kind.RANGE && spell(when.value());
    if (when != null) {
      // "drills from August 19 to 29" are dated by their first day; "the meeting held from
      // December 26 to 30 concluded" by its last, the day it reports
      d.date = !spell ? when.value()
          : EventDate.day(conclusion.in(s.text()) ? when.value().latest() : when.value().earliest());
      // (whoever the news is from: an outlet abroad quoting state media is still behind Korea)
      if (anchor != null && !stateOutlet && when.kind() == TimeExpression.Kind.RELATIVE
          && WEEKDAY.matcher(when.text()).find() && d.date.equals(EventDate.day(anchor.minusDays(6)))) {
        // "fired on Sunday" in a paper dated Saturday: news from Korea, 13 to 17 hours ahead of
        // the publisher's zone, not a day almost a week old.
        d.date = EventDate.day(anchor.plusDays(1));
      }
      if (when.timeOfDay() != null && when.zone() != null && d.date.precision() == DatePrecision.DAY) {
        // a day told with its clock time and zone is dated in Korea, where the happening was:
        // "11:30 p.m. EST on Saturday" is Sunday there, the day Korean sources give it
        d.date = EventDate.day(d.date.earliest().atTime(when.timeOfDay()).atZone(when.zone())
            .withZoneSameInstant(KOREA).toLocalDate());
      }
      d.claims.add(new Claim("date", d.date.iso(), when.start(), when.end()));
    } else if (anchor != null) {
      // No date in the sentence: the news is recent. State media report the previous day's
      // events; other outlets the last few days'.
      d.date = stateOutlet
          ? EventDate.day(anchor.minusDays(1))
          : new EventDate(anchor.minusDays(2), anchor, org.watchfloor.model.DatePrecision.WEEK);
    }
    // the clock time: of the date ("at 7:10 a.m. on Sunday"), else one standing alone in the
    // sentence ("launched at about 11:30 a.m. Seoul time (0230 GMT)")
    TimeExpression clock = when != null && when.timeOfDay() != null ? when : timex.stream()
        .filter(t -> t.timeOfDay() != null && !t.value().isKnown()).findFirst().orElse(null);
    if (clock != null) {
      // kept in Korea's time like the date: a stated zone is converted ("2210 GMT" is 07:10
      // there); a bare clock time ("local time", "Seoul time") in a report of a launch is the
      // Korean military's, told in Korean time. (A sentence with a clock but no day is still the
      // launch's: its day comes from the publication or from the other reports.)
      // (the day only picks the zone's offset: any will do when none is known)
      LocalDate onDay = d.date.isKnown() ? d.date.earliest() : anchor != null ? anchor : LocalDate.EPOCH;
      LocalTime kst = clock.zone() == null ? clock.timeOfDay()
          : onDay.atTime(clock.timeOfDay()).atZone(clock.zone()).withZoneSameInstant(KOREA).toLocalTime();
      String hhmm = kst.truncatedTo(ChronoUnit.MINUTES).toString();
      if (d.attributes.putIfAbsent("time", hhmm) == null) {
        d.claims.add(new Claim("time", hhmm, clock.start(), clock.end()));
      }
    }
    d.planned = plannedCue || (when != null && when.future());
    outcome(d, s);
    d.ownDate = when != null;
    d.vague = background.in(s.text());
    d.background = d.vague
        || (anchor != null && d.date.isKnown() && d.date.latest().isBefore(anchor.minusDays(BACKGROUND_AFTER_DAYS)))
        || (when != null && ((when.kind() == TimeExpression.Kind.RANGE && !spell)
            || when.value().precision() == org.watchfloor.model.DatePrecision.YEAR) && !d.planned);
    // a negation denies the happening only in the trigger's own clause ("will never tolerate …
    // and will take countermeasures" takes them); a hedge anywhere leaves the sentence unsure
    d.certainty = negation.negates(s.text(), triggerAt) ? Certainty.NEGATED
        : hedges.in(s.text()) ? Certainty.HEDGED : Certainty.ASSERTED;
    String origin = articleOrigin;
    String attribution = null;
    for (Map.Entry<String, Cues> e : originCues.entrySet()) {
      Matcher m = e.getValue().find(s.text());
      if (m != null) {
        origin = e.getKey();
        attribution = attributionPhrase(s.text(), m);
        break;
      }
    }
    d.origin = origin;
    d.attribution = attribution;
    return d;
  }

  /**
   * The outcome its sentence tells of a launch (lexicons {@code <type>_failures} and {@code
   * <type>_successes}): a failure cue wins over a success cue ("the launch, hailed as a success by
   * state media, failed"); neither leaves the outcome unstated, which the launch table shows as
   * unknown. A negated cue ("did not fail", "was not successful") tells no outcome; a negation
   * elsewhere in the sentence ("failed shortly after take-off, but Seoul did not say why") does
   * not touch it.
   */
  private void outcome(Draft d, Sentences.Sentence s) {
    for (Map.Entry<String, Map<String, Cues>> e : outcomes.entrySet()) {
      Cues cues = e.getValue().get(d.type);
      Matcher m = cues == null ? null : cues.find(s.text());
      if (m != null) {
        if (negation.negates(s.text(), m.start())) {
          return;
        }
        if (d.attributes.putIfAbsent("outcome", e.getKey()) == null) {
          d.claims.add(new Claim("outcome", e.getKey(), s.start() + m.start(), s.start() + m.end()));
        }
        return;
      }
    }
  }

  /** A range of days a drill or a visit lasts ("from June 27 to 29"), not a plan's years. */
  /** Whether trigger {@code t} names, in the plural, the doings something is for: "sanctions for its missile tests". */
  /**
   * Whether a weapons test is a launch: "tested a new solid-fuel ICBM" flies the missile, where
   * every weapon its words name is of a class that flies when tested (lexicon {@code flight_classes});
   * "tested an engine for a new ICBM" does not.
   */
  private boolean flown(String type, List<EntityMatch> inRegion) {
    List<String> classes = inRegion.stream().filter(e -> e.entity().kind() == EntityKind.WEAPON)
        .map(e -> NamedWeapons.weaponClass(e).toLowerCase(Locale.ROOT)).toList();
    return type.equals("weapons_test_other") && !classes.isEmpty() && flightClasses.containsAll(classes);
  }

  /** The trigger phrases of a sentence and its guided tours ("showed the visitor round the yard"). */
  private List<TriggerMatch> withGuidedTours(String sentence, List<TriggerMatch> found) {
    if (guidedTour == null) {
      return found;
    }
    List<TriggerMatch> all = new ArrayList<>(found);
    Matcher m = guidedTour.matcher(sentence);
    while (m.find()) {
      all.add(new TriggerMatch(m.start(), m.end(), "facility_inspection", m.group()));
    }
    return all;
  }

  /** Whether the sentence tells of remains being found or examined (lexicons {@code <type>_findings}). */
  private boolean examination(String sentence) {
    return findings.values().stream().anyMatch(c -> c.in(sentence));
  }

  /**
   * The entities of a sentence a report may take as its own: not a weapon named as know-how ("a
   * launch using ballistic missile technology" fires no ballistic missile).
   */
  private List<EntityMatch> things(String text, Sentences.Sentence s, List<EntityMatch> inSentence) {
    return inSentence.stream().filter(e -> {
      if (e.entity().kind() != EntityKind.WEAPON) {
        return !Datelines.placeOf(text, s, e);
      }
      String after = s.text().substring(Math.min(s.text().length(), Math.max(0, e.end() - s.start()))).stripLeading();
      Matcher m = knowHow.find(after);
      return m == null || m.start() > 0;
    }).toList();
  }

  /**
   * "Ordered his military to launch three satellites in 2024": a later year told of a happening
   * that is no order's object is the year it is to happen in, not the object of the news.
   */
  private boolean yearAhead(String type, TimeExpression t, LocalDate anchor) {
    return !futureObjects.contains(type) && t.value().precision() == org.watchfloor.model.DatePrecision.YEAR
        && t.value().earliest().getYear() > anchor.getYear();
  }

  private static boolean forItsDoings(String sentence, TriggerMatch t) {
    String word = sentence.substring(t.start(), t.end());
    return word.endsWith("s") && FOR_ITS.matcher(sentence.substring(0, t.start())).find();
  }

  /** Whether {@code t} is a year something is for ("output for this year", "the plan for 2026"), not a day it happened. */
  private static boolean saidOn(Sentences.Sentence s, TimeExpression t) {
    return SAID_END.matcher(s.text().substring(0, Math.max(0, t.start() - s.start()))).find();
  }

  private static boolean forYear(Sentences.Sentence s, TimeExpression t) {
    return t.value().precision() == org.watchfloor.model.DatePrecision.YEAR
        && FOR_END.matcher(s.text().substring(0, Math.max(0, t.start() - s.start()))).find();
  }

  /** The text of {@code region} of a sentence with its time expressions blanked out. */
  private static String withoutTimes(Sentences.Sentence s, int[] region, List<TimeExpression> timex) {
    StringBuilder text = new StringBuilder(s.text().substring(region[0], region[1]));
    for (TimeExpression t : timex) {
      int from = Math.max(t.start() - s.start(), region[0]) - region[0];
      int to = Math.min(t.end() - s.start(), region[1]) - region[0];
      for (int i = from; i < to; i++) {
        text.setCharAt(i, ' ');
      }
    }
    return text.toString();
  }

  private static boolean spell(EventDate range) {
    return range.precision() == org.watchfloor.model.DatePrecision.DAY
        || ChronoUnit.DAYS.between(range.earliest(), range.latest()) <= MAX_SPELL_DAYS;
  }

  private static String attributionPhrase(String sentence, Matcher cue) {
    int start = cue.start();
    String before = sentence.substring(Math.max(0, start - 16), start).toLowerCase(Locale.ROOT);
    if (before.endsWith("according to ")) {
      start -= "according to ".length();
    }
    int end = cue.end();
    Matcher verb = Pattern.compile("^\\s+(?:\\w+\\s+)?(said|says|reported|reports|announced|stated|claimed|told|added)\\b").matcher(sentence.substring(end));
    if (verb.find()) {
      end += verb.end();
    }
    return sentence.substring(start, end);
  }

  private static <T> List<T> within(List<T> spans, int start, int end) {
    List<T> out = new ArrayList<>();
    for (T t : spans) {
      int s = t instanceof EntityMatch e ? e.start() : ((TimeExpression) t).start();
      int e2 = t instanceof EntityMatch e ? e.end() : ((TimeExpression) t).end();
      if (s >= start && e2 <= end) {
        out.add(t);
      }
    }
    return out;
  }

  /** A report being assembled from the sentences of one article. */
  private static final class Draft {
    final String type;
    final Sentences.Sentence evidence;
    final Set<String> platformClasses;
    /** Whether a platform named is what the launch was fired from ("from a submarine"). */
    final Predicate<EntityMatch> carrier;
    int paragraph;
    EventDate date = EventDate.UNKNOWN;
    boolean planned;
    boolean background;
    /** Background by a cue of its sentence ("in recent years", "on the heels of"). */
    boolean vague;
    /** Dated by a time expression of its own sentence, not by the publication day. */
    boolean ownDate;
    /** An earlier happening that a sentence about other news dates on its own. */
    boolean earlier;
    /** Where its trigger begins in the sentence, for the scope of a negation. */
    int triggerAt;
    Certainty certainty = Certainty.ASSERTED;
    String origin = "";
    @Nullable String attribution;
    final Set<String> actors = new LinkedHashSet<>();
    final Set<String> weapons = new LinkedHashSet<>();
    final Set<String> weaponClasses = new LinkedHashSet<>();
    /** Some weapon named is a system ("Musudan"), not only a class ("IRBM"). */
    boolean namedWeapon;
    /** The systems named (not the classes). */
    final Set<String> named = new LinkedHashSet<>();
    /** The classes of the systems named. */
    final Set<String> namedClasses = new LinkedHashSet<>();
    final Set<String> locations = new LinkedHashSet<>();
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<Claim> claims = new ArrayList<>();

    Draft(String type, Sentences.Sentence evidence, Set<String> platformClasses, Predicate<EntityMatch> carrier) {
      this.type = type;
      this.platformClasses = platformClasses;
      this.carrier = carrier;
      this.evidence = evidence;
      this.paragraph = evidence.paragraph();
    }

    void absorb(List<EntityMatch> entities, List<Claim> numbers, int inParagraph) {
      paragraph = Math.max(paragraph, inParagraph);
      for (EntityMatch e : entities) {
        EntityKind kind = e.entity().kind();
        String name = e.entity().canonical();
        switch (kind) {
          case PERSON, ORGANISATION -> actors.add(name);
          case WEAPON -> {
            String weaponClass = NamedWeapons.weaponClass(e);
            if (LAUNCHES.contains(type) && platformClasses.contains(weaponClass)) {
              // fired from a submarine or a warship: the carrier is the launch's platform, not its
              // weapon; "inspections of submarine facilities … and air defence tests" name neither
              if (carrier.test(e) && attributes.putIfAbsent("platform", name) == null) {
                claims.add(new Claim("platform", name, e.start(), e.end()));
              }
              continue;
            }
            if (!weaponClass.isEmpty()) {
              weaponClasses.add(weaponClass);
            }
            if (!NamedWeapons.generic(e)) {
              namedWeapon = true;
              named.add(name);
              namedClasses.add(weaponClass);
            }
            if (weapons.add(name)) {
              claims.add(new Claim("weapon", name, e.start(), e.end()));
            }
          }
          case FACILITY, PLACE -> {
            if (locations.add(name)) {
              claims.add(new Claim("location", name, e.start(), e.end()));
            }
          }
          case EXERCISE -> attributes.putIfAbsent("exercise", name);
        }
      }
      for (Claim c : numbers) {
        if (!attributes.containsKey(c.field())) {
          attributes.put(c.field(), c.value());
          claims.add(c);
        }
      }
    }

    /** Two sentences report the same event: same type, agreeing dates, same plan status. */
    boolean compatible(Draft other) {
      if (!type.equals(other.type) || planned != other.planned) {
        return false;
      }
      String drill = attributes.get("exercise");
      String otherDrill = other.attributes.get("exercise");
      if (drill != null && otherDrill != null && !drill.equals(otherDrill)) {
        return false; // two differently named drills are two
      }
      if (earlier != other.earlier) {
        // "the directive follows … air defence tests" and, further on, "he oversaw the test of an
        // air-defence missile": one test, told twice, when the days agree and no weapon differs
        return LAUNCHES.contains(type) && date.isKnown() && other.date.isKnown() && date.overlaps(other.date, 0)
            && (weaponClasses.isEmpty() || other.weaponClasses.isEmpty()
                || weaponClasses.stream().anyMatch(other.weaponClasses::contains));
      }
      if (background != other.background && !background) {
        return true; // a later mention of the lead's event: the same news
      }
      if (ownDate && !other.ownDate) {
        return true; // "drills from August 19 to 29" … "allies will take part in the drills": told on, undated
      }
      if (!date.isKnown() || !other.date.isKnown()) {
        return true;
      }
      return date.overlaps(other.date, 1);
    }

    /**
     * A recent happening its own sentence dates to the day ("on June 26", "from August 19 to 29"),
     * neither planned nor vague nor old.
     */
    boolean toldDay() {
      return ownDate && !earlier && !planned && !vague && !background && date.isKnown()
          && date.precision() == org.watchfloor.model.DatePrecision.DAY;
    }

    /** Merges {@code other} into this draft; true, for use as a filter. */
    boolean absorbed(Draft other) {
      merge(other);
      return true;
    }

    void merge(Draft other) {
      if (other.ownDate || !ownDate || date.overlaps(other.date, 0)) {
        // (a publication day's guess refines a told date it lies in, and never replaces one)
        date = date.moreSpecific(other.date);
      }
      background &= other.background;
      vague &= other.vague;
      ownDate |= other.ownDate;
      if (attribution == null) {
        attribution = other.attribution;
        origin = other.origin;
      }
      actors.addAll(other.actors);
      // "its first since March 16, when it fired a Hwasong-17": a system named where a later
      // sentence dates another day is that day's, not the news's
      boolean otherDay = !background && other.background && other.ownDate && date.isKnown() && other.date.isKnown()
          && !date.overlaps(other.date, 1);
      if (otherDay) {
        other.weapons.stream().filter(w -> !other.named.contains(w)).forEach(weapons::add);
      } else {
        weapons.addAll(other.weapons);
        weaponClasses.addAll(other.weaponClasses);
        namedWeapon |= other.namedWeapon;
        named.addAll(other.named);
        namedClasses.addAll(other.namedClasses);
      }
      locations.addAll(other.locations);
      other.attributes.forEach(attributes::putIfAbsent);
      for (Claim c : other.claims) {
        if (otherDay && c.field().equals("weapon") && other.named.contains(c.value())) {
          continue;
        }
        boolean seen = claims.stream().anyMatch(x -> x.field().equals(c.field()) && x.value().equals(c.value()));
        if (!seen && (!c.field().equals("date") || claims.stream().noneMatch(x -> x.field().equals("date")))) {
          claims.add(c);
        }
      }
      paragraph = Math.max(paragraph, other.paragraph);
    }

    Report toReport(String reportedType, String articleId, String id) {
      Numbers.settle(attributes, claims);
      return new Report(id, articleId, reportedType, date, planned, background, List.copyOf(actors), List.copyOf(weapons),
          List.copyOf(locations), attributes, evidence.text(), evidence.start(), evidence.end(), attribution,
          certainty, origin, claims);
    }
  }
}
