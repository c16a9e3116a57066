package org.watchfloor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.store.SearchIndex;
import org.watchfloor.serve.web.Workbench;
import org.watchfloor.store.SearchVariants;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor search QUERY}. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Full-text search over articles and events, best first, with the matching words in [brackets].",
        "Lucene query syntax: hwasong AND launch, \"air defence\", title:plenum."})
final class SearchCommand implements Callable<Integer> {

  enum Kind { article, event }

  @Mixin StoreOptions options;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query words.")
  java.util.List<String> query;

  @Option(names = "--kind", description = "Only articles or only events.")
  Kind kind;

  @Option(names = "--limit", defaultValue = "20", description = "At most this many hits (default: ${DEFAULT-VALUE}).")
  int limit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = options.openToRead()) {
      store.checkIndex().ifPresent(stale -> {
        spec.commandLine().getErr().println("warning: " + stale);
        spec.commandLine().getErr().flush();
      });
      SearchVariants variants = SearchVariants.of(Workbench.weaponNames(options.loadProfile()));
      var hits = store.search().search(String.join(" ", query), kind == null ? null : kind.name(), Math.max(1, limit),
          variants);
      for (SearchIndex.Hit h : hits) {
        out.printf(Locale.ROOT, "%-7s %-16s %6.2f  %s%n        %s%n", h.kind(), h.id(), h.score(),
            EventsCommand.abbreviate(h.title(), 100), EventsCommand.abbreviate(h.snippet(), 160));
      }
      if (hits.isEmpty()) {
        out.println("no matches");
      }
      out.flush();
      return Main.OK;
    }
  }
}
