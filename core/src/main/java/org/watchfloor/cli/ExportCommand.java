package org.watchfloor.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.serve.EventExport;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor export}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export events with citations (outlet, URL, date) as CSV, JSON or JSON Lines,",
        "or, with --launches, the missile-launch table in the columns research databases use."})
final class ExportCommand implements Callable<Integer> {

  @Mixin StoreOptions options;

  @Option(names = "--format", defaultValue = "csv", description = "csv, json or jsonl (default: ${DEFAULT-VALUE}).")
  EventExport.Format format;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only events of this type.")
  String type;

  @Option(names = "--launches", description = "The missile-launch table (CSV), one row per missile counted: date,"
      + " time (KST), missile name, type, facility, landing location, apogee, distance, outcome, missiles, sources,"
      + " event id, missile (1 of 2), UTC date and time.")
  boolean launches;

  @Option(names = "--include-planned", description = "With --launches, also the launches announced or planned, their"
      + " outcome 'planned' (left out by default).")
  boolean includePlanned;

  @Option(names = "--include-background", description = "With --launches, also the launches only mentioned in passing"
      + " (an older launch recalled for context, told as news by no report), marked background=true (left out by"
      + " default).")
  boolean includeBackground;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (Store store = options.openToRead()) {
      EventExport export = new EventExport(store, options.loadProfile());
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        write(export, out);
        out.flush();
      } else {
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)) {
          write(export, w);
        } catch (IOException e) {
          throw new WatchfloorException.BadInput("cannot write " + output + ": " + e.getMessage());
        }
      }
      return Main.OK;
    }
  }

  private void write(EventExport export, Writer out) throws IOException {
    if (launches) {
      export.launchTable(includePlanned, includeBackground, out);
    } else {
      export.events(type, format, out);
    }
  }
}
