package org.watchfloor.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.budget.Deadline;
import org.watchfloor.extract.learn.Features;
import org.watchfloor.extract.relevance.Relevance;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.model.Article;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Mention;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.profile.EventTypeDef;
import org.watchfloor.profile.WatchProfile;

/**
 * The extract stage: what one article says happened.
 *
 * <p>First, {@link Relevance} decides from the title and lead whether the article is about the
 * watch at all; an unrelated one is not read further. Then one of two readings of its events:
 *
 * <ul>
 *   <li>the learned one, in five steps, each a class of its own: {@link Candidates} (sentences
 *       with a trigger or a watched name, for recall) → {@link EventFeatures} → {@link
 *       EventModel} (the learned decision: type, news or passing mention, plan) → {@link Drafts}
 *       (one per happening) → {@link Arguments} (weapons, places and numbers from the
 *       happening's own sentences); what {@code eval cv} measures and {@code train} builds;
 *   <li>the hand-written rules of {@link RuleExtractor}.
 * </ul>
 *
 * <p>By default ({@code --events routed}) the two are routed: the rules read the watched state's
 * own media, which they were written for and which the model, learned mostly from outlets
 * abroad, reads worse, and the event types the profile gives them ({@code reader: rules}: too
 * few happenings in the annotated corpus to learn them from); the model reads the rest. Grouped
 * cross-validation on the annotated corpus gives the routed reading F1 0.460 against the rules'
 * 0.250 (README, "Extraction").
 */
public final class Extractor {

  private final ArticleReader reader;
  private final @Nullable EventModel model;
  private final @Nullable RuleExtractor rules;
  private final Predicate<Article> relevant;
  private final String relevanceVersion;
  private final Arguments arguments;
  private final Occasions occasions;
  /** The event types the profile gives the rules ({@code reader: rules}), when they are routed with a model. */
  private final Set<String> ruleRead;

  /**
   * The extractor {@code events} names, behind the shipped relevance gate: {@code routed} (the
   * default, {@link #routed}), {@code rules}, {@code learned} (the event model shipped in the jar)
   * or the folder of a model {@code train events} wrote (what {@code --events} takes).
   */
  public static Extractor forEvents(WatchProfile watch, String events) {
    return switch (events) {
      case "rules" -> new Extractor(watch);
      case "learned" -> Extractor.learned(watch, EventModel.shipped());
      case "routed" -> {
        ArticleReader reader = new ArticleReader(watch, Clock.systemUTC());
        Relevance relevance = Relevance.load(watch);
        yield routed(reader, EventModel.shipped(), relevance::relevant, relevance.version());
      }
      default -> {
        Path dir = Path.of(events);
        if (!Files.isDirectory(dir)) {
          throw new WatchfloorException.BadInput(
              "--events " + events + ": neither routed, rules, learned nor a folder of an event model (`train events --out`)");
        }
        try {
          yield Extractor.learned(watch, EventModel.read(dir));
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
          throw new WatchfloorException.BadInput("--events " + events + ": " + e.getMessage());
        }
      }
    };
  }

  /** The extractor of the shipped relevance model and the rules. */
  public Extractor(WatchProfile profile) {
    this(profile, Clock.systemUTC());
  }

  /** An extractor whose {@code clock} says which years a headerless article's dateline may be of. */
  public Extractor(WatchProfile profile, Clock clock) {
    this(new ArticleReader(profile, clock), Relevance.load(profile));
  }

  private Extractor(ArticleReader reader, Relevance relevance) {
    this(reader, null, new RuleExtractor(reader), relevance);
  }

  private Extractor(ArticleReader reader, @Nullable EventModel model, @Nullable RuleExtractor rules, Relevance relevance) {
    this(reader, model, rules, relevance::relevant, relevance.version());
  }

  /** An extractor that reads events with a learned {@code model}, behind the shipped relevance gate. */
  public static Extractor learned(WatchProfile profile, EventModel model) {
    return new Extractor(new ArticleReader(profile, Clock.systemUTC()), model, null, Relevance.load(profile));
  }

  /** An extractor of a learned event model: {@code relevant} decides which articles are read. */
  public Extractor(ArticleReader reader, EventModel model, Predicate<Article> relevant, String relevanceVersion) {
    this(reader, model, null, relevant, relevanceVersion);
  }

  /**
   * The learned {@code model} routed with the rules: the rules read the watched state's own media
   * and, elsewhere, the event types the profile gives them ({@code reader: rules}); the model
   * reads the rest. {@code relevant} decides which articles are read.
   */
  public static Extractor routed(ArticleReader reader, EventModel model, Predicate<Article> relevant,
      String relevanceVersion) {
    return new Extractor(reader, model, new RuleExtractor(reader), relevant, relevanceVersion);
  }

