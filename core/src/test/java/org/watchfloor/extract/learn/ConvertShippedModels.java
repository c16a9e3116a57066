package org.watchfloor.extract.learn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.watchfloor.RootLocale;
import org.watchfloor.extract.ArticleReader;
import org.watchfloor.extract.Candidate;
import org.watchfloor.extract.Reading;
import org.watchfloor.extract.relevance.RelevanceFeatures;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;
import org.watchfloor.profile.WatchProfile;

/**
 * Converts the shipped models from Tribuo's file to {@link LinearModelFile}'s, without training
 * again, and records what Tribuo itself makes of realistic features of a few sample articles
 * under each ({@code shipped-model-probabilities.tsv}, which {@link ShippedModelsTest} checks the
 * converted models against). Refuses to write a model whose probabilities differ from Tribuo's.
 *
 * <pre>
 * ./mvnw -B -o -q -DskipTests package test-compile -pl core
 * java -cp core/target/test-classes:core/target/watchfloor.jar:$HOME/.m2/repository/org/assertj/assertj-core/3.27.7/assertj-core-3.27.7.jar \
 *     org.watchfloor.extract.learn.ConvertShippedModels core/src/main/resources/models \
 *     core/src/main/resources/sample-corpus/articles core/src/test/resources/fixtures/models/shipped-model-probabilities.tsv
 * </pre>
 *
 * (Run once, on the Tribuo files: it reads them with Tribuo. The models' properties files, and
 * so the versions a store records, are left as they were: the weights are the same.)
 */
public final class ConvertShippedModels {

  /** The models, by their file under the models folder, and the fixture's name of each. */
  static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("event-type", "events/event-type.model");
    FILES.put("event-role", "events/event-role.model");
    FILES.put("event-plan", "events/event-plan.model");
    FILES.put("event-date", "events/event-date.model");
    FILES.put("relevance", "relevance.model");
  }

  /** The sample articles whose features are recorded: a launch, a summit, a party meeting, sanctions. */
  private static final List<String> ARTICLES = List.of("001-hwasong17-icbm-jcs-wire.txt", "012-kim-putin-summit-seoul.txt",
      "018-plenum-dec2023-us.txt", "024-un-panel-veto-seoul.txt");

  /** Feature sets recorded per model and article. */
  private static final int PER_ARTICLE = 3;

  private ConvertShippedModels() {}

  public static void main(String[] args) throws Exception {
    Path models = Path.of(args[0]);
    Path articles = Path.of(args[1]);
    Path fixture = Path.of(args[2]);
    Map<String, Model<Label>> tribuo = new LinkedHashMap<>();
    Map<String, byte[]> converted = new LinkedHashMap<>();
    for (var e : FILES.entrySet()) {
      byte[] old = Files.readAllBytes(models.resolve(e.getValue()));
      tribuo.put(e.getKey(), tribuo(old));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      LinearModel.read(new ByteArrayInputStream(old), e.getValue()).write(out);
      converted.put(e.getKey(), out.toByteArray());
    }
    StringBuilder tsv = new StringBuilder();
    tsv.append("# Tribuo's probabilities under the shipped models for features of sample articles, recorded by\n")
        .append("# ConvertShippedModels from the models' Tribuo files before they were converted. Per line: the model,\n")
        .append("# each label=probability, then the features, name and value, all separated by tabs. A model's line\n")
        .append("# names the SHA-256 of the converted file it holds for (its first 12 hex digits).\n");
    converted.forEach((name, bytes) -> tsv.append("sha256\t").append(name).append('\t').append(digest(bytes)).append('\n'));
    WatchProfile profile = WatchProfile.load("dprk");
    ArticleReader reader = new ArticleReader(profile, Clock.systemUTC());
    RelevanceFeatures relevance = new RelevanceFeatures(profile);
    for (String file : ARTICLES) {
      Article a = article(articles.resolve(file));
      record(tsv, "relevance", tribuo, relevance.of(a));
      Reading r = reader.read(a);
      List<Candidate> candidates = reader.candidates(r);
      for (Candidate c : candidates.subList(0, Math.min(PER_ARTICLE, candidates.size()))) {
        Features sentence = reader.sentenceFeatures(r, c);
        Map<String, Double> types = record(tsv, "event-type", tribuo, sentence);
        String type = types.entrySet().stream().filter(t -> !t.getKey().equals("none"))
            .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Features typed = reader.typedFeatures(r, c, sentence, type);
        record(tsv, "event-role", tribuo, typed);
        record(tsv, "event-plan", tribuo, typed);
        List<TimeExpression> options = reader.dateOptions(c);
        record(tsv, "event-date", tribuo, reader.dateFeatures(r, c, type, null, options));
        for (TimeExpression t : options) {
          record(tsv, "event-date", tribuo, reader.dateFeatures(r, c, type, t, options));
        }
      }
    }
    Files.createDirectories(fixture.getParent());
    Files.writeString(fixture, tsv, StandardCharsets.UTF_8);
    // every recorded line under its converted model, before any model is written
    ShippedModelsTest.check(Files.readAllLines(fixture, StandardCharsets.UTF_8), name -> LinearModel.read(new ByteArrayInputStream(converted.get(name)), name));
    for (var e : FILES.entrySet()) {
      Path target = models.resolve(e.getValue());
      long before = Files.size(target);
      Files.write(target, converted.get(e.getKey()));
      System.out.printf("%s: %,d bytes (Tribuo, gzip) -> %,d bytes%n", target, before, converted.get(e.getKey()).length);
    }
  }

  @SuppressWarnings("unchecked")
  private static Model<Label> tribuo(byte[] file) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
      return (Model<Label>) RootLocale.run(() -> Model.deserializeFromStream(in));
    }
  }

  private static Map<String, Double> record(StringBuilder tsv, String name, Map<String, Model<Label>> tribuo, Features f) {
    Prediction<Label> p = tribuo.get(name).predict(f.example(LabelFactory.UNKNOWN_LABEL));
    Map<String, Double> scores = new LinkedHashMap<>();
    p.getOutputScores().forEach((label, score) -> scores.put(label, score.getScore()));
    tsv.append(name).append('\t');
    List<String> labels = new ArrayList<>();
    scores.forEach((label, score) -> labels.add(label + "=" + score));
    tsv.append(String.join(",", labels));
    f.values().forEach((feature, value) -> {
      if (feature.indexOf('\t') >= 0 || feature.indexOf('\n') >= 0) {
        throw new IllegalStateException("a feature name with a tab or a line break: " + feature);
      }
      tsv.append('\t').append(feature).append('\t').append(value);
    });
    tsv.append('\n');
    return scores;
  }

  /** A sample article: its header lines ({@code key: value}) and, after a blank line, its text. */
  private static Article article(Path file) throws IOException {
    String all = Files.readString(file, StandardCharsets.UTF_8);
    int body = all.indexOf("\n\n");
    Map<String, String> header = new LinkedHashMap<>();
    for (String line : all.substring(0, body).split("\n")) {
      int colon = line.indexOf(": ");
      header.put(line.substring(0, colon), line.substring(colon + 2));
    }
    String id = file.getFileName().toString();
    LocalDate day = LocalDate.parse(header.get("published").substring(0, 10));
    return new Article(id, header.get("url"), null, header.get("outlet"), header.get("title"), header.get("byline"),
        Published.ofDate(day, ZoneOffset.UTC), "en", all.substring(body + 2), id, Set.of(), null, Map.of(), List.of());
  }

  static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
