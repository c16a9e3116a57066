package org.watchfloor.resolve;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Article;
import org.watchfloor.model.Claim;
import org.watchfloor.model.DatePrecision;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.parse.Hashing;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.EditRows;
import org.watchfloor.store.EventRows;

/**
 * The resolve stage: attaches each new report to the event it describes, or starts a new event,
 * incrementally — candidates come from the store by blocking on type and date window, so the
 * cost of one report does not grow with the store.
 *
 * <p>A report joins an event when the type is the same, the dates overlap (one day of slack
 * where either date is day-precise, as outlets in other time zones date a Korean morning to the
 * previous day), the weapons agree when both name some, and they share an actor, a weapon or a place.
 * Two launches of one missile weeks apart never overlap in date, so they stay apart; a launch
 * and an inspection on one day differ in type. A named exercise is one event over its days: its
 * reports join when they name it within {@value #EXERCISE_SPELL_DAYS} days, announced or held,
 * and two differently named exercises never join.
 *
 * <p>Analyst edits are inputs, read from the edit log on every article (see {@link EditLog}):
 * a report that an edit pins goes to the pinned event, whatever matching would say, and every
 * merged event gets the corrections in force. So a merge holds for reports arriving later (they
 * match the one surviving event) and across re-processing (the pins name articles, not reports).
 */
public final class Resolver {

  /**
   * Days apart that two reports of one named exercise may date it: the allies' large drills last
   * up to about two weeks (Ulchi Freedom Shield and Freedom Shield eleven days), and a report
   * dates the drill by the day it speaks of, while one name held twice a year lies months apart.
   */
  static final int EXERCISE_SPELL_DAYS = 14;

  /** The report and event attribute that names the exercise (the gazetteer's canonical name). */
  private static final String EXERCISE = "exercise";

  /**
   * The event type whose news is the exercise itself: a statement that names a drill is about
   * it, and two statements on one drill are two statements.
   */
  private static final String EXERCISE_TYPE = "military_exercise";

  private final EventRows events;
  private final WeaponClasses weapons;
  private final Sites sites;
  private final OriginResolver originRules;
  private final @Nullable EditRows editRows;
  private EditLog log = EditLog.EMPTY;
  private long logVersion = -1;

  /**
   * A resolver that knows no weapon classes nor origin rules, enough to apply analyst edits and
   * re-merge events; reports to attach need {@link #forProfile}.
   */
  public Resolver(EventRows events, @Nullable EditRows edits) {
    this(events, edits, WeaponClasses.NONE, OriginResolver.NONE);
  }

  /**
   * @param edits the analyst edits to follow, re-read when one is added; {@code null} to ignore
   *     edits
   */
  public Resolver(EventRows events, @Nullable EditRows edits, WeaponClasses weapons, OriginResolver origins) {
    this(events, edits, weapons, Sites.NONE, origins);
  }

  /**
   * @param edits the analyst edits to follow, re-read when one is added; {@code null} to ignore
   *     edits
   */
  public Resolver(EventRows events, @Nullable EditRows edits, WeaponClasses weapons, Sites sites,
      OriginResolver origins) {
    this.events = events;
    this.editRows = edits;
    this.weapons = weapons;
    this.sites = sites;
    this.originRules = origins;
  }

  /**
   * A resolver with the weapon classes, places and origin rules of a watch profile, following the
   * edits.
   */
  public static Resolver forProfile(EventRows events, @Nullable EditRows edits, WatchProfile profile) {
    return new Resolver(events, edits, WeaponClasses.of(profile), Sites.of(profile), OriginResolver.of(profile));
  }

  /** The edit log as it stands now. */
  public EditLog edits() throws SQLException {
    if (editRows != null) {
      long version = editRows.lastId();
      if (version != logVersion) {
        log = EditLog.fold(editRows.all());
        logVersion = version;
      }
    }
    return log;
  }

