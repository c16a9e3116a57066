package org.watchfloor.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.watchfloor.extract.Extractor;
import org.watchfloor.extract.Stages;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.extract.gazetteer.TriggerMatcher;
import org.watchfloor.extract.time.TimeTagger;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.watchfloor.profile.WatchProfile;

/**
 * Throughput of each stage of extraction, side by side on the same articles, and of a full
 * Stanford CoreNLP NER pipeline as the peer to beat: articles per second on one thread, over the
 * text articles under {@code articles} cut or padded to {@code size} characters
 * ({@link BenchArticles}) and taken in turn.
 *
 * <p>Stages: {@code parse} (raw document to {@link Article}), {@code sentences} (sentence
 * split), {@code gazetteer} (entity matching), {@code triggers} (event trigger matching),
 * {@code time} (time tagging against the publication day), {@code extract} (the whole extract
 * stage, which does all of the last four and builds the reports), {@code parse+extract}, and
 * {@code corenlp}: tokenize, ssplit, pos, lemma, ner with SUTime and fine-grained NER, given the
 * publication day as document date. The CoreNLP stage is GPL and 0.5 GB of models, so it is
 * compiled only with the {@code corenlp} profile; without it, leave it out of {@code -p stage}.
 *
 * <p>{@code -p events=routed,rules,learned} measures the extract stages with the default routed
 * reading, the rules and the learned event model side by side.
 *
 * <p>The score is articles per second of wall time; the secondary score {@code perCpuSecond}
 * ({@link CpuClock}) is articles per second of the thread's CPU time, the per-core figure.
 *
 * <pre>
 * ./mvnw -q -pl core -Pjmh,corenlp test-compile exec:exec \
 *   -Djmh.args="PipelineBenchmark -p articles=/work/shared/data/kcna/articles-dev.jsonl"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// CoreNLP's full NER with its models needs 2 to 4 GB of heap.
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class PipelineBenchmark {
  /** A JSON Lines file or folder of articles, in any format ingest takes; no default on purpose. */
  @Param({})
  public String articles;

  /** Characters each article is cut or padded to. */
  @Param({"4096"})
  public int size;

  /** At most this many articles are read. */
  @Param({"1000"})
  public int limit;

  @Param({"parse", "sentences", "gazetteer", "triggers", "time", "extract", "parse+extract", "corenlp"})
  public String stage;

  /** What reads events in the extract stages, as {@code --events} names it: routed (the default), rules or learned. */
  @Param({"routed"})
  public String events;

  private static final String CORENLP = "org.watchfloor.bench.corenlp.CoreNlpStage";

  private List<RawDocument> raws;
  private List<Article> parsed;
  private final ArticleParser parser = new ArticleParser();
  private Extractor extractor;
  private GazetteerMatcher gazetteer;
  private TriggerMatcher triggers;
  private final TimeTagger times = new TimeTagger();
  private Function<Article, Object> coreNlp;
  private int next;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void load() throws ReflectiveOperationException {
    WatchProfile profile = WatchProfile.load("dprk");
    extractor = Extractor.forEvents(profile, events);
    gazetteer = GazetteerMatcher.of(profile);
    triggers = TriggerMatcher.of(profile);
    raws = new ArrayList<>();
    parsed = new ArrayList<>();
    // a document that does not parse is left out of every stage, so that all time the same articles
    for (RawDocument raw : BenchArticles.read(articles, size, limit)) {
      ParseResult r = parser.parse(raw);
      if (r.ok()) {
        raws.add(raw);
        parsed.add(r.article());
      }
    }
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("no article under " + articles + " parses");
    }
    if (stage.equals("corenlp")) {
      coreNlp = (Function<Article, Object>) Class.forName(CORENLP).getConstructor().newInstance();
    }
    System.err.printf(Locale.ROOT, "%n%d articles, mean %.0f chars, mean %.0f UTF-8 bytes%n", parsed.size(),
        parsed.stream().mapToInt(a -> a.text().length()).average().orElse(0),
        parsed.stream().mapToInt(a -> a.text().getBytes(StandardCharsets.UTF_8).length).average().orElse(0));
  }

  /** Runs the stage on the next article; the result is returned so that the work cannot be optimised away. */
  @Benchmark
  public Object oneArticle(CpuClock clock) {
    int i = next;
    next = next + 1 == parsed.size() ? 0 : next + 1;
    long start = CpuClock.start();
    Object out = run(i);
    clock.stop(start);
    return out;
  }

  private Object run(int i) {
    Article a = parsed.get(i);
    return switch (stage) {
      case "parse" -> parser.parse(raws.get(i));
      case "sentences" -> Stages.sentences(a.text());
      case "gazetteer" -> gazetteer.find(a.text());
      case "triggers" -> triggers.find(a.text());
      case "time" -> times.tag(a.text(), a.published() == null ? LocalDate.of(2000, 1, 1) : a.published().localDay());
      case "extract" -> extractor.extract(a);
      case "parse+extract" -> {
        ParseResult r = parser.parse(raws.get(i));
        yield r.ok() ? extractor.extract(r.article()) : r;
      }
      case "corenlp" -> coreNlp.apply(a);
      default -> throw new IllegalArgumentException("unknown stage: " + stage);
    };
  }
}
