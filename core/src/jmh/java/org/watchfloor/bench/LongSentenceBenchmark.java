package org.watchfloor.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntBiFunction;
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
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;
import org.watchfloor.profile.WatchProfile;

/**
 * The extract stage's building blocks over one sentence of {@code length} characters with no
 * full stop, as a scraped page that lost its punctuation gives: sentence splitting (with names
 * joined across breaks), time tagging, gazetteer and trigger matching and number claims, then a
 * lexicon's cues asked about every trigger, as the extractor asks. Each must take time in
 * proportion to the text: the score (ms per sentence) at 200,000 characters should be about
 * twice that at 100,000 and four times that at 50,000; a block that reads the sentence again per
 * match shows as a ratio near four per doubling.
 *
 * <p>Texts: {@code phrases} (news clauses joined by "and"), {@code words} (seeded random words of
 * the watch's vocabulary) and {@code figures} (commas, quotes, distances, dates and clock times).
 *
 * <pre>
 * ./mvnw -q -pl core -Pjmh test-compile exec:exec -Djmh.args="LongSentenceBenchmark"
 * ./mvnw -q -pl core -Pjmh test-compile exec:exec -Djmh.args="LongSentenceBenchmark -p text=figures -p length=50000,200000"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LongSentenceBenchmark {

  @Param({"50000", "100000", "200000"})
  public int length;

  @Param({"phrases", "words", "figures"})
  public String text;

  private static final String[] CLAUSES = {
    "North Korea fired a ballistic missile from the Sunan area toward the East Sea on Monday",
    "the Joint Chiefs of Staff said the missile flew about 1,000 km",
    "Japan's defence ministry said it landed outside its exclusive economic zone",
    "state media KCNA reported that Kim Jong Un oversaw the test of a new Hwasong-18 ICBM",
    "officials said there were no plans to hold talks",
    "the launch came three days after joint drills ended",
    "analysts said the solid-fuel missile could reach the American mainland",
    "the military was on alert for further launches",
  };

  private static final String[] WORDS = ("the a of and to in missile fired launched ballistic Hwasong-18 KCNA "
      + "Pyongyang Kim Jong Un said officials Monday Tuesday March 2024 east coast sea Japan South Korea Joint "
      + "Chiefs of Staff reported flew range km altitude test launch ICBM rocket two three several drills military "
      + "yesterday week ago last next this year months visited factory munitions production inspected possibly "
      + "reportedly suspected will plans to be expected noon").split(" ");

  private static final String FIGURES = "the missile flew 1,000 km, \"officials said\", reaching an altitude of "
      + "6,000 km at 7:10 a.m. KST on March 5, 2024 (0223 GMT) for 73 minutes, two short-range ballistic missiles, "
      + "\"Hwasong-18\" 2,500 miles 'we will respond' 11/12/2023 and ";

  private String sentence;
  private GazetteerMatcher gazetteer;
  private TriggerMatcher triggers;
  private final TimeTagger times = new TimeTagger();
  private ToIntBiFunction<String, List<int[]>> notEvents;
  private Extractor extractor;
  private Article article;

  @Setup(Level.Trial)
  public void build() {
    WatchProfile profile = WatchProfile.load("dprk");
    gazetteer = GazetteerMatcher.of(profile);
    triggers = TriggerMatcher.of(profile);
    notEvents = Stages.coverage(profile.lexicon("not_events"));
    sentence = sentence(text, length);
    extractor = new Extractor(profile);
    article = new Article("long", null, null, "Example Wire", "North Korea fires ballistic missile", null,
        Published.ofDate(LocalDate.of(2024, 3, 6), ZoneOffset.UTC), "en", sentence, "long", Set.of(), null, Map.of(),
        List.of());
  }

  /** One sentence of {@code length} characters of the kind named, the same on every run. */
  static String sentence(String kind, int length) {
    SplittableRandom random = new SplittableRandom(length);
    StringBuilder sb = new StringBuilder(length + 200);
    while (sb.length() < length) {
      switch (kind) {
        case "phrases" -> sb.append(CLAUSES[random.nextInt(CLAUSES.length)]).append(" and ");
        case "words" -> sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        case "figures" -> sb.append(FIGURES);
        default -> throw new IllegalArgumentException("unknown text: " + kind);
      }
    }
    sb.setLength(length);
    return sb.toString();
  }

  /** All the blocks in turn; the counts are returned so that no work can be optimised away. */
  @Benchmark
  public long oneSentence() {
    String s = sentence;
    List<int[]> names = gazetteer.find(s).stream().map(m -> new int[] {m.start(), m.end()}).toList();
    List<int[]> found = triggers.find(s).stream().map(t -> new int[] {t.start(), t.end()}).toList();
    return Stages.joinedSentences(s, names)
        + times.tag(s, LocalDate.of(2024, 3, 6)).size()
        + names.size()
        + found.size()
        + Stages.numbers(s)
        + notEvents.applyAsInt(s, found);
  }

  /** The whole extract stage (relevance, then the event reading) over an article of one such sentence. */
  @Benchmark
  public int wholeArticle() {
    return extractor.extract(article).reports().size();
  }
}
