package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.bench.CorpusGenerator;
import org.watchfloor.bench.RewriteScores;
import org.watchfloor.eval.clusters.ClusterEvaluation;
import org.watchfloor.eval.clusters.ClusterScores;
import org.watchfloor.eval.clusters.ConflictScores;
import org.watchfloor.extract.Extractor;
import org.watchfloor.pipeline.StageTimes;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.resolve.Embedder;
import org.watchfloor.resolve.OriginResolver;
import org.watchfloor.resolve.Rewrites;
import org.watchfloor.model.Article;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor bench}: writes a synthetic corpus with ground truth, and optionally measures on it. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Writes N synthetic articles (copies, rewrites, conflicting numbers, many events over years) as",
      "DIR/articles.jsonl with DIR/gold-events.csv and DIR/gold-conflicts.csv; with --measure, ingests them",
      "into DIR/store and prints articles per second, peak heap and the clustering scores."
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--generate", required = true, paramLabel = "N", description = "Number of articles.")
  int generate;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--measure", description = "Ingest the corpus and score it.")
  boolean measure;

  @Option(names = "--embeddings",
      description = "Measure with sentence embeddings (rewrite links); without, copies are found by MinHash alone.")
  boolean embeddings;

  @Override
  public Integer call() throws IOException, SQLException {
    PrintWriter o = spec.commandLine().getOut();
    if (generate < 1) {
      spec.commandLine().getErr().println("error: --generate must be at least 1: " + generate);
      return picocli.CommandLine.ExitCode.USAGE;
    }
    CorpusGenerator.Summary s = new CorpusGenerator(seed).generate(generate, out);
    o.printf(Locale.ROOT, "generated %d articles about %d events (%d with a range conflict) in %s%n",
        s.articles(), s.events(), s.conflicts(), out);
    if (measure) {
      if (embeddings) {
        System.setProperty(Embedder.SWITCH, "on");
      }
      ClusterEvaluation.Result r = ClusterEvaluation.run(out.resolve("gold-events.csv"),
          out.resolve("gold-conflicts.csv"), List.of(out.resolve("articles.jsonl")), out.resolve("store"), new Extractor(WatchProfile.load("dprk")), false);
      ClusterScores c = r.scores();
      ConflictScores k = r.conflicts();
      o.printf(Locale.ROOT,
          "bench: %d articles in %.1f s end to end, %.1f articles/s (one thread); peak heap %.0f MB;"
              + " pairwise F1 %.3f, B-cubed F1 %.3f (P %.3f R %.3f); conflicts P %.3f R %.3f (%d gold)%n",
          r.articlesStored(), r.ingestSeconds(), r.articlesStored() / r.ingestSeconds(), peakHeapMb(),
          c.pairwiseF1(), c.bcubedF1(), c.bcubedPrecision(), c.bcubedRecall(), k.precision(), k.recall(), k.gold());
      StageTimes t = r.stages();
      int n = r.articlesStored();
      o.printf(Locale.ROOT,
          "stages: parse %.2f ms, extract %.2f ms, resolve %.2f ms, store %.2f ms per article;"
              + " resolution alone %.0f articles/s, extraction alone %.0f articles/s%n",
          1e3 * t.parse() / n, 1e3 * t.extract() / n, 1e3 * t.resolve() / n, 1e3 * t.store() / n,
          n / t.resolve(), n / t.extract());
      try (Store store = Store.openReadOnly(out.resolve("store"))) {
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
    return Main.OK;
  }

  private static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / 1e6;
  }
}
