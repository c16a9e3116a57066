package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor articles}. */
@Command(name = "articles", mixinStandardHelpOptions = true,
    description = "List stored articles in ingest order: a table, or JSON Lines in the public article contract.")
final class ArticlesCommand implements Callable<Integer> {

  enum Format { table, jsonl }

  @Mixin StoreOptions options;

  @Option(names = "--format", defaultValue = "table", description = "table or jsonl (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--outlet", description = "Only articles of this outlet.")
  String outlet;

  @Option(names = "--limit", defaultValue = "0", description = "At most this many articles (0: all).")
  int limit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = options.openToRead()) {
      // each article written as the cursor hands it out: no list of every text is held
      store.articles().forEach(outlet, limit, a -> {
        if (format == Format.jsonl) {
          out.println(ContractJson.line(ContractJson.article(a)));
        } else {
          out.printf(Locale.ROOT, "%-16s  %-25s  %-25s  %s%n", a.id(),
              EventsCommand.abbreviate(a.published() == null ? "?" : a.published().iso(), 25),
              EventsCommand.abbreviate(a.outlet() == null ? "?" : a.outlet(), 25),
              EventsCommand.abbreviate(a.title() == null ? "(no title)" : a.title(), 80));
        }
        return true;
      });
      out.flush();
      return Main.OK;
    } catch (SQLException | IOException e) {
      throw new WatchfloorException("store " + options.store + ": " + e.getMessage(), e);
    }
  }
}
