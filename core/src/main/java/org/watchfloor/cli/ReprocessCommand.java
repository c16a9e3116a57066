package org.watchfloor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.pipeline.Reprocessor;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor reprocess}. */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
    description = "Derive mentions, reports and events again for every stored article from its stored bytes, with "
        + "the current parser, extractor and profile, keeping event ids and analyst edits. All or nothing: "
        + "an interrupted run leaves the store as it was.")
final class ReprocessCommand implements Callable<Integer> {

  @Mixin StoreOptions options;

  @Option(names = "--batch", defaultValue = "500", paramLabel = "N",
      description = "Articles per transaction while deriving (default: ${DEFAULT-VALUE}).")
  int batch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = options.open()) {
      Reprocessor.Summary s = new Reprocessor(store, options.extractor()).run(batch, new Reprocessor.Listener() {});
      out.printf(Locale.ROOT, "reprocessed %d articles: %d reports, %d events (%d before), %d event ids kept%s%n",
          s.articles(), s.reports(), s.events(), s.eventsBefore(), s.idsKept(),
          s.unparsable() == 0 ? "" : "; " + s.unparsable() + " articles no longer parse and kept their stored text");
      out.flush();
      return Main.OK;
    }
  }
}
