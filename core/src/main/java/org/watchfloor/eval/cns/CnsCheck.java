package org.watchfloor.eval.cns;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.watchfloor.eval.events.GoldEvent;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.StatedMeasure;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * Checks each extracted launch against the CNS database and the gold events: a launch dated to
 * a day within the months CNS covers matches the CNS rows of the same UTC day give or take one
 * (a Korean morning is the previous day in UTC), or else a gold event of its type from one of
 * its articles whose date lies within a day of it; a launch that matches neither is one
 * to read. For a CNS match it says whether the missile agrees: by name (the gazetteer resolves
 * both to one weapon), by class only (an SRBM for an SRBM), or not at all.
 */
public final class CnsCheck {

  /** How the missile of a launch compares with that of its CNS rows. */
  public enum Agreement {
    /** One of the CNS rows names a weapon the launch names. */
    NAME,
    /** Not the name, but one of the launch's weapons is of the class CNS gives. */
    CLASS,
    /** The launch names weapons, none of the CNS name or class. */
    DIFFERS,
    /** The launch names no weapon; or CNS does not know the missile. */
    UNKNOWN
  }

  /** The columns of the launch table compared with CNS's besides the missile, outcome and time. */
  public enum Column {
    /** The launch site: the gazetteer resolves CNS's {@code facility_name} to one of its facilities. */
    FACILITY,
    /** Where it came down: CNS's {@code sea-of-japan} is the gazetteer's Sea of Japan (East Sea). */
    LANDING,
    /** The apogee, within the sources' rounding ({@link #closeInKm}). */
    APOGEE,
    /** The distance flown (the range reported), within the sources' rounding. */
    DISTANCE
  }

  /** How one column of a launch compares with its CNS rows. */
  public enum ColumnMatch {
    /** The launch table leaves it unknown. */
    UNSTATED,
    /** The table states it, but none of the CNS rows does (unknown, or {@code na} for a failed launch). */
    NO_CNS_VALUE,
    /** The table's value is that of one of the CNS rows. */
    AGREES,
    /** The table's value is that of none of them. */
    DIFFERS
  }

  /** What one launch was found to be; {@code columns} is empty where CNS has no rows for it. */
  public record Verdict(Launch launch, List<CnsRow> cns, @Nullable Agreement agreement, @Nullable GoldEvent gold,
      Map<Column, ColumnMatch> columns) {
    public Verdict {
      cns = List.copyOf(cns);
      columns = Map.copyOf(columns);
    }

    public Verdict(Launch launch, List<CnsRow> cns, @Nullable Agreement agreement, @Nullable GoldEvent gold) {
      this(launch, cns, agreement, gold, Map.of());
    }

    /** How {@code column} compares; {@link ColumnMatch#UNSTATED} where it was not compared. */
    public ColumnMatch column(Column column) {
      return columns.getOrDefault(column, ColumnMatch.UNSTATED);
    }

    public boolean matchesNeither() {
      return cns.isEmpty() && gold == null;
    }
  }

