package org.watchfloor.resolve;

import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;
import org.watchfloor.parse.Hashing;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/**
 * Records an analyst's edit of the event record and applies it at once: the one way to edit,
 * for the CLI and the web workbench alike. Each edit is checked (the events exist, the articles
 * are on the event, the analyst has an account, a correction names a field of the event contract
 * with a value it takes), appended to the store's edit log with the pins that make it survive
 * re-processing, applied to the events, and every edit's status derived again — all in one
 * transaction. Wrong requests are refused with {@link WatchfloorException.BadInput}.
 */
public final class Editor {

  /**
   * Told, inside the edit's transaction, which events an edit changed, so that what follows from
   * it (the alerts it decides) commits with it or not at all.
   */
  @FunctionalInterface
  public interface Followers {
    Followers NONE = (events, edit) -> {};

    void changed(java.util.Collection<String> eventIds, Edit edit) throws SQLException;
  }

  private final Store store;
  private final WatchProfile profile;
  private final Clock clock;
  private final Followers followers;

  /** An editor of {@code store}, whose corrections take the event types and vocabularies of {@code profile}. */
  public Editor(Store store, WatchProfile profile) {
    this(store, profile, Clock.systemUTC());
  }

  public Editor(Store store, WatchProfile profile, Clock clock) {
    this(store, profile, clock, Followers.NONE);
  }

  /** An editor that tells {@code followers} of each edit's changes within its transaction. */
  public Editor(Store store, WatchProfile profile, Clock clock, Followers followers) {
    this.store = store;
    this.profile = profile;
    this.clock = clock;
    this.followers = followers;
  }

  /** The fields a correction may name: those of the public event contract, in its order. */
  public static List<String> correctableFields() {
    return List.copyOf(Corrections.FIELDS.keySet());
  }

  /** Merges {@code other} into {@code survivor}, which keeps its id; {@code other}'s id then leads to it. */
  public Edit merge(String survivor, String other, String analyst, @Nullable String note) {
    if (survivor.equals(other)) {
      throw new WatchfloorException.BadInput("cannot merge event " + survivor + " with itself");
    }
    return record(() -> {
      List<Edit.Pin> pins = new ArrayList<>();
      Set<String> mergedIn = new TreeSet<>();
      for (String id : List.of(survivor, other)) {
        for (Report r : reportsOf(id)) {
          pins.add(new Edit.Pin(r.articleId(), r.eventType(), survivor));
          if (id.equals(other)) {
            mergedIn.add(r.articleId());
          }
        }
      }
      return edit(Edit.Kind.MERGE, survivor, other, List.copyOf(mergedIn), pins, null, null, analyst, note,
          store.events().get(other).orElseThrow());
    });
  }

  /**
   * Splits the reports of the given articles off the event into an event of their own, whose
   * id is derived from the event and the articles (the same split gives the same id).
   */
  public Edit split(String eventId, List<String> articleIds, String analyst, @Nullable String note) {
    Set<String> articles = new TreeSet<>(articleIds);
    if (articles.isEmpty()) {
      throw new WatchfloorException.BadInput("a split needs the articles to split off");
    }
    return record(() -> {
      List<Report> reports = reportsOf(eventId);
      Set<String> onEvent = new LinkedHashSet<>();
      reports.forEach(r -> onEvent.add(r.articleId()));
      for (String a : articles) {
        if (!onEvent.contains(a)) {
          throw new WatchfloorException.BadInput("article " + a + " has no report on event " + eventId);
        }
      }
      if (articles.containsAll(onEvent)) {
        throw new WatchfloorException.BadInput("cannot split every article off event " + eventId + ": nothing would be left");
      }
      String splitId = "e" + Hashing.sha256("split|" + eventId + "|" + String.join(",", articles)).substring(0, 15);
      List<Edit.Pin> pins = reports.stream()
          .map(r -> new Edit.Pin(r.articleId(), r.eventType(), articles.contains(r.articleId()) ? splitId : eventId))
          .toList();
      return edit(Edit.Kind.SPLIT, eventId, null, List.copyOf(articles), pins, null, null, analyst, note, null);
    });
  }

  public Edit confirm(String eventId, String analyst, @Nullable String note) {
    return verdict(Edit.Kind.CONFIRM, eventId, analyst, note);
  }

  /** Marks the event rejected: it is kept and shown as rejected, and hidden from lists by default. */
  public Edit reject(String eventId, String analyst, @Nullable String note) {
    return verdict(Edit.Kind.REJECT, eventId, analyst, note);
  }

  /**
   * Overrides one field of the event's resolved value: only a field of the event contract, with a
   * value of its type and range (see {@link Corrections} for the fields).
   */
  public Edit correct(String eventId, String field, String value, String analyst, @Nullable String note) {
    Corrections.check(field, value, profile);
    return record(() -> {
      reportsOf(eventId);
      return edit(Edit.Kind.CORRECT, eventId, null, List.of(), List.of(), field, value.strip(), analyst, note, null);
    });
  }

  private Edit verdict(Edit.Kind kind, String eventId, String analyst, @Nullable String note) {
    return record(() -> {
      reportsOf(eventId);
      return edit(kind, eventId, null, List.of(), List.of(), null, null, analyst, note, null);
    });
  }

  private Edit edit(Edit.Kind kind, String target, @Nullable String other, List<String> articles, List<Edit.Pin> pins,
      @Nullable String field, @Nullable String value, String analyst, @Nullable String note,
      @Nullable Event absorbed) throws SQLException {
    if (analyst == null || analyst.isBlank()) {
      throw new WatchfloorException.BadInput("an edit needs the analyst's name");
    }
    if (!store.edits().isAnalyst(analyst.strip())) {
      throw new WatchfloorException.BadInput("no analyst account '" + analyst.strip()
          + "': edits are made by analysts with an account (watchfloor user add NAME)");
    }
    return new Edit(0, kind, target, other, articles, pins, field, value, analyst.strip(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
        note == null || note.isBlank() ? null : note.strip(), Edit.Status.APPLIED, null, absorbed);
  }

  private List<Report> reportsOf(String eventId) throws SQLException {
    store.events().lockEvent(eventId); // an ingest beside it adds no report meanwhile
    if (store.events().get(eventId).isEmpty()) {
      throw new WatchfloorException.BadInput("no event with id " + eventId);
    }
    return store.events().reportsOf(eventId);
  }

  private interface Build {
    Edit build() throws SQLException;
  }

  private Edit record(Build build) {
    Edit recorded = store.inTransaction(() -> {
      // on a shared store, one edit at a time, each built on what the one before left
      store.edits().lockLog();
      Edit e = store.edits().insert(build.build());
      Resolver resolver = new Resolver(store.events(), store.edits());
      Set<String> touched = resolver.apply(e);
      resolver.settleEdits();
      Edit settled = store.edits().about(e.target()).stream().filter(x -> x.id() == e.id()).findFirst().orElse(e);
      followers.changed(touched, settled);
      return settled;
    });
    store.syncIndex();
    return recorded;
  }
}
