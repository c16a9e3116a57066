package org.watchfloor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventViews;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor event ID}. */
@Command(name = "event", mixinStandardHelpOptions = true,
    description = "Show one event with its reports, the evidence sentences and the claims behind it.")
final class EventCommand implements Callable<Integer> {

  @Mixin StoreOptions options;

  @Parameters(index = "0", paramLabel = "ID", description = "The event id.")
  String id;

  enum Format { text, json }

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = options.openToRead()) {
      EventViews views = new EventViews(store);
      Event e = views.event(id);
      List<ContractJson.ReportView> reports = views.reports(e);
      ContractJson.EditView edits = views.edits(e);
      if (format == Format.json) {
        out.println(ContractJson.line(ContractJson.event(e, reports, edits)));
        out.flush();
        return Main.OK;
      }
      out.printf(Locale.ROOT, "%s  %s  %s (%s)%s%n", e.id(), e.type(), e.date().isKnown() ? e.date().iso() : "date unknown",
          e.date().precision().label(), e.planned() ? "  planned" : "");
      if (!e.id().equals(id)) {
        out.println("(event " + id + " was merged into " + e.id() + ")");
      }
      out.println("status:     " + edits.status());
      out.println("summary:    " + e.summary());
      out.println("actors:     " + String.join(", ", e.actors()));
      out.println("weapons:    " + String.join(", ", e.weapons()));
      out.println("locations:  " + String.join(", ", e.locations()));
      e.attributes().forEach((k, v) -> out.println("attribute:  " + k + " = " + v));
      out.printf(Locale.ROOT, "confidence: %.2f   reports: %d   independent origins: %d%n", e.confidence(), e.reports(),
          e.independentOrigins());
      for (Conflict c : e.conflicts()) {
        StringBuilder sb = new StringBuilder("CONFLICT " + c.field() + ":");
        for (Conflict.Value v : c.values()) {
          sb.append("  ").append(v.value()).append(" (").append(String.join(", ", v.reports())).append(')');
        }
        out.println(sb);
      }
      for (Edit x : edits.history()) {
        out.println("EDIT " + EditCommand.describe(x));
      }
      out.println();
      for (ContractJson.ReportView rv : reports) {
        out.printf(Locale.ROOT, "report %s  %s  %s  origin=%s  %s%s%n", rv.report().id(),
            rv.article().outlet() == null ? "(outlet unknown)" : rv.article().outlet(),
            rv.article().published() == null ? "(date unknown)" : rv.article().published().iso(), rv.report().origin(),
            rv.report().certainty().label(), rv.report().background() ? " background" : "");
        if (rv.article().sourcePath() != null) {
          out.println("  source:   " + rv.article().sourcePath());
        }
        if (rv.article().url() != null) {
          out.println("  url:      " + rv.article().url());
        }
        if (!rv.article().flags().isEmpty()) {
          out.println("  flags:    " + rv.article().flags().stream().map(f -> f.label()).sorted().toList());
        }
        out.println("  evidence: " + rv.report().evidence());
        for (Claim c : rv.report().claims()) {
          out.println("  claim:    " + c.field() + " = " + c.value() + "  [" + c.start() + "," + c.end() + ")");
        }
      }
      out.flush();
      return Main.OK;
    }
  }
}