  /**
   * The outcome.
   *
   * @param first the first day CNS covers
   * @param last the last day CNS covers
   * @param checked the launches dated within CNS's coverage, in date order
   * @param outside the launches dated outside it
   * @param undated launches not dated to a day, which cannot be checked against a day
   * @param missed CNS rows in the months the articles were published that no launch matched
   */
  public record Result(LocalDate first, LocalDate last, List<Verdict> checked, List<Launch> outside,
      List<Launch> undated, List<CnsRow> missed) {
    public Result {
      checked = List.copyOf(checked);
      outside = List.copyOf(outside);
      undated = List.copyOf(undated);
      missed = List.copyOf(missed);
    }

    public long count(Agreement agreement) {
      return checked.stream().filter(v -> v.agreement() == agreement).count();
    }

    public long cnsMatched() {
      return checked.stream().filter(v -> !v.cns().isEmpty()).count();
    }

    public long goldOnly() {
      return checked.stream().filter(v -> v.cns().isEmpty() && v.gold() != null).count();
    }

    public long neither() {
      return checked.stream().filter(Verdict::matchesNeither).count();
    }

    /** The rows of the launch table for the launches CNS has, one per missile counted. */
    public long tableRows() {
      return matched().mapToLong(v -> v.launch().rows()).sum();
    }

    /** The CNS rows those launches matched. */
    public long cnsRows() {
      return matched().mapToLong(v -> v.cns().size()).sum();
    }

    /** Rows of the table paired with a CNS row of their launch: the fewer of the two, per launch. */
    public long rowsPaired() {
      return matched().mapToLong(v -> Math.min(v.launch().rows(), v.cns().size())).sum();
    }

    /** Launches CNS has whose table rows are as many as its rows. */
    public long countAgrees() {
      return matched().filter(v -> v.launch().rows() == v.cns().size()).count();
    }

    /** Launches CNS has whose outcome the table states (success or failure). */
    public long outcomeStated() {
      return matched().filter(v -> !v.launch().outcome().equals(UNKNOWN)).count();
    }

    /** Of those, the ones whose outcome is that of one of their CNS rows. */
    public long outcomeAgrees() {
      return matched().filter(v -> !v.launch().outcome().equals(UNKNOWN) && v.cns().stream()
          .anyMatch(c -> c.outcome().equalsIgnoreCase(v.launch().outcome()))).count();
    }

    /** Launches CNS has whose UTC time the table states. */
    public long timeStated() {
      return matched().filter(v -> !v.launch().timeUtc().equals(UNKNOWN)).count();
    }

    /** Of those, the ones within {@link #TIME_TOLERANCE_MINUTES} of one of their CNS rows' time. */
    public long timeAgrees() {
      return matched().filter(v -> v.cns().stream().anyMatch(c -> closeInTime(v.launch().timeUtc(), c.timeUtc())))
          .count();
    }

    /** Launches CNS has whose {@code column} the table states. */
    public long stated(Column column) {
      return matched().filter(v -> v.column(column) != ColumnMatch.UNSTATED).count();
    }

    /** Of those, the ones where some CNS row states it too, so that the two can be compared. */
    public long comparable(Column column) {
      return matched().filter(v -> v.column(column) == ColumnMatch.AGREES || v.column(column) == ColumnMatch.DIFFERS)
          .count();
    }

    /** Of those, the ones that agree. */
    public long agrees(Column column) {
      return matched().filter(v -> v.column(column) == ColumnMatch.AGREES).count();
    }

    private java.util.stream.Stream<Verdict> matched() {
      return checked.stream().filter(v -> !v.cns().isEmpty());
    }
  }

  private static final String UNKNOWN = "unknown";

  /**
   * How far a stated time may be from CNS's and still agree: reports round to the minute or give
   * "around 7:10", and a salvo's missiles leave minutes apart.
   */
  static final int TIME_TOLERANCE_MINUTES = 15;

  /** Two UTC clock times {@code HH:MM} within the tolerance of each other, across midnight too. */
  static boolean closeInTime(String a, String b) {
    if (!a.matches("\\d{2}:\\d{2}") || !b.matches("\\d{2}:\\d{2}")) {
      return false;
    }
    int diff = Math.abs(minutes(a) - minutes(b));
    return Math.min(diff, 24 * 60 - diff) <= TIME_TOLERANCE_MINUTES;
  }

  private static int minutes(String hhmm) {
    return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
  }

  /**
   * How far a length stated in the news may be from CNS's and still agree, as a share of the
   * larger: reports round ("about 800 km"), give miles ("500 miles", 805 km) and CNS rounds to
   * tens and fifties of kilometres itself.
   */
  static final double KM_TOLERANCE = 0.10;

  /** The least allowance in kilometres, for short lengths ("about 50 km" against CNS's 45). */
  static final double KM_TOLERANCE_MIN = 5;

