package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.watchfloor.eval.clusters.ClusterEvaluation;
import org.watchfloor.eval.clusters.ClusterScores;
import org.watchfloor.eval.clusters.ConflictScores;
import org.watchfloor.eval.clusters.IssueChecks;
import org.watchfloor.store.ScratchDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor eval clusters}: scores the grouping of articles into events against a gold file. */
@Command(
    name = "clusters",
    mixinStandardHelpOptions = true,
    description = {
      "Ingests articles into a fresh store and scores how they were grouped into events against a gold file",
      "(CSV with event_key and article_urls): pairwise and B-cubed precision, recall and F1."
    })
public final class EvalClustersCommand implements Callable<Integer> {

  /** Exit code for a gold file or article path that cannot be read. */
  public static final int EXIT_BAD_INPUT = 1;

  @Spec CommandSpec spec;

  @Mixin EvalInputs inputs;

  @Option(names = "--keep-store", paramLabel = "DIR",
      description = "Build the store in DIR and keep it, instead of a temporary one.")
  @Nullable Path keepStore;

  @Option(names = "--gold-conflicts", paramLabel = "FILE",
      description = "Gold conflicts CSV (event_key,field): also score conflict detection.")
  @Nullable Path goldConflicts;

  @Option(names = "--with-background",
      description = "Count events an article mentions only in passing as events it reports.")
  boolean withBackground;

  @Option(names = "--verbose", description = "One row per gold event.")
  boolean verbose;

  @Option(names = "--details",
      description = "List the gold events split over several system events or with articles placed in none,"
          + " article by article, and the system events holding articles of several gold events.")
  boolean details;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!inputs.usable(err)) {
      return EXIT_BAD_INPUT;
    }
    if (goldConflicts != null && !Files.isReadable(goldConflicts)) {
      err.println("error: --gold-conflicts: cannot read " + goldConflicts);
      return EXIT_BAD_INPUT;
    }
    try (ScratchDir scratch = keepStore != null ? null : ScratchDir.create("watchfloor-eval-clusters")) {
      Path dir = scratch != null ? scratch.path() : keepStore;
      ClusterEvaluation.Result r = ClusterEvaluation.run(inputs.gold, goldConflicts, inputs.articles, dir,
          inputs.extractor(), withBackground);
      print(out, r);
      return Main.OK;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return EXIT_BAD_INPUT;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void print(PrintWriter out, ClusterEvaluation.Result r) {
    if (verbose) {
      out.printf(Locale.ROOT, "%-60s %-22s %8s %6s %8s %8s%n", "gold event", "type", "articles", "found", "sys evts",
          "no event");
      for (ClusterEvaluation.EventRow e : r.events()) {
        out.printf(Locale.ROOT, "%-60s %-22s %8d %6d %8d %8d%n", clip(e.key(), 60), clip(e.type(), 22), e.articles(),
            e.found(), e.systemEvents(), e.withoutEvent());
      }
      out.println();
    }
    if (details) {
      printDetails(out, r);
    }
    ClusterScores s = r.scores();
    out.printf(Locale.ROOT, "%-9s %9s %9s %9s%n", "measure", "precision", "recall", "F1");
    out.printf(Locale.ROOT, "%-9s %9.3f %9.3f %9.3f%n", "pairwise", s.pairwisePrecision(), s.pairwiseRecall(),
        s.pairwiseF1());
    out.printf(Locale.ROOT, "%-9s %9.3f %9.3f %9.3f%n", "B-cubed", s.bcubedPrecision(), s.bcubedRecall(), s.bcubedF1());
    if (!r.unmatched().isEmpty()) {
      out.println("gold articles not found among the ingested: " + r.unmatched().size());
      r.unmatched().stream().limit(10).forEach(u -> out.println("  " + u));
    }
    ConflictScores c = r.conflicts();
    if (c != null) {
      out.printf(Locale.ROOT, "%-9s %9.3f %9.3f %9.3f   (%d gold, %d flagged, %d right)%n", "conflicts", c.precision(),
          c.recall(), c.f1(), c.gold(), c.system(), c.correct());
    }
    out.printf(Locale.ROOT, "split although sharing an origin: %d gold events; same weapon's launches over %d days"
        + " apart merged: %d system events%n", r.originSplits().size(), IssueChecks.LAUNCHES_APART_DAYS,
        r.weaponMerges().size());
    out.printf(Locale.ROOT,
        "clusters: %d gold events, %d gold articles, %d links gold / %d system / %d both; pairwise F1 %.3f,"
            + " B-cubed F1 %.3f; %d articles, %d reports ingested in %.1f s%n",
        r.events().size(), s.items(), s.goldLinks(), s.systemLinks(), s.sharedLinks(), s.pairwiseF1(), s.bcubedF1(),
        r.articlesStored(), r.reports(), r.ingestSeconds());
  }

  /** Where recall is lost (splits, articles without an event) and where precision is (merges). */
  private static void printDetails(PrintWriter out, ClusterEvaluation.Result r) {
    out.println("split or unplaced gold events:");
    for (ClusterEvaluation.EventRow e : r.events()) {
      if (e.systemEvents() <= 1 && e.withoutEvent() == 0) {
        continue;
      }
      out.printf(Locale.ROOT, "  %s (%s): %d articles over %d system events, %d without one%n", e.key(), e.type(),
          e.found(), e.systemEvents(), e.withoutEvent());
      e.placed().forEach((ref, ids) -> out.printf(Locale.ROOT, "    %s -> %s%n", clip(ref, 90),
          ids.isEmpty() ? "(none)" : ids.stream().map(id -> describe(r, id)).collect(Collectors.joining("; "))));
    }
    out.println("system events holding articles of several gold events:");
    for (ClusterEvaluation.SystemEvent ev : r.systemEvents().values()) {
      if (ev.goldEvents().size() > 1) {
        out.printf(Locale.ROOT, "  %s: %s%n", describe(r, ev.id()), String.join(", ", ev.goldEvents()));
      }
    }
    out.println("gold events split although articles share an origin (two of them in no common system event):");
    for (IssueChecks.OriginSplit split : r.originSplits()) {
      out.printf(Locale.ROOT, "  %s: shared %s; %s%n", split.goldEvent(), String.join(", ", split.sharedOrigins()),
          split.systemEvents().stream().map(id -> describe(r, id)).collect(Collectors.joining("; ")));
    }
    out.println("system events holding launches of one weapon over " + IssueChecks.LAUNCHES_APART_DAYS
        + " days apart:");
    for (IssueChecks.WeaponMerge m : r.weaponMerges()) {
      out.printf(Locale.ROOT, "  %s: %s and %s, %d days apart, both %s%n", describe(r, m.systemEvent()), m.first(),
          m.second(), m.daysApart(), m.weapon());
    }
    out.println();
  }

  private static String describe(ClusterEvaluation.Result r, String id) {
    ClusterEvaluation.SystemEvent ev = r.systemEvents().get(id);
    return ev == null ? id : id + " " + ev.type() + " " + ev.date() + " \"" + clip(ev.summary(), 70) + "\"";
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
