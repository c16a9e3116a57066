package org.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Event;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventViews;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor events}. */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = "List events, newest first: a table, or JSON Lines in the public event contract.")
final class EventsCommand implements Callable<Integer> {

  enum Format { table, jsonl }

  @Mixin StoreOptions options;

  @Option(names = "--format", defaultValue = "table", description = "table or jsonl (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only events of this type (e.g. missile_launch).")
  String type;

  @Option(names = "--limit", defaultValue = "0", description = "At most this many events (0: all).")
  int limit;

  @Option(names = "--include-rejected", description = "Also list the events an analyst rejected (marked REJECTED).")
  boolean includeRejected;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = options.openToRead()) {
      EventViews views = new EventViews(store);
      Function<Event, ContractJson.EditView> editViews = views.editViews(); // the edit log read once
      // each event written as the cursor hands it out: memory stays bounded whatever the store's size
      views.forEachEvent(type, limit, includeRejected, e -> {
        ContractJson.EditView edits = editViews.apply(e);
        if (format == Format.jsonl) {
          out.println(ContractJson.line(ContractJson.event(e, views.reports(e), edits)));
        } else {
          out.printf(Locale.ROOT, "%-16s  %-20s  %-10s %-5s  %2d rep %2d orig%s  %s%s%n", e.id(), e.type(),
              e.date().isKnown() ? e.date().iso() : "?", e.date().precision().label(), e.reports(),
              e.independentOrigins(), e.conflicts().isEmpty() ? "  " : " !",
              edits.status().equals("open") ? "" : edits.status().toUpperCase(Locale.ROOT) + "  ",
              abbreviate(e.summary(), 90));
        }
        return true;
      });
      out.flush();
      return Main.OK;
    } catch (SQLException | IOException e) {
      throw new WatchfloorException("store " + options.store + ": " + e.getMessage(), e);
    }
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