  /**
   * Whether a length of the launch table ({@code 6648.4}, a span {@code 400-500}, or a lower
   * bound {@code >1000}, which any greater length meets) agrees with
   * CNS's ({@code 6648}) within the sources' rounding; false where either is no number.
   */
  static boolean closeInKm(String stated, String cns) {
    double[] span = span(stated);
    double[] theirs = span(cns);
    if (span == null || theirs == null || theirs[0] != theirs[1]) {
      return false;
    }
    double c = theirs[0];
    return c >= span[0] - allowance(Math.max(c, span[0])) && c <= span[1] + allowance(Math.max(c, span[1]));
  }

  private static double allowance(double km) {
    return Math.max(KM_TOLERANCE_MIN, KM_TOLERANCE * km);
  }

  /**
   * {@code [low, high]} of a length, a span of lengths, or a lower bound ({@code >1000}, its high
   * end without limit); null for {@code unknown}, {@code na}, text or a negative length.
   */
  static double @Nullable [] span(String km) {
    StatedMeasure m = StatedMeasure.parse(km.strip());
    return m == null || m.low() < 0 ? null : new double[] {m.low(), m.ceiling()};
  }

  private final GazetteerMatcher gazetteer;
  private final Map<String, String> classOf = new HashMap<>();

  public CnsCheck(WatchProfile profile) {
    this.gazetteer = GazetteerMatcher.of(profile);
    for (EntityDef weapon : profile.entities(EntityKind.WEAPON)) {
      String c = weapon.attributes().get("class");
      if (c != null) {
        classOf.put(weapon.canonical(), c.toUpperCase(Locale.ROOT));
      }
    }
  }

  /**
   * @param launches the system's launches
   * @param cns the CNS rows; at least one dated to a day
   * @param gold the gold events, possibly empty
   * @param articleMonths the months the articles were published in, for the list of missed CNS rows
   */
  public Result check(List<Launch> launches, List<CnsRow> cns, List<GoldEvent> gold, Set<YearMonth> articleMonths) {
    // coverage is where CNS knows days: a row dated only to a month does not cover the whole month
    List<CnsRow> days = cns.stream().filter(r -> r.date().spanDays() == 1).toList();
    if (days.isEmpty()) {
      throw new IllegalArgumentException("no CNS row is dated to a day");
    }
    LocalDate first = days.stream().map(r -> r.date().earliest()).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last = days.stream().map(r -> r.date().latest()).max(Comparator.naturalOrder()).orElseThrow();
    List<Verdict> checked = new ArrayList<>();
    List<Launch> outside = new ArrayList<>();
    List<Launch> undated = new ArrayList<>();
    Set<CnsRow> used = new HashSet<>();
    List<Launch> sorted = launches.stream()
        .sorted(Comparator.comparing((Launch l) -> l.date().isKnown() ? l.date().earliest() : LocalDate.MAX)).toList();
    for (Launch launch : sorted) {
      EventDate d = launch.date();
      if (d.spanDays() != 1) {
        undated.add(launch);
        continue;
      }
      LocalDate day = d.earliest();
      // a day past the end still counts: the launch of the last Korean morning is CNS's day before
      if (day.isBefore(first) || day.isAfter(last.plusDays(1))) {
        outside.add(launch);
        continue;
      }
      List<CnsRow> rows = ofSite(launch, days.stream().filter(r -> sameDay(r.date(), day)).toList());
      used.addAll(rows);
      GoldEvent g = gold.stream().filter(e -> e.types().contains(launch.type()) && e.date().overlaps(d, 1)
          && e.articles().stream().anyMatch(launch.urls()::contains)).findFirst().orElse(null);
      checked.add(rows.isEmpty() ? new Verdict(launch, rows, null, g)
          : new Verdict(launch, rows, agreement(launch, rows), g, columns(launch, rows)));
    }
    List<CnsRow> missed = days.stream()
        .filter(r -> !used.contains(r) && articleMonths.contains(YearMonth.from(r.date().earliest())))
        .toList();
    return new Result(first, last, checked, outside, undated, missed);
  }