  /**
   * Stores the reports of one article, each traced to its origin (see {@link OriginResolver})
   * and attached to its event, and re-merges the events touched; runs inside the caller's
   * transaction.
   *
   * @param origins the origin record for an origin id
   * @return the ids of the events created or changed
   */
  public Set<String> attach(Article article, List<Report> found, Function<String, Origin> origins) throws SQLException {
    String copied = OriginResolver.originalOf(article);
    List<Report> original = copied == null ? List.of() : events.reportsOfArticle(copied);
    List<Report> reports = originRules.trace(article, ArticleNews.withNews(article, ArticleNews.withRecaps(article, found)), original).stream()
        .map(ClaimSanity::check).toList();
    // on a shared store, what each report looks among is locked before it is read, the edit log
    // included (an edit holds the blocks of the events it changes): see EventRows.lockWindow
    for (Report report : reports) {
      events.lockWindow(report.eventType(), report.date(), windowDays(report));
    }
    EditLog edits = edits();
    Set<String> touched = new LinkedHashSet<>();
    Set<String> ownArticleEvents = new HashSet<>();
    Set<String> pinnedTypes = new HashSet<>();
    for (Report report : reports) {
      // a pin holds for the article's first report of the type: the one the analyst saw
      String pinned = pinnedTypes.add(report.eventType()) ? edits.pinned(report.articleId(), report.eventType()) : null;
      Event match = pinned != null ? null : bestMatch(report, ownArticleEvents, edits);
      // an event merged away lives on in its survivor: a report that would start it again joins that
      String eventId = edits.survivorOf(pinned != null ? pinned : match != null ? match.id() : newId(report));
      if (events.lockedEvent(eventId).isEmpty()) { // a new event, or one an edit names that is not there (yet)
        events.upsert(EventMerger.merge(eventId, List.of(report)));
      }
      events.ensureOrigin(origins.apply(report.origin()));
      events.insertReport(report, eventId);
      ownArticleEvents.add(eventId);
      touched.add(eventId);
    }
    remerge(touched);
    return touched;
  }

  /**
   * Merges each event again from the reports it holds now, with the corrections in force;
   * deletes those left without a report.
   */
  public void remerge(Collection<String> ids) throws SQLException {
    EditLog edits = edits();
    for (String id : ids) {
      events.lockEvent(id);
      List<Report> reports = events.reportsOf(id);
      if (reports.isEmpty()) {
        events.deleteIfEmpty(id);
      } else {
        events.upsert(edits.corrected(EventMerger.merge(id, reports)));
      }
    }
  }

  /**
   * Moves the reports an edit pins to the events it pins them to, creating an event a split
   * names, and merges the events touched again; returns their ids. A pin whose article has no
   * report of the type any more is skipped (see {@link #settleEdits}).
   */
  public Set<String> apply(Edit edit) throws SQLException {
    events.lockEvent(edit.target());
    if (edit.other() != null) {
      events.lockEvent(edit.other());
    }
    for (Edit.Pin pin : edit.pins()) {
      events.lockEvent(pin.event());
    }
    Set<String> touched = new LinkedHashSet<>();
    touched.add(edit.target());
    Set<String> editEvents = new HashSet<>();
    editEvents.add(edit.target());
    if (edit.other() != null) {
      editEvents.add(edit.other());
    }
    for (Edit.Pin pin : edit.pins()) {
      Set<String> onEdit = new HashSet<>(editEvents);
      onEdit.add(pin.event());
      Report report = pinnedReport(pin, onEdit);
      if (report == null) {
        continue;
      }
      String from = events.eventOfReport(report.id()).orElseThrow();
      if (!from.equals(pin.event())) {
        events.lockEvent(from);
        if (events.get(pin.event()).isEmpty()) {
          events.upsert(EventMerger.merge(pin.event(), List.of(report)));
        }
        events.moveReport(report.id(), pin.event());
        touched.add(from);
        touched.add(pin.event());
      }
    }
    if (edit.kind() == Edit.Kind.MERGE && edit.other() != null) {
      // reports no pin moved (an article's second report of a type) go with their event
      for (Report report : events.reportsOf(edit.other())) {
        events.moveReport(report.id(), edit.target());
        touched.add(edit.other());
      }
    }
    remerge(touched);
    return touched;
  }

  /**
   * The report a pin names: its article's report of its type, the one on one of {@code
   * preferred} (the events the edit is about) when the article reports the type on several
   * events, so that an edit never takes a report off an event it does not touch.
   */
  private @Nullable Report pinnedReport(Edit.Pin pin, Set<String> preferred) throws SQLException {
    Report first = null;
    for (Report r : events.reportsOfArticle(pin.articleId())) {
      if (!r.eventType().equals(pin.type())) {
        continue;
      }
      if (preferred.contains(events.eventOfReport(r.id()).orElse(""))) {
        return r;
      }
      if (first == null) {
        first = r;
      }
    }
    return first;
  }

