package org.watchfloor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.watchfloor.WatchfloorException;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.pipeline.StageTimes;
import org.watchfloor.store.Store;

/**
 * Ingests a corpus file into a store in windows of a fixed number of documents and records what
 * each window cost, one line per window in a tab-separated file; a run stopped part-way (a
 * million articles take hours on a small machine) resumes after the last window recorded. The
 * windows show whether the cost per article grows as the store fills: the same run's first and
 * last windows are compared side by side.
 *
 * <p>A window ends with a commit, so the documents it recorded are stored. Documents of an
 * unfinished window that were committed before the stop are read again and skipped as duplicates.
 */
public final class ScaleRun {

  /** The file of windows, in the corpus folder. */
  public static final String WINDOWS_FILE = "windows.tsv";
  private static final String HEADER =
      "documents_read\tstored\tduplicates\twall_s\tparse_s\textract_s\tresolve_s\tstore_s\tpeak_heap_mb"
          + "\tcpu_parse_s\tcpu_extract_s\tcpu_resolve_s\tcpu_store_s\tprocess_cpu_s";

  /**
   * One window: the documents read up to its end (from the corpus start), the articles it stored
   * and duplicates it skipped, its wall seconds per stage, the peak heap while it ran, and the CPU
   * seconds of the ingesting thread per stage and of the whole process (with the garbage collector
   * and the search index's merge threads). On a machine shared with other work, wall time measures
   * the other work too: the CPU seconds are the figures to compare between windows.
   */
  public record Window(long documentsRead, int stored, int duplicates, double wallSeconds, StageTimes stages,
      double peakHeapMb, StageTimes cpu, double processCpuSeconds) {

    public double msPerArticle(double seconds) {
      return stored == 0 ? 0 : 1e3 * seconds / stored;
    }

    String line() {
      return String.format(Locale.ROOT, "%d\t%d\t%d\t%.3f\t%s\t%.1f\t%s\t%.3f", documentsRead, stored, duplicates,
          wallSeconds, fields(stages), peakHeapMb, fields(cpu), processCpuSeconds);
    }

    private static String fields(StageTimes t) {
      return String.format(Locale.ROOT, "%.3f\t%.3f\t%.3f\t%.3f", t.parse(), t.extract(), t.resolve(), t.store());
    }

    private static StageTimes times(String[] f, int from) {
      return new StageTimes(Double.parseDouble(f[from]), Double.parseDouble(f[from + 1]),
          Double.parseDouble(f[from + 2]), Double.parseDouble(f[from + 3]));
    }

    static Window parse(String line, Path file) {
      String[] f = line.split("\t");
      if (f.length != 14) {
        throw new WatchfloorException.BadInput(file + ": a window line needs 14 fields: " + line);
      }
      try {
        return new Window(Long.parseLong(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
            Double.parseDouble(f[3]), times(f, 4), Double.parseDouble(f[8]), times(f, 9), Double.parseDouble(f[13]));
      } catch (NumberFormatException e) {
        throw new WatchfloorException.BadInput(file + ": not a window line: " + line);
      }
    }
  }

  private ScaleRun() {}

  /** The windows recorded so far in {@code folder}, oldest first (none when the file is missing). */
  public static List<Window> windows(Path folder) throws IOException {
    Path file = folder.resolve(WINDOWS_FILE);
    List<Window> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.equals(HEADER)) {
        out.add(Window.parse(line, file));
      }
    }
    return out;
  }

  /**
   * Ingests the documents of {@code corpus} not yet covered by a recorded window into {@code
   * store}, appending each finished window to {@code folder}'s windows file and handing it to
   * {@code done}. Returns the windows of this call.
   */
  public static List<Window> run(Path corpus, Path folder, Store store, Extractor extractor, int windowSize,
      Consumer<Window> done) throws IOException {
    if (windowSize < 1) {
      throw new IllegalArgumentException("window size must be at least 1: " + windowSize);
    }
    List<Window> before = windows(folder);
    long skip = before.isEmpty() ? 0 : before.get(before.size() - 1).documentsRead();
    Path file = folder.resolve(WINDOWS_FILE);
    if (!Files.exists(file)) {
      Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
    }
    Pipeline pipeline = new Pipeline(store, extractor, new Pipeline.Listener() {});
    List<Window> windows = new ArrayList<>();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      Batcher batcher = new Batcher(pipeline, windowSize, skip, w -> {
        try {
          out.write(w.line());
          out.write('\n');
          out.flush();
        } catch (IOException e) {
          throw new WatchfloorException.BadInput(file + ": cannot record a window: " + e.getMessage());
        }
        windows.add(w);
        done.accept(w);
      });
      new FileSource().read(corpus, batcher);
      batcher.flush();
    }
    return windows;
  }

  /** Collects documents into windows, runs each through the pipeline and measures it. */
  private static final class Batcher implements DocumentSink {
    private final Pipeline pipeline;
    private final int size;
    private final Consumer<Window> done;
    private final List<RawDocument> pending = new ArrayList<>();
    private long read;
    private final long skip;

    Batcher(Pipeline pipeline, int size, long skip, Consumer<Window> done) {
      this.pipeline = pipeline;
      this.size = size;
      this.skip = skip;
      this.done = done;
    }

    @Override
    public void accept(RawDocument document) {
      if (read++ < skip) {
        return; // recorded by an earlier run
      }
      pending.add(document);
      if (pending.size() == size) {
        flush();
      }
    }

    @Override
    public void problem(Problem problem) {
      System.err.println("problem: " + problem.source() + ": " + problem.reason());
    }

    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      IngestSummary from = pipeline.progress();
      resetPeaks();
      long start = System.nanoTime();
      StageTimes cpuFrom = pipeline.cpuTimes();
      long process = processCpuNanos();
      IngestSummary to = pipeline.ingestDocuments(pending);
      double wall = (System.nanoTime() - start) / 1e9;
      double processCpu = (processCpuNanos() - process) / 1e9;
      pending.clear();
      done.accept(new Window(read, to.stored() - from.stored(), to.duplicates() - from.duplicates(), wall,
          to.stages().minus(from.stages()), peakHeapMb(), pipeline.cpuTimes().minus(cpuFrom), processCpu));
    }
  }

  /** CPU time of the whole process, or -1 where the platform does not tell it. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The heap's peak use since the last reset, summed over its pools. */
  public static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / 1e6;
  }
}
