package org.watchfloor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor ingest PATH…}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Ingest articles from files and folders: plain text (with or without a header block),",
        "HTML, JSON Lines; gzip-compressed too. Re-ingesting the same article changes nothing.",
        "A file that cannot be ingested is reported on one line, the rest go on, and the exit code is 1."})
final class IngestCommand implements Callable<Integer> {

  @Mixin StoreOptions options;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
  List<Path> paths;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    try (Store store = options.open(); Progress progress = new Progress(spec.commandLine().getErr())) {
      IngestSummary s = new Pipeline(store, options.extractor(), progress).ingest(paths);
      double seconds = (System.nanoTime() - start) / 1e9;
      spec.commandLine().getOut().printf(java.util.Locale.ROOT,
          "ingested %d articles (%d already stored, %d failed), %d reports, %d events touched in %.1f s; store %s%n",
          s.stored(), s.duplicates(), s.problems().size(), s.reports(), s.eventsTouched(), seconds, store.dir());
      return s.problems().isEmpty() ? Main.OK : Main.BAD_INPUT;
    }
  }
}