  /**
   * Derives every edit's status again from the whole log and from what the store holds, and
   * records it: superseded by a later edit, or not applied because its event or reports are
   * gone (say after re-processing with an extractor that no longer finds them).
   */
  public void settleEdits() throws SQLException {
    if (editRows == null) {
      return;
    }
    EditLog edits = EditLog.fold(editRows.all());
    for (Edit e : edits.edits()) {
      if (e.status() != Edit.Status.APPLIED) {
        continue;
      }
      if (e.kind() == Edit.Kind.MERGE || e.kind() == Edit.Kind.SPLIT) {
        long found = 0;
        for (Edit.Pin p : e.pins()) {
          Report r = pinnedReport(p, Set.of(p.event()));
          if (r != null && events.eventOfReport(r.id()).orElseThrow().equals(p.event())) {
            found++;
          }
        }
        if (found == 0) {
          edits.notApplied(e.id(), "none of its articles' reports is where it put them any more");
        }
      } else if (events.get(e.target()).isEmpty()) {
        String survivor = edits.survivorOf(e.target());
        edits.notApplied(e.id(), survivor.equals(e.target())
            ? "event " + e.target() + " no longer exists"
            : "event " + e.target() + " was merged into " + survivor);
      }
    }
    Map<Long, Edit> stored = new HashMap<>();
    editRows.all().forEach(e -> stored.put(e.id(), e));
    for (Edit e : edits.edits()) {
      Edit before = stored.get(e.id());
      if (before.status() != e.status() || !Objects.equals(before.reason(), e.reason())) {
        editRows.setStatus(e.id(), e.status(), e.reason());
      }
    }
  }

  /** Stable id: the event is named after the report that first described it. */
  static String newId(Report first) {
    return "e" + Hashing.sha256(first.eventType() + "|" + first.id()).substring(0, 15);
  }

