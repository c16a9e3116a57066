package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.SampleCorpus;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code watchfloor run}: the main job. Seeds an empty store with the bundled sample corpus,
 * then keeps watching its sources — the store's inbox folder, where any file dropped in is
 * ingested once — until stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"The main job: seed an empty store with the bundled sample corpus, then watch the",
        "inbox folder (default: <store>/inbox) and ingest every article file that appears in it;",
        "ingested files move to inbox/processed, files that could not be ingested to inbox/failed."})
final class RunCommand implements Callable<Integer> {

  @Mixin StoreOptions options;

  @Option(names = "--inbox", paramLabel = "DIR", description = "Folder to watch (default: <store>/inbox).")
  Path inbox;

  @Option(names = "--interval", defaultValue = "10", paramLabel = "SECONDS",
      description = "Seconds between looks at the sources (default: ${DEFAULT-VALUE}).")
  int interval;

  @Option(names = "--once", description = "Do one pass over the sources and stop.")
  boolean once;

  @Option(names = "--no-sample", description = "Do not seed an empty store with the sample corpus.")
  boolean noSample;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Store store = options.open(); Progress progress = new Progress(err)) {
      Extractor extractor = options.extractor();
      Path watched = inbox != null ? inbox : store.dir().resolve("inbox");
      Files.createDirectories(watched);
      if (!noSample && store.count("articles") == 0) {
        out.println("store is empty and no source has articles yet: ingesting the bundled sample corpus");
        out.flush();
        report(out, new Pipeline(store, extractor, progress).ingest(List.of(SampleCorpus.articles())));
      }
      out.printf("watching %s every %d s%s%n", watched, interval, once ? " (one pass)" : "; Ctrl-C stops");
      out.printf("list the events with: watchfloor events --store %s%n", store.dir());
      out.flush();
      do {
        List<Path> files;
        try (Stream<Path> s = Files.list(watched)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        if (!files.isEmpty()) {
          IngestSummary summary = new Pipeline(store, extractor, progress).ingest(files);
          report(out, summary);
          for (Path f : files) {
            boolean failed = summary.problems().stream().anyMatch(p -> p.source().startsWith(f.toString()));
            Path to = watched.resolve(failed ? "failed" : "processed");
            Files.createDirectories(to);
            Files.move(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
        if (!once) {
          Thread.sleep(Duration.ofSeconds(Math.max(1, interval)));
        }
      } while (!once);
      return Main.OK;
    }
  }

  private static void report(PrintWriter out, IngestSummary s) {
    out.printf("ingested %d articles (%d already stored, %d failed), %d events touched%n",
        s.stored(), s.duplicates(), s.problems().size(), s.eventsTouched());
    out.flush();
  }
}
