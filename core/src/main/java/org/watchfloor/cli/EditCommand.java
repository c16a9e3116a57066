package org.watchfloor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.watchfloor.alert.Decider;
import org.watchfloor.model.Edit;
import org.watchfloor.resolve.Editor;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor edit merge|split|reject|confirm|correct}: an analyst's edit of the event record. */
@Command(name = "edit", mixinStandardHelpOptions = true,
    description = "Edit the event record as an analyst: the edit is recorded with who and when, applied at once, "
        + "and kept across re-processing.",
    subcommands = {
        EditCommand.Merge.class, EditCommand.Split.class, EditCommand.Reject.class, EditCommand.Confirm.class,
        EditCommand.Correct.class})
final class EditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.USAGE;
  }

  /** One line about an edit, for the CLI. */
  static String describe(Edit x) {
    String what = switch (x.kind()) {
      case MERGE -> "merge " + x.other() + " into " + x.target();
      case SPLIT -> "split " + String.join(",", x.articles()) + " off " + x.target() + " into "
          + x.pins().stream().filter(p -> x.articles().contains(p.articleId())).map(Edit.Pin::event).findFirst().orElse("?");
      case CORRECT -> "correct " + x.target() + " " + x.field() + " = " + x.value();
      case CONFIRM, REJECT -> x.kind().label() + " " + x.target();
    };
    return "#" + x.id() + " " + what + " by " + x.analyst() + " at " + x.at()
        + (x.note() == null ? "" : " (" + x.note() + ")")
        + (x.status() == Edit.Status.APPLIED && x.reason() == null ? "" : " [" + x.status().label()
            + (x.reason() == null ? "" : ": " + x.reason()) + "]");
  }

  /** The options every edit takes. */
  static final class Who {
    @Mixin StoreOptions options;

    @Option(names = "--analyst", required = true, paramLabel = "NAME",
        description = "Who makes the edit: an analyst account (`watchfloor user add NAME`).")
    String analyst;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, in a few words.")
    String note;
  }

  /** Runs an edit on the store and prints it. */
  abstract static class Base implements Callable<Integer> {
    @Mixin Who who;
    @Spec CommandSpec spec;

    abstract Edit edit(Editor editor);

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = who.options.open()) {
        out.println(describe(edit(new Editor(store, who.options.loadProfile(), java.time.Clock.systemUTC(),
            new Decider(store)))));
        out.flush();
        return Main.OK;
      }
    }
  }

  @Command(name = "merge", mixinStandardHelpOptions = true,
      description = "Merge event OTHER into event SURVIVOR, which keeps its id; OTHER's id leads to SURVIVOR.")
  static final class Merge extends Base {
    @Parameters(index = "0", paramLabel = "SURVIVOR") String survivor;
    @Parameters(index = "1", paramLabel = "OTHER") String other;

    @Override
    Edit edit(Editor editor) {
      return editor.merge(survivor, other, who.analyst, who.note);
    }
  }

  @Command(name = "split", mixinStandardHelpOptions = true,
      description = "Split the reports of the given articles off event ID into an event of their own.")
  static final class Split extends Base {
    @Parameters(index = "0", paramLabel = "ID") String id;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ARTICLE") List<String> articles;

    @Override
    Edit edit(Editor editor) {
      return editor.split(id, articles, who.analyst, who.note);
    }
  }

  /** An analyst's verdict on one event. */
  abstract static class Verdict extends Base {
    @Parameters(index = "0", paramLabel = "ID") String id;
  }

  @Command(name = "reject", mixinStandardHelpOptions = true,
      description = "Mark event ID rejected: kept and shown as rejected, hidden from `events` unless --include-rejected.")
  static final class Reject extends Verdict {
    @Override
    Edit edit(Editor editor) {
      return editor.reject(id, who.analyst, who.note);
    }
  }

  @Command(name = "confirm", mixinStandardHelpOptions = true, description = "Mark event ID confirmed.")
  static final class Confirm extends Verdict {
    @Override
    Edit edit(Editor editor) {
      return editor.confirm(id, who.analyst, who.note);
    }
  }

  @Command(name = "correct", mixinStandardHelpOptions = true,
      description = "Override FIELD of event ID with VALUE; the reports' claims are kept. FIELD is one of the "
          + "event contract: type (of the profile), date (2025-12-26, 2025-W52, 2025-12 or 2025), planned (true|false), "
          + "summary, actors, weapons, locations (comma-separated), count (whole, at least 1), range_km, apogee_km, "
          + "flight_time_s (positive), outcome (success|failure|unknown), occasion (of the profile), time (HH:MM), "
          + "exercise, platform.")
  static final class Correct extends Base {
    @Parameters(index = "0", paramLabel = "ID") String id;
    @Parameters(index = "1", paramLabel = "FIELD") String field;
    @Parameters(index = "2", paramLabel = "VALUE") String value;

    @Override
    Edit edit(Editor editor) {
      return editor.correct(id, field, value, who.analyst, who.note);
    }
  }
}