  /**
   * The event {@code report} joins, if any, among the candidates of its window and the events
   * {@code edits} merged away: the log as {@link #attach} read it once the windows were locked, the
   * same that decides which survivor a match stands for.
   */
  private @Nullable Event bestMatch(Report report, Set<String> sameArticle, EditLog edits) throws SQLException {
    List<Event> candidates = new ArrayList<>();
    if (report.date().isKnown()) {
      int window = windowDays(report);
      candidates.addAll(events.candidates(report.eventType(), report.date().earliest().minusDays(window),
          report.date().latest().plusDays(window)));
    } else {
      candidates.addAll(events.undated(report.eventType()));
    }
    // an event an analyst merged away still draws the reports like it, to the event it went into
    candidates.addAll(edits.absorbed(report.eventType()));
    Event best = null;
    int bestScore = 0;
    for (Event e : candidates) {
      if (sameArticle.contains(e.id()) && !namesExerciseOf(report, e)) {
        continue; // one article's separate reports are separate events, but a named drill is one
      }
      int score = score(report, e, weapons, sites);
      if (score > bestScore && !sourceTellsAnotherLaunch(report, e) && !sourceDatesApart(report, e)) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }

  /** Days either side of its dates in which a report looks for the event it joins. */
  private static int windowDays(Report report) {
    return exercise(report) == null ? 1 : EXERCISE_SPELL_DAYS;
  }

  /**
   * Whether the event holds a report from the report's own origin that puts it on another day and
   * gives a clearly different figure for a field both state (range, apogee …): the one day of slack between
   * reports is for outlets in other time zones, and a source that dates and measures its two
   * accounts differently is describing two launches.
   */
  private boolean sourceTellsAnotherLaunch(Report report, Event e) throws SQLException {
    if (report.date().precision() != DatePrecision.DAY || report.attributes().isEmpty()
        || report.date().equals(e.date())) {
      return false;
    }
    for (Report other : events.reportsOf(e.id())) {
      boolean sameSourceOtherDay = other.origin().equals(report.origin())
          && other.date().precision() == DatePrecision.DAY && !other.date().equals(report.date());
      if (sameSourceOtherDay && report.attributes().entrySet().stream()
          .anyMatch(a -> farApart(a.getValue(), other.attributes().get(a.getKey())))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the event holds a lead story from the report's own origin that is another happening,
   * while the two share no named system, drill or particular place (people alone, a leader and his
   * entourage, take part in many happenings): one the source dates to another day, as a source
   * does not date its own lead story of one happening to two days (both its own dispatches, or both
   * relayed: a relay dated by another outlet's day may lie a day off the dispatch), or, where both are the
   * source's own dispatches ("(KCNA) --"), another article's lead on the same day that does not
   * tell the same story (a version keeps a run of its names and most of its words: {@link
   * SharedNames#retold}). The day of slack is for other
   * outlets' clocks and for a digest's retelling (a press review's item later in its article), not
   * for the source's own leads.
   */
  private boolean sourceDatesApart(Report report, Event e) throws SQLException {
    if (!lead(report) || report.date().precision() != DatePrecision.DAY
        || specificShared(report, e, weapons, sites) > 0) {
      return false;
    }
    for (Report other : events.reportsOf(e.id())) {
      if (!lead(other) || !other.origin().equals(report.origin()) || other.date().precision() != DatePrecision.DAY) {
        continue;
      }
      // (a relay's day is its outlet's, which may lie a day off the source's own: the day of slack
      // holds between a source's dispatch and another outlet's retelling of it)
      boolean otherDay = !other.date().equals(report.date()) && ownDispatch(other) == ownDispatch(report);
      boolean otherDispatch = ownDispatch(report) && ownDispatch(other) && !other.articleId().equals(report.articleId())
          && !SharedNames.retold(report.evidence(), other.evidence());
      if (otherDay || otherDispatch) {
        return true;
      }
    }
    return false;
  }

  /** The source speaks in its own name: the report is attributed to its origin itself. */
  private static boolean ownDispatch(Report r) {
    return r.attribution() != null && r.attribution().equalsIgnoreCase(r.origin());
  }

  /** The news an article opens with: its evidence is the article's first sentence. */
  private static boolean lead(Report r) {
    return !r.background() && r.evidenceStart() == 0;
  }

  /**
   * Named systems and a named drill (three each) and particular places the report shares with the
   * event.
   */
  private static int specificShared(Report r, Event e, WeaponClasses weapons, Sites sites) {
    return 3 * (int) r.weapons().stream().filter(w -> !weapons.isClass(w) && e.weapons().contains(w)).count()
        + (int) places(r, sites).stream().filter(e.locations()::contains).count()
        + (namesExerciseOf(r, e) ? 3 : 0);
  }

  /**
   * The report's places that say where its event happened: not a whole country (every story of
   * the watched country names it) and not a dateline's city, the place the story was filed from.
   */
  static List<String> places(Report r, Sites sites) {
    return r.locations().stream().filter(l -> !sites.isCountry(l) && !onlyInDateline(r, l)).toList();
  }

  /**
   * The report's places that can set it apart from an event at another site: all of a lead's, but
   * of a report further into its article (a digest's item, a later paragraph) only those it names
   * in its own sentence or that no claim places elsewhere, as the places after it belong to the
   * items that follow (a press review's next item names the next site).
   */
  static List<String> placesOfItsOwn(Report r) {
    if (lead(r)) {
      return r.locations();
    }
    return r.locations().stream().filter(l -> {
      List<Claim> said = r.claims().stream().filter(c -> c.field().equals("location") && c.value().equals(l)).toList();
      return said.isEmpty() || said.stream().anyMatch(c -> c.start() >= r.evidenceStart() && c.start() < r.evidenceEnd());
    }).toList();
  }

  private static boolean onlyInDateline(Report r, String place) {
    List<Claim> said = r.claims().stream().filter(c -> c.field().equals("location") && c.value().equals(place)).toList();
    return !said.isEmpty() && said.stream().allMatch(c -> c.start() == 0);
  }

  /**
   * The report's actors that took part: not the messenger, the outlet or agency the report is
   * attributed to ("KCNA" in "(KCNA) --"), which every story it files names.
   */
  static List<String> participants(Report r) {
    String by = r.attribution();
    return r.actors().stream()
        .filter(a -> !a.equalsIgnoreCase(r.origin()) && (by == null || !by.contains(a)))
        .toList();
  }

  /**
   * Whether two stated figures differ by more than rounding and retelling do (29, 30 and 31 km
   * are one "about 30 km"): more than a fifth of the larger.
   */
  static boolean farApart(String a, @Nullable String b) {
    if (b == null) {
      return false;
    }
    try {
      double x = Double.parseDouble(a);
      double y = Double.parseDouble(b);
      return Math.abs(x - y) > 0.2 * Math.max(Math.abs(x), Math.abs(y));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The report and the event's summary, both dated to a day (one day apart at most, as the
   * caller's slack allows: a digest retells a story dated by its own day), tell one story. Two
   * lead statements of one template from one source on different days are kept apart by
   * {@link #sourceDatesApart}.
   */
  private static boolean sameStory(Report r, Event e) {
    return r.date().precision() == DatePrecision.DAY && e.date().precision() == DatePrecision.DAY
        && SharedNames.share(r.evidence(), e.summary());
  }

  private static boolean namesExerciseOf(Report r, Event e) {
    String exercise = exercise(r);
    return exercise != null && e.type().equals(EXERCISE_TYPE) && exercise.equals(e.attributes().get(EXERCISE));
  }

  private static @Nullable String exercise(Report r) {
    return r.eventType().equals(EXERCISE_TYPE) ? r.attributes().get(EXERCISE) : null;
  }

  /**
   * 0 when the report cannot be this event; higher is a closer match. Weapons keep a report off an
   * event when two named systems of one class differ (a Hwasong-15 against a Hwasong-18, even if
   * both reports also say "ballistic missile"), or when each side names only classes and they
   * differ; a satellite and its rocket, or a submarine and its missile, do not contradict. A
   * shared system counts three times a shared class, actor or place.
   */
  static int score(Report r, Event e, WeaponClasses weapons) {
    return score(r, e, weapons, Sites.NONE);
  }

  /**
   * As {@link #score(Report, Event, WeaponClasses)}, knowing places: a country or a dateline shared
   * counts for nothing, and two different facilities keep a report off the event.
   */
  static int score(Report r, Event e, WeaponClasses weapons, Sites sites) {
    if (!r.eventType().equals(e.type())) {
      return 0;
    }
    // a named exercise is one happening over its days: announced ("are going to stage"), begun,
    // under way, each report dating it by the day it speaks of
    String exercise = exercise(r);
    String eventExercise = e.type().equals(EXERCISE_TYPE) ? e.attributes().get(EXERCISE) : null;
    if (exercise != null && eventExercise != null && !exercise.equals(eventExercise)) {
      return 0; // two named drills, however close in time and place
    }
    boolean sameExercise = namesExerciseOf(r, e);
    if (r.planned() != e.planned() && !sameExercise) {
      return 0;
    }
    EventDate a = r.date();
    EventDate b = e.date();
    if (a.isKnown() != b.isKnown()) {
      return 0;
    }
    if (a.isKnown()) {
      // (a day of slack where either side is a day: an outlet behind Korea in time dates a Korean
      // morning, and ends its "last few days" window, one day early)
      int slack = sameExercise ? EXERCISE_SPELL_DAYS
          : a.precision() == DatePrecision.DAY || b.precision() == DatePrecision.DAY ? 1 : 0;
      if (!a.overlaps(b, slack)) {
        return 0;
      }
    }
    // two announcements of one kind of happening within a day are one notice retold: how loosely
    // each describes what is coming ("a satellite-carrying rocket", "ICBM technology") does not set
    // them apart, only two different named systems do, and they need share no name
    boolean notices = r.planned() && e.planned() && !sameExercise;
    boolean weaponsApart = notices ? weapons.systemsDisagree(r.weapons(), e.weapons())
        : weapons.disagree(r.weapons(), e.weapons());
    if (weaponsApart || sites.disagree(placesOfItsOwn(r), e.locations())) {
      return 0;
    }
    int shared = specificShared(r, e, weapons, sites)
        + weapons.classesShared(r.weapons(), e.weapons())
        + (int) participants(r).stream().filter(e.actors()::contains).count();
    boolean sameStory = sameStory(r, e);
    if (shared == 0 && !sameStory && !notices) {
      return 0;
    }
    // one story in one source's words (a version, a digest's retelling) names its speaker in words
    // the gazetteer may lack, and outranks an event that merely shares a name and a day
    shared += sameStory ? 2 : 0;
    boolean sameDay = a.isKnown() && a.precision() == DatePrecision.DAY && a.equals(b);
    return shared + (sameDay ? 2 : 1);
  }
}
