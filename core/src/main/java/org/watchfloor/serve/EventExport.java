package org.watchfloor.serve;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Event;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.EventRows;
import org.watchfloor.store.Store;

/**
 * Exports events with their citations, and the missile-launch table of research databases; the
 * CSV is escaped against formulas for spreadsheets (see {@link SpreadsheetCsv}).
 */
public final class EventExport {

  /** The export formats. */
  public enum Format { csv, json, jsonl }

  /** The gazetteer's types of place a missile lands in. */
  private static final Set<String> WATER = Set.of("sea", "strait");

  private final EventViews views;
  private final WatchProfile profile;
  private final Missiles missiles;

  public EventExport(Store store, WatchProfile profile) {
    this.views = new EventViews(store);
    this.profile = profile;
    this.missiles = new Missiles(profile);
  }

  /** Writes every event of {@code type} (null for all) but those an analyst rejected. */
  public void events(String type, Format format, Writer out) throws IOException {
    events(sink -> views.forEachEvent(type, 0, false, sink), format, out);
  }

  /** Writes {@code events} (a filtered list, say) with their citations. */
  public void events(List<Event> events, Format format, Writer out) throws IOException {
    events(of(events), format, out);
  }

  /**
   * Events read one at a time, as a database cursor hands them out: an export writes each as it
   * comes, so that it holds one event, never the list.
   */
  @FunctionalInterface
  public interface Source {
    /** Hands each event to {@code sink} in order, until it says stop. */
    void forEach(EventRows.EventSink sink) throws SQLException, IOException;
  }

  /** The events of a list, as a {@link Source}. */
  public static Source of(List<Event> events) {
    return sink -> {
      for (Event e : events) {
        if (!sink.accept(e)) {
          return;
        }
      }
    };
  }

  /**
   * Writes the events of {@code events} with their citations as they are read: each is written
   * (and the writer's buffer passed on) before the next is read, so memory stays bounded whatever
   * the count, and a writer that fails (a client gone away) stops the reading at once.
   */
  public void events(Source events, Format format, Writer out) throws IOException {
    try {
      switch (format) {
        case jsonl -> {
          var edits = views.editViews();
          events.forEach(e -> {
            out.write(ContractJson.line(ContractJson.event(e, views.reports(e), edits.apply(e))));
            out.write('\n');
            return true;
          });
        }
        case json -> {
          // the array written piece by piece: the same bytes as writing the list whole
          var edits = views.editViews();
          boolean[] first = {true};
          out.write('[');
          events.forEach(e -> {
            if (!first[0]) {
              out.write(',');
            }
            first[0] = false;
            out.write(ContractJson.line(ContractJson.event(e, views.reports(e), edits.apply(e))));
            return true;
          });
          out.write("]\n");
        }
        case csv -> {
          try (SpreadsheetCsv csv = new SpreadsheetCsv(out,
              "id", "type", "date", "date_precision", "planned", "actors", "weapons", "locations", "summary",
              "confidence", "reports", "independent_origins", "conflicts", "citations")) {
            events.forEach(e -> {
              csv.printRecord(e.id(), e.type(), e.date().iso(), e.date().precision().label(), e.planned(),
                  String.join("; ", e.actors()), String.join("; ", e.weapons()), String.join("; ", e.locations()),
                  e.summary(), e.confidence(), e.reports(), e.independentOrigins(),
                  String.join("; ", e.conflicts().stream().map(c -> c.field()).toList()), citations(e));
              return true;
            });
          }
        }
      }
    } catch (SQLException e) {
      throw new WatchfloorException("store: cannot read the events to export: " + e.getMessage(), e);
    }
  }

  /**
   * One row per launch event in the columns of the missile-test databases: date, time, missile
   * name, missile type (the weapon's class in the profile), facility, landing location, apogee,
   * distance, outcome, and the sources. Planned launches and launches only mentioned in passing
   * are left out.
   */
  public void launchTable(Writer out) throws IOException {
    launchTable(false, false, out);
  }

  /**
   * The launch table of the launch events told as news by at least one report, with the planned
   * ones when {@code includePlanned} and those only mentioned in passing (an older launch recalled
   * for context, "a Hwasong-15 fired in November 2017") when {@code includeBackground}: a dataset
   * counts the launches the record reports, not every time one is recalled.
   */
  public void launchTable(boolean includePlanned, boolean includeBackground, Writer out) throws IOException {
    EventRows.Visibility background = includeBackground ? EventRows.Visibility.SHOW : EventRows.Visibility.HIDE;
    launchTable(sink -> views.forEachEvent("missile_launch", 0, false, background, sink), includePlanned, out);
  }

  /** The launch table of {@code launches}, events of type {@code missile_launch}, planned ones left out. */
  public void launchTable(List<Event> launches, Writer out) throws IOException {
    launchTable(of(launches), false, out);
  }

  /** The launch table of {@code launches}; with {@code includePlanned}, planned launches too. */
  public void launchTable(List<Event> launches, boolean includePlanned, Writer out) throws IOException {
    launchTable(of(launches), includePlanned, out);
  }

