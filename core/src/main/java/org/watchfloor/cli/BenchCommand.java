package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.bench.CorpusGenerator;
import org.watchfloor.bench.RewriteScores;
import org.watchfloor.bench.ScaleRun;
import org.watchfloor.eval.clusters.ClusterEvaluation;
import org.watchfloor.eval.clusters.ClusterScores;
import org.watchfloor.eval.clusters.ConflictScores;
import org.watchfloor.extract.Extractor;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.pipeline.StageTimes;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.resolve.Embedder;
import org.watchfloor.resolve.OriginResolver;
import org.watchfloor.resolve.Rewrites;
import org.watchfloor.model.Article;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor bench}: writes a synthetic corpus with ground truth, and optionally measures on it. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {BenchServeCommand.class, BenchAlertsCommand.class},
    description = {
      "Writes N synthetic articles (copies, rewrites, conflicting numbers, many events over years) as",
      "DIR/articles.jsonl with DIR/gold-events.csv and DIR/gold-conflicts.csv; with --measure, ingests them",
      "into DIR/store and prints articles per second, peak heap and the clustering scores.",
      "`bench serve` puts a load on the workbench instead, `bench alerts` measures alert latency (see their --help)."
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  // not required by picocli, which would then ask for them before `bench serve` too
  @Option(names = "--generate", paramLabel = "N", description = "Number of articles (required).")
  int generate;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (required).")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--measure", description = "Ingest the corpus and score it.")
  boolean measure;

  @Option(names = "--store", paramLabel = "DIR|URL",
      description = "With --measure: ingest into this store instead of DIR/store; an empty PostgreSQL database"
          + " (postgresql://host[:port]/db, credentials as for every --store) measures that backend.")
  String store;

  @Option(names = "--embeddings",
      description = "Measure with sentence embeddings (rewrite links); without, copies are found by MinHash alone.")
  boolean embeddings;

  @Option(names = "--window", defaultValue = "10000", paramLabel = "W",
      description = "With --measure: articles per measured window (default: ${DEFAULT-VALUE}); each window's cost is"
          + " appended to DIR/" + ScaleRun.WINDOWS_FILE + ", and a stopped run resumes after the last window.")
  int window;

  @Override
  public Integer call() throws IOException, SQLException {
    PrintWriter o = spec.commandLine().getOut();
    if (out == null) {
      spec.commandLine().getErr().println("error: --generate N and --out DIR are required");
      return picocli.CommandLine.ExitCode.USAGE;
    }
    if (generate < 1 || window < 1) {
      spec.commandLine().getErr().println("error: --generate and --window must be at least 1: " + generate + ", " + window);
      return picocli.CommandLine.ExitCode.USAGE;
    }
    CorpusGenerator.Summary s = CorpusGenerator.existing(out, generate, seed).orElse(null);
    if (s == null) {
      if (Files.exists(out.resolve("store")) || Files.exists(out.resolve(ScaleRun.WINDOWS_FILE))) {
        spec.commandLine().getErr().println("error: " + out + " holds a store measured on another corpus (not "
            + generate + " articles, seed " + seed + "): remove " + out.resolve("store") + " and "
            + out.resolve(ScaleRun.WINDOWS_FILE) + ", or choose another --out");
        return Main.BAD_INPUT;
      }
      s = new CorpusGenerator(seed).generate(generate, out);
      o.printf(Locale.ROOT, "generated %d articles about %d events (%d with a range conflict) in %s%n",
          s.articles(), s.events(), s.conflicts(), out);
    } else {
      o.printf(Locale.ROOT, "reusing %d articles about %d events in %s%n", s.articles(), s.events(), out);
    }
    o.flush();
    if (measure) {
      if (embeddings) {
        System.setProperty(Embedder.SWITCH, "on");
      }
      measure(o);
    }
    return Main.OK;
  }

  private void measure(PrintWriter o) throws IOException, SQLException {
    Path corpus = out.resolve("articles.jsonl");
    StoreLocation where = this.store == null
        ? StoreLocation.directory(out.resolve("store")) : StoreLocation.parse(this.store, System.getenv());
    o.printf(Locale.ROOT, "measuring on the store %s%n", where.name());
    try (Store store = Store.open(where)) {
      List<ScaleRun.Window> earlier = ScaleRun.windows(out);
      if (!earlier.isEmpty()) {
        o.printf(Locale.ROOT, "resuming after document %d%n", earlier.get(earlier.size() - 1).documentsRead());
      }
      ScaleRun.run(corpus, out, store, new Extractor(WatchProfile.load("dprk")), window, w -> {
        o.printf(Locale.ROOT, "window to %d: %d stored, %.1f articles/s; CPU ms per article: resolve %.2f,"
                + " store %.2f, extract %.2f, parse %.2f (process %.2f); peak heap %.0f MB%n",
            w.documentsRead(), w.stored(), w.stored() / w.wallSeconds(), w.msPerArticle(w.cpu().resolve()),
            w.msPerArticle(w.cpu().store()), w.msPerArticle(w.cpu().extract()), w.msPerArticle(w.cpu().parse()),
            w.msPerArticle(w.processCpuSeconds()), w.peakHeapMb());
        o.flush();
      });
      List<ScaleRun.Window> all = ScaleRun.windows(out);
      int n = all.stream().mapToInt(ScaleRun.Window::stored).sum();
      double wall = all.stream().mapToDouble(ScaleRun.Window::wallSeconds).sum();
      StageTimes t = all.stream().map(ScaleRun.Window::stages).reduce(StageTimes.ZERO, StageTimes::plus);
      double heap = all.stream().mapToDouble(ScaleRun.Window::peakHeapMb).max().orElse(0);
      ClusterEvaluation.Result r = ClusterEvaluation.score(out.resolve("gold-events.csv"),
          out.resolve("gold-conflicts.csv"), store, false, new IngestSummary(n, 0, 0, 0, List.of(), t), wall);
      ClusterScores c = r.scores();
      ConflictScores k = r.conflicts();
      o.printf(Locale.ROOT,
          "bench: %d articles stored in measured windows (%d more read again as already stored) in %.1f s end to end,"
              + " %.1f articles/s (one thread); peak heap %.0f MB;"
              + " pairwise F1 %.3f, B-cubed F1 %.3f (P %.3f R %.3f); conflicts P %.3f R %.3f (%d gold)%n",
          n, all.stream().mapToInt(ScaleRun.Window::duplicates).sum(), wall, n / wall, heap, c.pairwiseF1(), c.bcubedF1(), c.bcubedPrecision(), c.bcubedRecall(),
          k.precision(), k.recall(), k.gold());
      o.printf(Locale.ROOT,
          "stages: parse %.2f ms, extract %.2f ms, resolve %.2f ms, store %.2f ms per article;"
              + " resolution alone %.0f articles/s, extraction alone %.0f articles/s%n",
          1e3 * t.parse() / n, 1e3 * t.extract() / n, 1e3 * t.resolve() / n, 1e3 * t.store() / n,
          n / t.resolve(), n / t.extract());
      StageTimes cpu = all.stream().map(ScaleRun.Window::cpu).reduce(StageTimes.ZERO, StageTimes::plus);
      o.printf(Locale.ROOT,
          "CPU of the ingesting thread: parse %.2f ms, extract %.2f ms, resolve %.2f ms, store %.2f ms per article;"
              + " %.0f articles per CPU-second end to end, resolution alone %.0f%n",
          1e3 * cpu.parse() / n, 1e3 * cpu.extract() / n, 1e3 * cpu.resolve() / n, 1e3 * cpu.store() / n,
          n / cpu.total(), n / cpu.resolve());
      if (all.size() > 1) {
        ScaleRun.Window first = all.get(0);
        ScaleRun.Window last = all.get(all.size() - 1);
        o.printf(Locale.ROOT, "first window against last, CPU ms per article: resolve %.2f → %.2f (%.2f×),"
                + " resolve and store %.2f → %.2f (%.2f×)%n",
            first.msPerArticle(first.cpu().resolve()), last.msPerArticle(last.cpu().resolve()),
            last.cpu().resolve() / last.stored() / (first.cpu().resolve() / first.stored()),
            first.msPerArticle(first.cpu().resolve() + first.cpu().store()),
            last.msPerArticle(last.cpu().resolve() + last.cpu().store()),
            (last.cpu().resolve() + last.cpu().store()) / last.stored()
                / ((first.cpu().resolve() + first.cpu().store()) / first.stored()));
      }
      if (embeddings) {
        // rewrites are linked only with embeddings on; without, the curve would be all zeros
        List<Article> stored = store.articles().list(null, 0);
        // links below a stricter cutoff would not have been made: one run gives the whole curve
        for (double cutoff = Rewrites.THRESHOLD; cutoff < 0.96; cutoff += 0.05) {
          RewriteScores w = RewriteScores.score(out.resolve(CorpusGenerator.REWRITES_FILE), stored,
              OriginResolver.REWRITE_OF, Rewrites.COSINE, cutoff);
          o.printf(Locale.ROOT,
              "rewrites at cosine >= %.2f: %d links, precision %.3f, recall %.3f (%d gold; %d wrong links across"
                  + " happenings, %d gold taken for copies)%n",
              cutoff, w.links(), w.precision(), w.recall(), w.gold(), w.crossEvent(), w.asCopy());
        }
      }
    }
  }
}
