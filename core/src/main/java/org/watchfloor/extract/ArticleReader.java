package org.watchfloor.extract;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.budget.Deadline;
import org.watchfloor.extract.gazetteer.CueMatch;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.extract.gazetteer.TriggerMatcher;
import org.watchfloor.extract.learn.Features;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.extract.time.TimeTagger;
import org.watchfloor.model.Article;
import org.watchfloor.model.Claim;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Mention;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.profile.OriginDef;
import org.watchfloor.profile.WatchProfile;

/**
 * Reads an article for the extract stage: the text read, its sentences, the names, triggers and
 * time expressions in it, its origin; and, for each candidate sentence, the features the event
 * model decides by. Shared by the {@link Extractor} and the trainer, so that a model learns from
 * exactly what it will later be shown.
 */
public final class ArticleReader {

  /** Characters of an article read for extraction (about 60 pages of text). */
  static final int MAX_CHARS = 200_000;

  /**
   * Years back from today within which a headerless article's yearless dateline is read: a day of
   * a month falls on a given weekday at most once in any five years running.
   */
  private static final int DATELINE_YEARS = 5;

  private static final Pattern WEEKDAY = Pattern.compile(
      "\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern QUOTE = Pattern.compile("[\"“]([^\"”\\n]{12,600})[\"”]");

  private final WatchProfile profile;
  private final Clock clock;
  private final GazetteerMatcher gazetteer;
  private final TriggerMatcher triggers;
  private final TimeTagger times = new TimeTagger();
  private final EventFeatures features;

  /** A reader whose {@code clock} says which years a headerless article's dateline may be of. */
  public ArticleReader(WatchProfile profile, Clock clock) {
    this.profile = profile;
    this.clock = clock;
    this.gazetteer = GazetteerMatcher.of(profile);
    this.triggers = TriggerMatcher.of(profile);
    this.features = new EventFeatures(profile, triggers);
  }

  public WatchProfile profile() {
    return profile;
  }

  GazetteerMatcher gazetteer() {
    return gazetteer;
  }

  TriggerMatcher triggers() {
    return triggers;
  }

  /** The origin a source name (an outlet) is itself, if it is one of the profile's origins. */
  public @Nullable Origin originNamed(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String wanted = name.strip();
    for (OriginDef o : profile.origins()) {
      if (o.name().equalsIgnoreCase(wanted)) {
        return new Origin(o.id(), o.name());
      }
    }
    for (CueMatch m : triggers.findOrigins(wanted)) {
      if (m.start() == 0 && m.end() == wanted.length()) {
        String id = m.lexicon().substring("origin:".length());
        return origin(id);
      }
    }
    return null;
  }

  /** The origin of a report: the profile origin with that id, or the outlet's own reporting. */
  public Origin origin(String id) {
    return profile.origins().stream()
        .filter(o -> o.id().equals(id))
        .findFirst()
        .map(o -> new Origin(o.id(), o.name()))
        .orElseGet(() -> new Origin(id, id.startsWith(Origin.OWN_REPORTING_PREFIX)
            ? id.substring(Origin.OWN_REPORTING_PREFIX.length()) + " (own reporting)" : id));
  }

  /** How the extract stage reads an article: its sentences, names, triggers and times. */
  public Reading read(Article article) {
    // The news of an article is at its top: beyond MAX_CHARS (a long speech, a runaway page)
    // the rest is not read, so that one huge document cannot stall the stream.
    String text = scanned(article.text());
    LocalDate anchor = article.published() == null ? datelineDay(text) : article.published().localDay();
    List<EntityMatch> entities = gazetteer.find(text);
    List<TimeExpression> timex = outsideNames((anchor == null ? anchorFree(text) : times.tag(text, anchor)).stream()
        .sorted(Comparator.comparingInt(TimeExpression::start)).toList(), entities);
    List<Sentences.Sentence> sentences = Sentences.joinedAcross(text, Sentences.of(text),
        entities.stream().map(e -> new int[] {e.start(), e.end()}).toList());
    Origin own = originNamed(article.outlet());
    String origin = own != null ? own.id() : articleOrigin(article, text);
    return new Reading(article, text, anchor, origin, stateMedia(own), sentences, entities,
        triggers.find(text).stream().sorted(Comparator.comparingInt(t -> t.start())).toList(),
        timex);
  }

  /** Whether the article is the watched state's own media: its outlet is one of the profile's {@code state_media} origins. */
  public boolean stateMedia(Article article) {
    return stateMedia(originNamed(article.outlet()));
  }

  private boolean stateMedia(@Nullable Origin own) {
    return own != null && profile.origins().stream().anyMatch(o -> o.id().equals(own.id()) && o.stateMedia());
  }

  /**
   * The time expressions that are no part of a name the gazetteer knows: "the March 16 Factory"
   * is a works named for a day, not a day. Both lists are sorted by start, and so is the result.
   */
  static List<TimeExpression> outsideNames(List<TimeExpression> times, List<EntityMatch> names) {
    if (times.isEmpty() || names.isEmpty()) {
      return times;
    }
    List<TimeExpression> out = new ArrayList<>(times.size());
    int e = 0;
    // (a name that ends before one expression starts ends before every later one, so each list
    // is walked once, and the first name left is the only one that may hold the expression)
    for (TimeExpression t : times) {
      while (e < names.size() && names.get(e).end() <= t.start()) {
        e++;
      }
      if (e == names.size() || names.get(e).start() >= t.end()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The candidates of a reading (for training: the sentences the model is asked about). */
  public List<Candidate> candidates(Reading r) {
    return Candidates.of(r);
  }

  /** The type model's features of a candidate. */
  public Features sentenceFeatures(Reading r, Candidate c) {
    return features.sentence(r, c);
  }

  /**
   * The role and plan models' features of a candidate read as telling {@code type}, dated as the
   * extractor dates it: its {@code sentence} features ({@link #sentenceFeatures}, read once for
   * all its types) with the type and the date joined in.
   */
  public Features typedFeatures(Reading r, Candidate c, Features sentence, String type) {
    EventDate told = Dating.told(r, c, type);
    return features.ofType(r, sentence, type, told.isKnown() ? told : recentOr(r));
  }

  /** The time expressions a candidate's happening may be dated by. */
  public List<TimeExpression> dateOptions(Candidate c) {
    return Dating.options(c);
  }

  /** The date model's features of dating a candidate's happening of {@code type} by {@code t} (null: by none of {@code options}). */
  public Features dateFeatures(Reading r, Candidate c, String type, @Nullable TimeExpression t, List<TimeExpression> options) {
    return features.dateOption(r, c, type, t, options);
  }

  /** The day a time expression dates a happening to. */
  public EventDate dateOf(Reading r, TimeExpression t) {
    return Dating.dateOf(r, t);
  }

  /** The day a candidate's own words tell its happening of {@code type} on, or {@link EventDate#UNKNOWN}. */
  public EventDate toldDate(Reading r, Candidate c, String type) {
    return Dating.told(r, c, type);
  }

  /** The date a candidate's own words tell; else, for news told without a day, the recent day. */
  public static EventDate recentOr(Reading r) {
    EventDate recent = Dating.recent(r);
    return recent == null ? EventDate.UNKNOWN : recent;
  }

  /** The entities, times, quotes and numbers of a reading, by offset. */
  List<Mention> mentions(Reading r) {
    String text = r.text();
    List<Mention> mentions = new ArrayList<>();
    for (EntityMatch e : r.entities()) {
      mentions.add(new Mention(Mention.Kind.ENTITY, e.start(), e.end(), text.substring(e.start(), e.end()), e.entity().id()));
    }
    for (TimeExpression t : r.times()) {
      mentions.add(new Mention(Mention.Kind.TIME, t.start(), t.end(), t.text(), t.value().isKnown() ? t.value().iso() : null));
    }
    Matcher q = QUOTE.matcher(text);
    while (q.find()) {
      mentions.add(new Mention(Mention.Kind.QUOTE, q.start(1), q.end(1), q.group(1), null));
    }
    Deadline deadline = Deadline.current();
    for (Sentences.Sentence s : r.sentences()) {
      deadline.check();
      for (Claim c : Numbers.claims(s.text(), s.start())) {
        mentions.add(new Mention(Mention.Kind.NUMBER, c.start(), c.end(), text.substring(c.start(), c.end()), c.field() + "=" + c.value()));
      }
    }
    mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
    return mentions;
  }

  /** The origin the text first names ("KCNA said"), else the outlet's own reporting. */
  private String articleOrigin(Article article, String text) {
    List<CueMatch> cues = triggers.findOrigins(text);
    if (!cues.isEmpty()) {
      return cues.get(0).lexicon().substring("origin:".length());
    }
    return Origin.OWN_REPORTING_PREFIX + (article.outlet() == null ? "unknown" : article.outlet());
  }

  static String scanned(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf('\n', MAX_CHARS);
    int end = cut > MAX_CHARS / 2 ? cut : MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /**
   * The day of a headerless article: its dateline's day ("SEOUL, April 14 --") with the year
   * taken from the weekday its lead tells ("on Friday"), as the one of the last {@link
   * #DATELINE_YEARS} (today's included, no day after today) in which that day falls on that weekday.
   */
  @Nullable LocalDate datelineDay(String text) {
    // (a leap year as the reference keeps February 29 a day of its own)
    TimeExpression dateline = times.tag(text, LocalDate.of(2000, 12, 31)).stream()
        .filter(t -> t.kind() == TimeExpression.Kind.PUBLICATION_REF).findFirst().orElse(null);
    if (dateline == null || !dateline.value().isKnown()) {
      return null;
    }
    int paragraphEnd = text.indexOf('\n', dateline.end());
    Matcher weekday = WEEKDAY.matcher(text).region(dateline.end(), paragraphEnd < 0 ? text.length() : paragraphEnd);
    if (!weekday.find()) {
      return null;
    }
    DayOfWeek told = DayOfWeek.valueOf(weekday.group().toUpperCase(Locale.ROOT));
    MonthDay day = MonthDay.from(dateline.value().earliest());
    LocalDate today = LocalDate.now(clock);
    for (int year = today.getYear(); year > today.getYear() - DATELINE_YEARS; year--) {
      if (day.isValidYear(year) && !day.atYear(year).isAfter(today) && day.atYear(year).getDayOfWeek() == told) {
        return day.atYear(year);
      }
    }
    return null;
  }

  /**
   * The time expressions of a text with no publication day that need none: absolute ones whose
   * value is the same whatever the day they are read on. "April 14" with no year is left out, as
   * no year it could be given would be more than a guess.
   */
  List<TimeExpression> anchorFree(String text) {
    List<TimeExpression> early = times.tag(text, LocalDate.of(2000, 1, 1));
    List<TimeExpression> late = times.tag(text, LocalDate.of(2031, 7, 1));
    return early.stream()
        .filter(t -> t.kind() == TimeExpression.Kind.ABSOLUTE && t.value().isKnown())
        .filter(t -> late.stream().anyMatch(u -> u.start() == t.start() && u.end() == t.end() && u.value().equals(t.value())))
        .toList();
  }
}
