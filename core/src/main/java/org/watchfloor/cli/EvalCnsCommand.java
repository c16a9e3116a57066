package org.watchfloor.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.watchfloor.eval.cns.CnsCheck;
import org.watchfloor.eval.cns.CnsEvaluation;
import org.watchfloor.eval.cns.CnsFile;
import org.watchfloor.eval.cns.CnsRow;
import org.watchfloor.eval.cns.Launch;
import org.watchfloor.eval.events.GoldEvent;
import org.watchfloor.eval.events.GoldEvents;
import org.watchfloor.extract.Extractor;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor eval cns}: checks the launches extracted from articles against the CNS database. */
@Command(
    name = "cns",
    mixinStandardHelpOptions = true,
    description = {
      "Ingests articles into a temporary store and checks each missile launch dated within the CNS file's",
      "coverage against it (same UTC day +-1; does the missile agree by name or class?) and, failing that,",
      "against the gold launches; lists the launches that match neither, and the CNS launches of the",
      "articles' months that were not found. Then, row by row over the launches CNS has: the launch table's",
      "rows (one per missile counted) against CNS's, and its outcome and UTC time (within 15 minutes) against theirs;",
      "then its launch site and landing area (the gazetteer resolves CNS's names), apogee and distance (within 10 %%,",
      "at least 5 km) against theirs: stated by the table, stated by CNS too, agreeing."
    })
public final class EvalCnsCommand implements Callable<Integer> {
  /** Exit code for a CNS file, gold file or article path that is missing or unreadable. */
  public static final int EXIT_BAD_INPUT = 1;

  @Spec CommandSpec spec;

  @Option(names = "--cns", required = true, paramLabel = "FILE", description = "CNS missile-test CSV.")
  Path cns;

  @Option(names = "--gold", paramLabel = "FILE", description = "Gold events CSV (optional).")
  @Nullable Path gold;

  @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Article files or folders, in any format ingest takes.")
  List<Path> articles;

  @Option(names = "--types", split = ",", paramLabel = "TYPE", defaultValue = "missile_launch",
      description = "Event types that are launches, comma-separated (default: ${DEFAULT-VALUE}).")
  Set<String> types;

  @Option(names = "--profile", paramLabel = "NAME|DIR", defaultValue = "dprk",
      description = "Watch profile: a built-in name or a directory (default: ${DEFAULT-VALUE}).")
  String profile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String missing = missing();
    if (missing != null) {
      err.println("error: " + missing);
      return EXIT_BAD_INPUT;
    }
    Extractor extractor = new Extractor(StoreOptions.loadProfile(profile));
    CnsEvaluation.Outcome outcome;
    try {
      List<CnsRow> rows = CnsFile.read(cns);
      List<GoldEvent> goldEvents =
          gold == null ? List.of() : GoldEvents.read(gold, GazetteerMatcher.of(extractor.profile()));
      outcome = new CnsEvaluation(extractor).evaluate(rows, goldEvents, articles, types);
    } catch (CnsFile.CnsException | GoldEvents.GoldException | UncheckedIOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    print(outcome, out);
    out.flush();
    return 0;
  }

  private @Nullable String missing() {
    if (!Files.isRegularFile(cns)) {
      return "--cns is not a file: " + cns;
    }
    if (gold != null && !Files.isRegularFile(gold)) {
      return "--gold is not a file: " + gold;
    }
    return articles.stream().filter(p -> !Files.exists(p)).findFirst()
        .map(p -> "--articles path does not exist: " + p).orElse(null);
  }

