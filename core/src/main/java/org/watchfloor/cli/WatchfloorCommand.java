package org.watchfloor.cli;

import picocli.CommandLine.Command;

/** The top of the command tree. */
@Command(
    name = "watchfloor",
    mixinStandardHelpOptions = true,
    version = "watchfloor 0.1.0",
    description = "Turns news about North Korea's missile and munitions programme into a deduplicated,"
        + " source-attributed event record.",
    subcommands = {
      IngestCommand.class,
      EventsCommand.class,
      EventCommand.class,
      ArticlesCommand.class,
      SearchCommand.class,
      ExportCommand.class,
      EditCommand.class,
      ReprocessCommand.class,
      UserCommand.class,
      AlertCommand.class,
      RunCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      StoreCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:bad input (a file not ingested, an unknown id, a refused store)", "2:usage", "3:internal error"})
public final class WatchfloorCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
