package org.watchfloor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code watchfloor train events|relevance}: rebuilds a learned model of the extract stage, seeded and reproducible. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Rebuild a learned model of the extract stage from labelled articles.",
    subcommands = {TrainEventsCommand.class, TrainRelevanceCommand.class})
final class TrainCommand implements Runnable {

  static final long SEED = 13;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