  private void print(CnsEvaluation.Outcome outcome, PrintWriter out) {
    CnsCheck.Result r = outcome.result();
    out.println("CNS covers " + r.first() + " to " + r.last() + "; articles=" + outcome.articles() + " published in "
        + months(outcome.articleMonths()));
    out.println();
    out.println("LAUNCHES WITHIN CNS COVERAGE (" + r.checked().size() + ")");
    for (CnsCheck.Verdict v : r.checked()) {
      out.println("  " + launch(v.launch()) + "  ->  " + verdict(v));
    }
    out.println("LAUNCHES OUTSIDE CNS COVERAGE (" + r.outside().size() + ")");
    r.outside().forEach(l -> out.println("  " + launch(l)));
    out.println("LAUNCHES NOT DATED TO A DAY (" + r.undated().size() + ")");
    r.undated().forEach(l -> out.println("  " + launch(l)));
    out.println("CNS ROWS IN THE ARTICLES' MONTHS NOT FOUND (" + r.missed().size() + ")");
    r.missed().forEach(c -> out.println("  " + row(c)));
    out.println();
    out.println(String.format(Locale.ROOT,
        "launches=%d checked=%d cns=%d name_agrees=%d class_agrees=%d differs=%d unknown=%d gold_only=%d neither=%d"
            + " outside=%d undated=%d cns_rows_missed=%d",
        r.checked().size() + r.outside().size() + r.undated().size(), r.checked().size(), r.cnsMatched(),
        r.count(CnsCheck.Agreement.NAME), r.count(CnsCheck.Agreement.CLASS), r.count(CnsCheck.Agreement.DIFFERS),
        r.count(CnsCheck.Agreement.UNKNOWN), r.goldOnly(), r.neither(), r.outside().size(), r.undated().size(),
        r.missed().size()));
    // row level, over the launches CNS has: the launch table's rows (one per missile counted)
    // against CNS's, and the outcome and UTC time the table states against those of its rows
    out.println(String.format(Locale.ROOT,
        "rows: table_rows=%d cns_rows=%d rows_paired=%d count_agrees=%d/%d outcome_stated=%d outcome_agrees=%d"
            + " time_stated=%d time_agrees=%d",
        r.tableRows(), r.cnsRows(), r.rowsPaired(), r.countAgrees(), r.cnsMatched(), r.outcomeStated(),
        r.outcomeAgrees(), r.timeStated(), r.timeAgrees()));
    // the other columns: stated in the table / stated by CNS too / agreeing
    StringBuilder columns = new StringBuilder("columns:");
    for (CnsCheck.Column c : CnsCheck.Column.values()) {
      String name = c.name().toLowerCase(Locale.ROOT);
      columns.append(String.format(Locale.ROOT, " %s_stated=%d %s_comparable=%d %s_agrees=%d", name, r.stated(c), name,
          r.comparable(c), name, r.agrees(c)));
    }
    out.println(columns);
  }

  private static String verdict(CnsCheck.Verdict v) {
    if (!v.cns().isEmpty()) {
      CnsRow first = v.cns().get(0);
      String names = v.cns().stream().map(c -> c.name() + " " + c.type()).distinct().collect(Collectors.joining(", "));
      Launch l = v.launch();
      return "CNS " + first.date().iso() + " x" + v.cns().size() + " " + names + " (missile "
          + v.agreement().name().toLowerCase(Locale.ROOT) + ") [table rows " + l.rows() + ", outcome " + l.outcome()
          + " vs " + v.cns().stream().map(CnsRow::outcome).distinct().collect(Collectors.joining("/"))
          + ", time_utc " + l.timeUtc() + " vs " + v.cns().stream().map(CnsRow::timeUtc).distinct()
              .collect(Collectors.joining("/"))
          + ", facility " + l.facility() + " vs " + values(v, CnsRow::facility)
          + ", landing " + l.landing() + " vs " + values(v, CnsRow::landing)
          + ", apogee_km " + l.apogeeKm() + " vs " + values(v, CnsRow::apogeeKm)
          + ", distance_km " + l.distanceKm() + " vs " + values(v, CnsRow::distanceKm) + "]"
          + (v.gold() == null ? "" : "; gold " + v.gold().key());
    }
    return v.gold() != null ? "gold " + v.gold().key() : "NEITHER";
  }

  private static String values(CnsCheck.Verdict v, Function<CnsRow, String> column) {
    return v.cns().stream().map(column).distinct().collect(Collectors.joining("/"));
  }

  private String launch(Launch l) {
    String url = l.urls().isEmpty() ? "" : " <" + l.urls().get(0) + ">";
    return l.date().iso() + (types.size() > 1 ? " " + l.type() : "") + " " + l.weapons() + " " + clip(l.summary()) + url;
  }

  private static String row(CnsRow c) {
    return c.date().iso() + " " + c.name() + " " + c.type() + " " + c.outcome() + " (line " + c.line() + ")";
  }

  private static String months(Set<YearMonth> months) {
    return months.isEmpty() ? "no known month"
        : months.size() == 1 ? months.iterator().next().toString()
        : months.iterator().next() + ".." + months.stream().reduce((a, b) -> b).orElseThrow() + " (" + months.size()
            + " months)";
  }

  private static String clip(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 90 ? one : one.substring(0, 87) + "...";
  }
}