  private Extractor(ArticleReader reader, @Nullable EventModel model, @Nullable RuleExtractor rules,
      Predicate<Article> relevant, String relevanceVersion) {
    this.reader = reader;
    this.model = model;
    this.rules = rules;
    this.relevant = relevant;
    this.relevanceVersion = relevanceVersion;
    this.arguments = new Arguments(reader.triggers(), NegationScope.of(reader.profile()),
        new NamedWeapons(new Cues(reader.profile().lexicon("background")), reader.profile()));
    this.occasions = new Occasions(reader.profile().occasions());
    this.ruleRead = reader.profile().eventTypes().stream().filter(EventTypeDef::ruleRead)
        .map(EventTypeDef::id).collect(Collectors.toUnmodifiableSet());
  }

  public WatchProfile profile() {
    return reader.profile();
  }

  /** The versions of what decides, {@code EVENTS+RELEVANCE}: {@code rules+relevance-1}, {@code event-1+relevance-1}. */
  public String modelVersion() {
    String events = model == null ? "rules" : rules == null ? model.version() : model.version() + "/rules";
    return events + "+" + relevanceVersion;
  }

  /** The origin a source name (an outlet) is itself, if it is one of the profile's origins. */
  public @Nullable Origin originNamed(@Nullable String name) {
    return reader.originNamed(name);
  }

  /** The origin of a report: the profile origin with that id, or the outlet's own reporting. */
  public Origin origin(String id) {
    return reader.origin(id);
  }

  public Extraction extract(Article article) {
    return extractRelevant(article).orElseGet(() -> new Extraction(List.of(), List.of()));
  }

  /**
   * What {@link #extract} finds in an article the relevance gate lets through; empty for one it
   * turns away, which a stream processor drops here instead of storing it with nothing in it.
   */
  public Optional<Extraction> extractRelevant(Article article) {
    if (!relevant.test(article)) {
      return Optional.empty();
    }
    return Optional.of(read(article));
  }

  /**
   * The day a candidate tells its happening of {@code type} on: the option (one of its time
   * expressions, or none) the date model finds likeliest to be right, where the model has one;
   * else the expression nearest the trigger. None leaves the day to {@link Drafts} (the recent day
   * for news).
   */
  private EventDate told(Reading r, Candidate c, String type) {
    EventModel m = java.util.Objects.requireNonNull(model, "model");
    if (!m.dates()) {
      return Dating.told(r, c, type);
    }
    List<TimeExpression> options = reader.dateOptions(c);
    TimeExpression best = m.date(options, t -> reader.dateFeatures(r, c, type, t, options));
    return best == null ? EventDate.UNKNOWN : reader.dateOf(r, best);
  }

  private Extraction read(Article article) {
    if (model == null) {
      return java.util.Objects.requireNonNull(rules, "rules").extract(article);
    }
    // routed: the watched state's own media are read by the rules, which were written for them
    // and which the model, learned mostly from outlets abroad, reads worse (README, "Extraction");
    // elsewhere the rules read only the types the profile gives them, where a trigger of one is
    if (rules != null && reader.stateMedia(article)) {
      return rules.extract(article);
    }
    Reading r = reader.read(article);
    Set<String> ruleRead = rules == null ? Set.of() : this.ruleRead;
    List<Report> ruled = List.of();
    if (rules != null && r.triggers().stream().anyMatch(t -> ruleRead.contains(t.eventType()))) {
      ruled = rules.extract(article).reports().stream().filter(rep -> ruleRead.contains(rep.eventType())).toList();
    }
    List<Mention> mentions = reader.mentions(r);
    List<Drafts.Decision> decisions = new ArrayList<>();
    Deadline deadline = Deadline.current();
    for (Candidate c : reader.candidates(r)) {
      deadline.check();
      Features sentence = reader.sentenceFeatures(r, c);
      for (var type : model.types(sentence).entrySet()) {
        if (ruleRead.contains(type.getKey())) {
          continue;
        }
        EventDate told = told(r, c, type.getKey());
        Features typed = reader.typedFeatures(r, c, sentence, type.getKey());
        double news = model.news(typed);
        boolean planned = model.planned(typed);
        if (!planned && Dating.ahead(told, r.anchor())) {
          // "ordered missile production expanded for 2026": a happening is not dated by the year
          // its order is for; told as news, it is of the last few days (Drafts)
          told = EventDate.UNKNOWN;
        }
        decisions.add(new Drafts.Decision(c, type.getKey(), told, model.isNews(news), planned, type.getValue() * news));
      }
    }
    List<Report> reports = new ArrayList<>();
    for (Drafts.Draft d : Drafts.of(decisions, Dating.recent(r), r.anchor(), model.settings().moreNewsThreshold())) {
      Report report = arguments.report(d, r, "");
      // a sentence that tells a happening of a type the rules read is read by them: the model's
      // reading of it as another type (a production order as "other") is that happening twice
      if (ruled.stream().noneMatch(k -> k.evidenceStart() < report.evidenceEnd() && report.evidenceStart() < k.evidenceEnd())) {
        reports.add(report);
      }
    }
    List<Report> out = new ArrayList<>(occasions.tag(reports, r.sentences()));
    out.addAll(ruled);
    for (int i = 0; i < out.size(); i++) {
      out.set(i, out.get(i).withId(article.id() + "-r" + i));
    }
    return new Extraction(mentions, out);
  }
}
