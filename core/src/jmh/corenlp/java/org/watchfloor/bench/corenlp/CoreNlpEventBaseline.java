package org.watchfloor.bench.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.eval.events.EventEvaluation;
import org.watchfloor.eval.events.EventScore;
import org.watchfloor.eval.events.EventScorer;
import org.watchfloor.eval.events.GoldEvent;
import org.watchfloor.eval.events.GoldEvents;
import org.watchfloor.eval.events.SystemEvent;
import org.watchfloor.extract.Extractor;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.gazetteer.TriggerMatcher;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.EventDate;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * An event-extraction baseline built on CoreNLP, scored with our {@link EventScorer} beside our
 * own extraction on the same gold, for issue 4's "at equal or better event F1".
 *
 * <p>It is deliberately simple: in each of the first {@value #LEAD} sentences CoreNLP finds in
 * an article (the lead, where news is), the first trigger of the profile's lexicon types an
 * event; its date is the first DATE that SUTime normalises to a day or a month in that sentence,
 * else the publication day; its weapons are the profile weapons named by CoreNLP's entity
 * mentions in the lead ({@code ner}) or, in the second variant, anywhere in the lead's text
 * ({@code ner+gazetteer}, since CoreNLP's models know no missile names). Events of one type and
 * date from different articles are one event, a stand-in for our resolve stage.
 *
 * <p>To save time, only the lead is annotated in full: CoreNLP's own tokenizer and sentence
 * splitter find it within the first {@code leadChars} characters, and an article in which no
 * trigger occurs there is not annotated at all, as the baseline could find nothing in it.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx5g ./mvnw -q -pl core -Pcorenlp test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.watchfloor.bench.corenlp.CoreNlpEventBaseline \
 *   -Dexec.args="GOLD.csv ARTICLES.jsonl [threads] [leadChars]"
 * </pre>
 */
public final class CoreNlpEventBaseline {

  static final int LEAD = 3;

  private static final Pattern NORMALISED_DAY = Pattern.compile("^(\\d{4})-(\\d{2})(?:-(\\d{2}))?");

  private final GazetteerMatcher gazetteer;
  private final TriggerMatcher triggers;
  private final CoreNlpStage coreNlp;
  private final StanfordCoreNLP splitter;
  private final int leadChars;

  /** One article's events before merging, for both weapon variants. */
  private record Found(Article article, String type, EventDate date, Set<String> nerWeapons,
      Set<String> textWeapons, String evidence) {}

  CoreNlpEventBaseline(WatchProfile profile, int leadChars) {
    this.gazetteer = GazetteerMatcher.of(profile);
    this.triggers = TriggerMatcher.of(profile);
    this.coreNlp = new CoreNlpStage();
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit");
    this.splitter = new StanfordCoreNLP(props);
    this.leadChars = leadChars;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: CoreNlpEventBaseline GOLD.csv ARTICLES [threads] [leadChars]");
      System.exit(2);
    }
    Path gold = Path.of(args[0]);
    Path articles = Path.of(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int leadChars = args.length > 3 ? Integer.parseInt(args[3]) : 1500;
    WatchProfile profile = WatchProfile.load("dprk");
    List<GoldEvent> goldEvents = GoldEvents.read(gold, GazetteerMatcher.of(profile));
    List<Article> parsed = parse(articles);

    long t0 = System.nanoTime();
    CoreNlpEventBaseline baseline = new CoreNlpEventBaseline(profile, leadChars);
    long t1 = System.nanoTime();
    List<Found> found = baseline.findAll(parsed, threads);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "articles=%d corenlp_load_s=%.1f annotate_and_extract_s=%.1f threads=%d lead_chars=%d%n",
        parsed.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, threads, leadChars);
    EventScorer scorer = new EventScorer();
    print("corenlp-ner", scorer.score(goldEvents, merge(found, false)));
    print("corenlp-ner+gazetteer", scorer.score(goldEvents, merge(found, true)));
    EventEvaluation.Result ours = new EventEvaluation(new Extractor(profile)).evaluate(gold, List.of(articles));
    print("watchfloor", ours.score());
  }

  private static void print(String label, EventScore s) {
    System.out.printf(Locale.ROOT, "%-22s %s%n", label, s.summary());
  }

  private static List<Article> parse(Path path) {
    List<Article> out = new ArrayList<>();
    ArticleParser parser = new ArticleParser();
    FileSource files = new FileSource();
    DocumentSink sink = new DocumentSink() {
      @Override
      public void accept(RawDocument document) {
        ParseResult r = parser.parse(document);
        if (r.ok()) {
          out.add(r.article());
        }
      }

      @Override
      public void problem(Problem problem) {
        System.err.println("skipped " + problem.source() + ": " + problem.reason());
      }
    };
    for (Path file : files.list(List.of(path), sink)) {
      files.read(file, sink);
    }
    return out;
  }

  private List<Found> findAll(List<Article> articles, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Found>>> futures = new ArrayList<>();
      for (Article a : articles) {
        futures.add(pool.submit(() -> find(a)));
      }
      List<Found> out = new ArrayList<>();
      for (Future<List<Found>> f : futures) {
        out.addAll(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  List<Found> find(Article article) {
    String text = article.text();
    String head = text.length() <= leadChars ? text : text.substring(0, leadChars);
    if (triggers.find(head).isEmpty()) {
      return List.of();
    }
    Annotation split = new Annotation(head);
    splitter.annotate(split);
    List<CoreMap> heads = split.get(CoreAnnotations.SentencesAnnotation.class);
    int leadEnd = heads.get(Math.min(LEAD, heads.size()) - 1).get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
    String lead = head.substring(0, leadEnd);
    Annotation doc = coreNlp.annotate(lead, article);
    List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
    Set<String> nerWeapons = new LinkedHashSet<>();
    Map<String, CoreMap> firstOfType = new LinkedHashMap<>();
    for (CoreMap sentence : sentences.subList(0, Math.min(LEAD, sentences.size()))) {
      for (CoreMap mention : sentence.get(CoreAnnotations.MentionsAnnotation.class)) {
        nerWeapons.addAll(weapons(mention.get(CoreAnnotations.TextAnnotation.class)));
      }
      List<TriggerMatch> found = triggers.find(sentence.get(CoreAnnotations.TextAnnotation.class));
      if (!found.isEmpty()) {
        firstOfType.putIfAbsent(found.get(0).eventType(), sentence);
      }
    }
    Set<String> textWeapons = weapons(lead);
    List<Found> out = new ArrayList<>();
    firstOfType.forEach((type, sentence) -> {
      EventDate date = null;
      for (CoreMap mention : sentence.get(CoreAnnotations.MentionsAnnotation.class)) {
        if (date == null && "DATE".equals(mention.get(CoreAnnotations.NamedEntityTagAnnotation.class))) {
          date = day(mention.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class));
        }
      }
      if (date == null) {
        date = article.published() == null ? EventDate.UNKNOWN : EventDate.day(article.published().localDay());
      }
      out.add(new Found(article, type, date, nerWeapons, textWeapons, sentence.get(CoreAnnotations.TextAnnotation.class)));
    });
    return out;
  }

  /** A day or month from SUTime's normalised value ({@code 2024-08-04}, {@code 2024-08}); else null. */
  static EventDate day(String normalised) {
    if (normalised == null) {
      return null;
    }
    Matcher m = NORMALISED_DAY.matcher(normalised);
    if (!m.find()) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) {
      return null;
    }
    try {
      return m.group(3) == null ? EventDate.month(year, month)
          : EventDate.day(LocalDate.of(year, month, Integer.parseInt(m.group(3))));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private Set<String> weapons(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (EntityMatch m : gazetteer.find(text)) {
      if (m.entity().kind() == EntityKind.WEAPON) {
        out.add(m.entity().canonical());
      }
    }
    return out;
  }

  /** One system event per type and date, over all articles. */
  private static List<SystemEvent> merge(List<Found> found, boolean textWeapons) {
    Map<String, List<Found>> groups = new LinkedHashMap<>();
    for (Found f : found) {
      groups.computeIfAbsent(f.type() + " " + f.date().iso(), k -> new ArrayList<>()).add(f);
    }
    List<SystemEvent> out = new ArrayList<>();
    groups.forEach((key, fs) -> {
      Set<String> weapons = new LinkedHashSet<>();
      Map<String, SystemEvent.ArticleRef> refs = new LinkedHashMap<>();
      for (Found f : fs) {
        weapons.addAll(textWeapons ? f.textWeapons() : f.nerWeapons());
        Article a = f.article();
        refs.putIfAbsent(a.id(), new SystemEvent.ArticleRef(a.id(), a.url(), a.sourcePath()));
      }
      Found first = fs.get(0);
      out.add(new SystemEvent("corenlp-" + out.size(), first.type(), first.date(), false, weapons,
          List.copyOf(refs.values()), first.evidence()));
    });
    return out;
  }
}
