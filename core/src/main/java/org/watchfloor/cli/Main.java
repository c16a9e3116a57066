package org.watchfloor.cli;

import java.io.PrintWriter;
import org.watchfloor.WatchfloorException;
import picocli.CommandLine;

/**
 * The {@code watchfloor} command line. Exit codes scripts can rely on: 0 ok, 1 bad input (a
 * file that could not be ingested, an unknown id, a refused store), 2 usage, 3 internal error.
 */
public final class Main {

  public static final int OK = 0;
  public static final int BAD_INPUT = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  /**
   * Lucene says on every start that the Vector API incubator is not enabled: not news for a
   * user. Held in a field because the logging framework keeps loggers only weakly.
   */
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  private Main() {}

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new WatchfloorCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof WatchfloorException) {
        err.println("watchfloor: " + e.getMessage());
        return BAD_INPUT;
      }
      err.println("watchfloor: internal error: " + e);
      e.printStackTrace(err);
      return INTERNAL;
    });
    return cli;
  }
}
