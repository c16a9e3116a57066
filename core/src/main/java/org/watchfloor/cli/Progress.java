package org.watchfloor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.watchfloor.ingest.Problem;
import org.watchfloor.pipeline.Pipeline;

/**
 * Shows an ingest's progress: a progress bar on a terminal, a line every few seconds
 * otherwise (logs, CI), and every problem at once as one line naming the input.
 */
final class Progress implements Pipeline.Listener, AutoCloseable {

  private static final long LINE_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private ProgressBar bar;
  private int total;
  private int done;
  private long lastLine = System.nanoTime();

  Progress(PrintWriter err) {
    this.err = err;
    this.terminal = isTerminal();
  }

  /**
   * Whether stdout is an interactive terminal. From Java 22 {@code System.console()} exists even
   * when output is redirected and {@code Console.isTerminal()} tells; on 21 a console exists
   * only on a terminal.
   */
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public void started(int files) {
    total = files;
    if (terminal && files > 1) {
      bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(files)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().build();
    }
  }

  @Override
  public void fileDone(Path file) {
    done++;
    if (bar != null) {
      bar.step();
    } else if (System.nanoTime() - lastLine > LINE_EVERY_NANOS) {
      lastLine = System.nanoTime();
      err.printf("ingest: %d/%d files%n", done, total);
      err.flush();
    }
  }

  @Override
  public void problem(Problem problem) {
    if (bar != null) {
      bar.pause();
    }
    err.println("watchfloor: error: " + problem.message());
    err.flush();
    if (bar != null) {
      bar.resume();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
