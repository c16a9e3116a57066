package org.watchfloor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code watchfloor eval …}: measurements against hand-labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure extraction and resolution against hand-labelled data.",
    subcommands = {EvalExtractCommand.class, EvalEventsCommand.class, EvalClustersCommand.class, EvalCnsCommand.class, EvalCvCommand.class,
        EvalHtmlCommand.class})
final class EvalCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
