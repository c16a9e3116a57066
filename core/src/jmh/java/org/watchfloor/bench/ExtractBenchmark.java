package org.watchfloor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.watchfloor.eval.extract.ExtractEvaluation;
import org.watchfloor.parse.html.ExtractedPage;

/**
 * Extraction throughput in pages per second on one thread, for each method that {@code watchfloor
 * eval extract} measures, over the {@code source.html} of every page folder under {@code pages}.
 * One operation is one page; successive operations take the pages in turn, so a score is the
 * corpus's mix of small and large pages.
 *
 * <p>The score is pages per second of wall time, which on a busy machine counts the time the
 * thread waited for a core; the secondary score {@code perCpuSecond} ({@link CpuClock}) divides
 * by the thread's own CPU time instead.
 *
 * <pre>
 * ./mvnw -q -pl core -Pjmh test-compile exec:exec -Djmh.args="ExtractBenchmark -p pages=/work/shared/data/html-pages"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Long warm-up: on a shared machine the JIT compiler threads wait for a core too.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ExtractBenchmark {
  /** Folder of page folders, as for {@code eval extract --pages}; no default on purpose. */
  @Param({})
  public String pages;

  /** extractor, paragraphs, readability4j, readability4j-extended. */
  @Param({"extractor", "paragraphs", "readability4j"})
  public String method;

  private List<byte[]> sources;
  private ExtractEvaluation.Method extraction;
  private int next;

  @Setup(Level.Trial)
  public void load() {
    extraction = ExtractEvaluation.Method.byLabel(method)
        .orElseThrow(() -> new IllegalArgumentException("unknown method: " + method));
    sources = new ArrayList<>();
    try (Stream<Path> folders = Files.list(Path.of(pages))) {
      for (Path folder : folders.sorted().toList()) {
        Path source = folder.resolve("source.html");
        if (Files.isRegularFile(source)) {
          sources.add(Files.readAllBytes(source));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pages (source=" + pages + ")", e);
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no page folders with a source.html under " + pages);
    }
  }

  /** Extracts the next page; the result is returned so that the work cannot be optimised away. */
  @Benchmark
  public ExtractedPage extractOnePage(CpuClock clock) {
    byte[] source = sources.get(next);
    next = next + 1 == sources.size() ? 0 : next + 1;
    long start = CpuClock.start();
    ExtractedPage page = extraction.extract(source);
    clock.stop(start);
    return page;
  }
}
