package org.watchfloor.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Article;
import org.watchfloor.model.Event;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventViews;
import org.watchfloor.store.Store;
import org.watchfloor.store.StoreCopy;
import org.watchfloor.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor store}: moving a store between a directory and a PostgreSQL database. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Moves a store from one place to another.",
    subcommands = {StoreCommand.Copy.class})
final class StoreCommand {

  @Command(name = "copy", mixinStandardHelpOptions = true,
      description = "Copies a whole store (articles, events, edits, accounts, alerts) into an empty one, between a"
          + " directory and a PostgreSQL database either way, then checks that both give the same events and"
          + " articles contracts.")
  static final class Copy implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "DIR|URL", description = "The store to copy (left unchanged).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DIR|URL",
        description = "An empty or missing directory, or an empty PostgreSQL database (credentials as for --store).")
    String to;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      StoreLocation source = StoreLocation.parse(from, System.getenv());
      StoreLocation destination = StoreLocation.parse(to, System.getenv());
      long started = System.nanoTime();
      StoreCopy.Copied copied = StoreCopy.copy(source, destination);
      Map<String, Long> rows = copied.rows();
      out.printf("copied %d articles, %d events, %d reports, %d edits, %d accounts, %d alert rules from %s to %s"
              + " in %.1f s%n", rows.get("articles"), rows.get("events"), rows.get("reports"), rows.get("edits"),
          rows.get("accounts"), rows.get("alert_rules"), source.name(), destination.name(),
          (System.nanoTime() - started) / 1e9);
      String difference = compare(source, destination);
      if (difference != null) {
        spec.commandLine().getErr().println("store copy: the copy differs from its source: " + difference);
        return Main.INTERNAL;
      }
      out.printf("checked: the events and articles contracts of both are identical%n");
      out.flush();
      return Main.OK;
    }

    /** The first difference between the two stores' events and articles contracts, or null. */
    private static String compare(StoreLocation a, StoreLocation b) {
      try (Store one = Store.openReadOnly(a); Store two = Store.openReadOnly(b)) {
        String events = firstDifference("event", events(one), events(two));
        return events != null ? events : firstDifference("article", articles(one), articles(two));
      } catch (SQLException e) {
        throw new WatchfloorException("store copy: cannot compare the stores: " + e.getMessage(), e);
      }
    }

    private static List<String> events(Store store) {
      EventViews views = new EventViews(store);
      List<String> lines = new ArrayList<>();
      for (Event e : views.events(null, 0, true)) {
        lines.add(ContractJson.line(ContractJson.event(e, views.reports(e), views.edits(e))));
      }
      return lines;
    }

    private static List<String> articles(Store store) throws SQLException {
      List<String> lines = new ArrayList<>();
      for (Article a : store.articles().list(null, 0)) {
        lines.add(ContractJson.line(ContractJson.article(a)));
      }
      return lines;
    }

    private static String firstDifference(String kind, List<String> one, List<String> two) {
      Iterator<String> i = one.iterator();
      Iterator<String> j = two.iterator();
      int n = 0;
      while (i.hasNext() && j.hasNext()) {
        n++;
        if (!i.next().equals(j.next())) {
          return kind + " " + n + " differs";
        }
      }
      return one.size() == two.size() ? null : kind + "s: " + one.size() + " in the source, " + two.size() + " in the copy";
    }
  }
}