  /**
   * The launch table of the launches {@code launches} hands out, written as they are read; with
   * {@code includePlanned}, planned launches too, their outcome {@code planned}.
   *
   * <p>One row per missile where the reports count them, as the research databases count them
   * ("fired two missiles" is two rows, {@code 1 of 2} and {@code 2 of 2}, sharing the event id),
   * else one row per launch. The time is Korean time as the reports state it, with the UTC day
   * and time beside it (the databases' day is UTC: a Korean morning is the day before there).
   * The outcome is the one the reports tell (success, failure), else unknown.
   *
   * <p>The missile and its type are as {@link Missiles} says. The landing location is the first place of
   * the event that is water in the gazetteer (a sea, a strait): never a city, which in a launch
   * report is a dateline or where a statement came from ("Seoul", "Washington").
   *
   * <p>Column {@code background} is {@code true} for a launch no report tells as news, only
   * mentions in passing (kept where the source hands such launches out, when asked for).
   *
   * <p>Columns {@code event_id}, {@code missile}, {@code date_utc}, {@code time_utc} and {@code
   * background} come after the older ones, so that readers of the older header still find theirs
   * where they were.
   */
  public void launchTable(Source launches, boolean includePlanned, Writer out) throws IOException {
    try (SpreadsheetCsv csv = new SpreadsheetCsv(out,
        "date", "time", "missile_name", "missile_type", "facility", "landing_location", "apogee_km", "distance_km",
        "outcome", "missiles", "sources", "event_id", "missile", "date_utc", "time_utc", "background")) {
      launches.forEach(e -> {
        if (e.planned() && !includePlanned) {
          return true;
        }
        String name = missiles.nameOf(e.weapons());
        String type = missiles.typeOf(e.weapons());
        String facility = facilityOf(e);
        String landing = landingOf(e);
        Map<String, String> a = e.attributes();
        LaunchClock clock = LaunchClock.of(e.date(), a.get("time"));
        String sources = citations(e);
        boolean background = views.backgroundOnly(e);
        String count = a.getOrDefault("count", "unknown");
        int rows = missileRows(count);
        for (int i = 1; i <= rows; i++) {
          csv.printRecord(e.date().iso(), clock.kst(), name, type, facility, landing,
              a.getOrDefault("apogee_km", "unknown"), a.getOrDefault("range_km", "unknown"),
              e.planned() ? "planned" : a.getOrDefault("outcome", "unknown"), count, sources,
              e.id(), rows == 1 && !count.equals("1") ? "unknown" : i + " of " + rows, clock.utcDay(), clock.utc(),
              background);
        }
        return true;
      });
    } catch (SQLException e) {
      throw new WatchfloorException("store: cannot read the launches to export: " + e.getMessage(), e);
    }
  }

  /**
   * The launch site of the launch table: the first place of the event that is a gazetteer
   * facility named as one ("Chunghwa"), not one named only by its kind ("munitions factory": where
   * the leader watched from, which no database can check); failing that, the town the reports
   * say it was fired from, where the gazetteer knows that town as a launch site (the extract
   * stage's {@code launch_site}: "fired from near Uiju"). Any other town is no site: in a launch
   * report it is a dateline, where a statement came from, or a place of other news.
   */
  public String facilityOf(Event e) {
    return e.locations().stream().filter(l -> {
      EntityDef d = entityNamed(l);
      return d != null && d.kind() == EntityKind.FACILITY && !"true".equals(d.attribute("generic"));
    }).findFirst().orElse(e.attributes().getOrDefault("launch_site", "unknown"));
  }

  /** The landing location of the launch table: the first place of the event that is water (a sea, a strait). */
  public String landingOf(Event e) {
    return e.locations().stream().filter(this::isWater).findFirst().orElse("unknown");
  }

  /**
   * The rows a launch of {@code count} missiles takes: one per missile, or one where the count is
   * unknown or beyond any salvo fired at once (a count that large is a misread, not a salvo, and
   * would flood the table).
   */
  public static int missileRows(String count) {
    if (!count.matches("[1-9]\\d{0,2}")) {
      return 1;
    }
    int n = Integer.parseInt(count);
    return n <= MAX_SALVO ? n : 1;
  }

  /** More missiles than any salvo fired at once: the largest on record is of about two dozen. */
  public static final int MAX_SALVO = 30;

  private String citations(Event e) {
    Set<String> cites = new LinkedHashSet<>();
    for (ContractJson.ReportView rv : views.reports(e)) {
      var a = rv.article();
      cites.add((a.outlet() == null ? "unknown outlet" : a.outlet())
          + ", " + (a.published() == null ? "undated" : a.published().iso())
          + (a.url() != null ? ", " + a.url() : a.sourcePath() != null ? ", " + a.sourcePath() : ""));
    }
    return String.join(" | ", cites);
  }

  private EntityDef entityNamed(String canonical) {
    return profile.entities().stream().filter(x -> x.canonical().equals(canonical)).findFirst().orElse(null);
  }

  private boolean isWater(String place) {
    EntityDef d = entityNamed(place);
    return d != null && d.kind() == EntityKind.PLACE && WATER.contains(d.attribute("type"));
  }
}
