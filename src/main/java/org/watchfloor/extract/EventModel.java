package org.watchfloor.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.watchfloor.extract.learn.Features;
import org.watchfloor.extract.learn.LinearModel;

/**
 * The one place that decides whether a sentence reports a happening of the watch: which event
 * types it tells (none, one, or two in one sentence), whether it tells each as news or in
 * passing, and whether as a plan. Three logistic-regression models learned from annotated news
 * (see {@code watchfloor train}), with the probability thresholds grouped cross-validation chose.
 */
public final class EventModel {

  /** The type model's label for a sentence that tells no happening. */
  public static final String NONE = "none";
  public static final String NEWS = "news";
  public static final String BACKGROUND = "background";
  public static final String PLANNED = "planned";
  public static final String HAPPENED = "happened";

  /** Decision thresholds, and what the model is. */
  public record Settings(String version, double typeThreshold, double newsThreshold, double plannedThreshold) {
    public Settings {
      Objects.requireNonNull(version, "version");
    }

    Properties properties() {
      Properties p = new Properties();
      p.setProperty("version", version);
      p.setProperty("type_threshold", Double.toString(typeThreshold));
      p.setProperty("news_threshold", Double.toString(newsThreshold));
      p.setProperty("planned_threshold", Double.toString(plannedThreshold));
      return p;
    }

    static Settings of(Properties p, String source) {
      try {
        return new Settings(Objects.requireNonNull(p.getProperty("version"), "version"),
            Double.parseDouble(p.getProperty("type_threshold")), Double.parseDouble(p.getProperty("news_threshold")),
            Double.parseDouble(p.getProperty("planned_threshold")));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + ": bad event model settings: " + e.getMessage(), e);
      }
    }
  }

  private final LinearModel types;
  private final LinearModel roles;
  private final LinearModel plans;
  private final Settings settings;

  public EventModel(LinearModel types, LinearModel roles, LinearModel plans, Settings settings) {
    this.types = types;
    this.roles = roles;
    this.plans = plans;
    this.settings = settings;
  }

  /** The model {@link #write} wrote to {@code dir}. */
  public static EventModel read(Path dir) {
    return new EventModel(file(dir, "event-type.model"), file(dir, "event-role.model"), file(dir, "event-plan.model"),
        Settings.of(properties(dir.resolve("event.properties")), dir.resolve("event.properties").toString()));
  }

  public String version() {
    return settings.version();
  }

  public Settings settings() {
    return settings;
  }

  /** The event types a sentence tells with their probabilities, most likely first: each above the threshold, at most two. */
  Map<String, Double> types(Features sentence) {
    Map<String, Double> p = types.probabilities(sentence);
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    p.entrySet().stream()
        .filter(e -> !e.getKey().equals(NONE) && e.getValue() >= settings.typeThreshold())
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(2)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The probability that the sentence tells its happening of a type as news (else in passing). */
  double news(Features ofType) {
    return roles.probability(ofType, NEWS);
  }

  /** Whether a news probability makes news. */
  boolean isNews(double probability) {
    return probability >= settings.newsThreshold();
  }

  boolean planned(Features ofType) {
    return plans.probability(ofType, PLANNED) >= settings.plannedThreshold();
  }

  /** Writes the model where {@link #shipped} reads it from: {@code dir} is a resource folder. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (var out = Files.newOutputStream(dir.resolve("event-type.model"))) {
      types.write(out);
    }
    try (var out = Files.newOutputStream(dir.resolve("event-role.model"))) {
      roles.write(out);
    }
    try (var out = Files.newOutputStream(dir.resolve("event-plan.model"))) {
      plans.write(out);
    }
    try (var out = Files.newBufferedWriter(dir.resolve("event.properties"))) {
      // (sorted keys and no date comment: the same model writes the same file)
      Properties p = settings.properties();
      for (String k : new java.util.TreeSet<>(p.stringPropertyNames())) {
        out.write(k + "=" + p.getProperty(k) + "\n");
      }
    }
  }

  private static LinearModel file(Path dir, String name) {
    Path path = dir.resolve(name);
    try (InputStream in = Files.newInputStream(path)) {
      return LinearModel.read(in, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event model " + path + " (write one with `watchfloor train events`)", e);
    }
  }

  private static Properties properties(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      Properties p = new Properties();
      p.load(in);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event model settings " + path, e);
    }
  }
}
