package org.watchfloor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;
import org.watchfloor.resolve.Embedder;

/**
 * Sentence-embedding throughput on CPU: articles (title and lead) embedded per second by one
 * calling thread, over 500 articles of a generated corpus (seed 1) taken in turn.
 *
 * <p>ONNX Runtime runs each call on its own native thread pool, which the calling thread's CPU
 * time does not see; the secondary score {@code articlesPerCpuSecond} therefore divides by the
 * whole process's CPU time over the iteration: articles per second per core, whatever the
 * machine's core count or load. JMH sums event counters over iterations in its final table, so
 * read the iterations (or {@code rawData} of {@code -rf json}) and take their median.
 *
 * <pre>
 * ./mvnw -q -pl core -Pjmh test-compile exec:exec -Djmh.args="EmbedBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EmbedBenchmark {

  private List<Article> articles;
  private Embedder embedder;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    embedder = Embedder.loaded().orElseThrow(() -> new IllegalStateException("ONNX Runtime cannot load here"));
    Path dir = Files.createTempDirectory("embed-bench");
    new CorpusGenerator(1).generate(500, dir);
    ObjectMapper json = new ObjectMapper();
    articles = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode o = json.readTree(line);
      articles.add(new Article("a" + articles.size(), o.get("url").asText(), null, o.get("outlet").asText(),
          o.get("title").asText(), null, Published.ofDate(LocalDate.parse(o.get("published").asText()), ZoneOffset.UTC),
          "en", o.get("text").asText(), "h", Set.of(), null, Map.of(), List.of()));
    }
  }

  /** Embeds the next article; the vector is returned so that the work cannot be optimised away. */
  @Benchmark
  public float[] embedOneArticle(ProcessClock clock) {
    Article a = articles.get(next);
    next = next + 1 == articles.size() ? 0 : next + 1;
    float[] v = embedder.embed(a);
    clock.add();
    return v;
  }

  /** Articles embedded per second of the process's CPU time, reported beside the wall-time score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class ProcessClock {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The secondary score; a field, since JMH reads public fields of aux counters. */
    public double articlesPerCpuSecond;

    private long articles;
    private long cpuStart;

    @Setup(Level.Iteration)
    public void start() {
      articles = 0;
      articlesPerCpuSecond = 0;
      cpuStart = OS.getProcessCpuTime();
    }

    /** Counts one article; a system call of about a microsecond against milliseconds of embedding. */
    void add() {
      articles++;
      long cpu = OS.getProcessCpuTime() - cpuStart;
      articlesPerCpuSecond = cpu == 0 ? 0 : articles / (cpu / 1e9);
    }
  }
}