  /**
   * The rows of the launch's site among the day's: one event is one launch day and site, so
   * where CNS has missiles of two sites that day, those of the site the table names are its
   * rows. A launch naming no site, or a site none of the rows has, keeps the day's rows.
   */
  private List<CnsRow> ofSite(Launch launch, List<CnsRow> day) {
    if (!known(launch.facility())) {
      return day;
    }
    List<CnsRow> site = day.stream().filter(r -> samePlace(launch.facility(), r.facility())).toList();
    return site.isEmpty() ? day : site;
  }

  private static boolean sameDay(EventDate cns, LocalDate day) {
    return Math.abs(ChronoUnit.DAYS.between(cns.earliest(), day)) <= 1;
  }

  Agreement agreement(Launch launch, List<CnsRow> rows) {
    if (launch.weapons().isEmpty()) {
      return Agreement.UNKNOWN;
    }
    boolean known = false;
    for (CnsRow r : rows) {
      Set<String> named = weaponsNamed(r.name());
      if (launch.weapons().stream().anyMatch(named::contains)) {
        return Agreement.NAME;
      }
      known |= !named.isEmpty() || !r.type().equalsIgnoreCase("unknown");
    }
    for (CnsRow r : rows) {
      String type = r.type().toUpperCase(Locale.ROOT);
      if (launch.weapons().stream().anyMatch(w -> type.equals(classOf.get(w)))) {
        return Agreement.CLASS;
      }
    }
    return known ? Agreement.DIFFERS : Agreement.UNKNOWN;
  }

  /** How each of the launch's compared columns stands against its CNS rows. */
  Map<Column, ColumnMatch> columns(Launch launch, List<CnsRow> rows) {
    Map<Column, ColumnMatch> out = new EnumMap<>(Column.class);
    out.put(Column.FACILITY, compare(launch.facility(), rows, CnsRow::facility, this::samePlace));
    // CNS writes the sea as a slug: sea-of-japan, yellow-sea, pacific-ocean
    out.put(Column.LANDING, compare(launch.landing(), rows, r -> r.landing().replace('-', ' '), this::samePlace));
    out.put(Column.APOGEE, compare(launch.apogeeKm(), rows, CnsRow::apogeeKm, CnsCheck::closeInKm));
    out.put(Column.DISTANCE, compare(launch.distanceKm(), rows, CnsRow::distanceKm, CnsCheck::closeInKm));
    return out;
  }

  private static ColumnMatch compare(String stated, List<CnsRow> rows, Function<CnsRow, String> cns,
      BiPredicate<String, String> agree) {
    if (!known(stated)) {
      return ColumnMatch.UNSTATED;
    }
    List<String> theirs = rows.stream().map(cns).filter(CnsCheck::known).toList();
    if (theirs.isEmpty()) {
      return ColumnMatch.NO_CNS_VALUE;
    }
    return theirs.stream().anyMatch(c -> agree.test(stated, c)) ? ColumnMatch.AGREES : ColumnMatch.DIFFERS;
  }

  /** A value CNS or the table states: not {@code unknown}, nor CNS's {@code na} (not applicable). */
  private static boolean known(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return !v.isEmpty() && !v.equals(UNKNOWN) && !v.equals("na");
  }

  /**
   * Whether the table's place (a canonical gazetteer name) is the one CNS names: the gazetteer
   * resolves CNS's name ("Sunan" is Pyongyang International Airport, "Sinpo Shipyard" the Sinpo
   * South Shipyard); a name it does not know agrees only when it is the same name.
   */
  boolean samePlace(String table, String cnsName) {
    Set<String> named = new HashSet<>();
    for (EntityMatch m : gazetteer.find(cnsName)) {
      if (m.entity().kind() == EntityKind.FACILITY || m.entity().kind() == EntityKind.PLACE) {
        named.add(m.entity().canonical());
      }
    }
    return named.contains(table) || table.equalsIgnoreCase(cnsName.strip());
  }

  /** Canonical profile names of the weapons a CNS missile name resolves to. */
  Set<String> weaponsNamed(String cnsName) {
    Set<String> out = new HashSet<>();
    for (EntityMatch m : gazetteer.find(cnsName)) {
      if (m.entity().kind() == EntityKind.WEAPON) {
        out.add(m.entity().canonical());
      }
    }
    return out;
  }
}
