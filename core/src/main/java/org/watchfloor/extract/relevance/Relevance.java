package org.watchfloor.extract.relevance;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import java.util.function.Supplier;
import org.watchfloor.extract.learn.LinearModel;
import org.watchfloor.extract.learn.Once;
import org.watchfloor.model.Article;
import org.watchfloor.profile.WatchProfile;

/**
 * Whether an article is about the watch at all, decided from its title and lead by a logistic
 * regression over {@link RelevanceFeatures}, before any extraction: an unrelated article yields
 * no event and costs one cheap pass over its first lines.
 *
 * <p>The model and its settings are two files: {@code relevance.model} (a {@link LinearModel}'s
 * file; the Tribuo model stream an earlier build wrote reads too) and {@code
 * relevance.properties} ({@code version}, {@code threshold}, {@code profile}, {@code features},
 * and what it was trained on), shipped under {@value #RESOURCE} in the jar and written by {@code
 * org.watchfloor.train.RelevanceTrainer}. Immutable and safe to share between threads.
 */
public final class Relevance {

  /** Where the shipped model lives on the classpath (the two files share this stem). */
  public static final String RESOURCE = "/models/relevance";

  /** The model's label for an article about the watch; the other is {@link #UNRELATED}. */
  public static final String RELEVANT = "relevant";

  public static final String UNRELATED = "unrelated";

  /** The model file's name beside the properties file, in a directory or on the classpath. */
  public static final String MODEL_FILE = "relevance.model";

  public static final String PROPERTIES_FILE = "relevance.properties";

  /** The shipped model and settings, once read (see {@link #shipped()}). */
  private static @Nullable Shipped shipped;

  private final RelevanceFeatures features;
  /** The weights; the shipped model's are read when an article is first asked about ({@link #shipped()}). */
  private final Supplier<LinearModel> model;
  private final Settings settings;

  private record Shipped(Supplier<LinearModel> model, Settings settings) {}

  /** What the properties file says about the model. */
  public record Settings(String version, double threshold, String profile, int featureVersion, String trainedOn) {

    public Settings {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(trainedOn, "trainedOn");
      if (!(threshold > 0.0 && threshold < 1.0)) {
        throw new IllegalArgumentException("threshold must lie strictly between 0 and 1, not " + threshold);
      }
    }

    static Settings of(Properties p, String source) {
      try {
        return new Settings(required(p, "version"), Double.parseDouble(required(p, "threshold")),
            required(p, "profile"), Integer.parseInt(required(p, "features")), p.getProperty("trained_on", ""));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(source + ": bad relevance settings: " + e.getMessage(), e);
      }
    }

    private static String required(Properties p, String key) {
      String v = p.getProperty(key);
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("no " + key);
      }
      return v.strip();
    }
  }

  /**
   * A relevance decision from {@code model} with {@code settings}, reading {@code profile}'s
   * lexicons.
   *
   * @throws IllegalStateException when the model was trained for another profile or another
   *     version of the features: its weights would mean nothing here
   */
  public Relevance(WatchProfile profile, LinearModel model, Settings settings) {
    this(profile, weights(Objects.requireNonNull(model, "model")), settings);
  }

  private static Supplier<LinearModel> weights(LinearModel model) {
    return () -> model;
  }

  private Relevance(WatchProfile profile, Supplier<LinearModel> model, Settings settings) {
    this.model = model;
    this.settings = Objects.requireNonNull(settings, "settings");
    if (!settings.profile().equals(profile.name())) {
      throw new IllegalStateException("relevance model " + settings.version() + " was trained for profile "
          + settings.profile() + ", not " + profile.name());
    }
    if (settings.featureVersion() != RelevanceFeatures.VERSION) {
      throw new IllegalStateException("relevance model " + settings.version() + " reads features version "
          + settings.featureVersion() + ", this build makes version " + RelevanceFeatures.VERSION + " (train it again)");
    }
    this.features = new RelevanceFeatures(profile);
  }

  /**
   * The model shipped in the jar ({@value #RESOURCE}{@code .model} and {@code .properties}).
   *
   * @throws IllegalStateException naming the resource when it is missing or unreadable (the
   *     model's weights: when the first article is asked about)
   */
  public static Relevance load(WatchProfile profile) {
    Shipped s = shipped();
    return new Relevance(profile, s.model(), s.settings());
  }

  /** The model at {@code stem + ".model"} and {@code stem + ".properties"} on the classpath. */
  public static Relevance fromClasspath(WatchProfile profile, String stem) {
    Shipped s = readClasspath(stem);
    return new Relevance(profile, s.model().get(), s.settings());
  }

  /**
   * The shipped model, read once: reading it takes some 50 ms of CPU (1.4 s when it was Tribuo's
   * file), and every extractor (one per ingest, reprocess or test) wants it. The model is
   * immutable. Its weights are read when an article is first asked about: an ingest of articles
   * already stored never reads them (its settings, which say the version the store records, are
   * read at once).
   */
  private static synchronized Shipped shipped() {
    if (shipped == null) {
      shipped = readClasspath(RESOURCE);
    }
    return shipped;
  }

  /** The settings at once, the weights when first asked for. */
  private static Shipped readClasspath(String stem) {
    Properties p = properties(stem + ".properties", Relevance.class.getResourceAsStream(stem + ".properties"));
    Settings settings = Settings.of(p, stem + ".properties");
    return new Shipped(Once.of(() -> model(stem + ".model", Relevance.class.getResourceAsStream(stem + ".model"))),
        settings);
  }

  /** The model a trainer wrote to {@code dir} ({@value #MODEL_FILE}, {@value #PROPERTIES_FILE}). */
  public static Relevance fromDirectory(WatchProfile profile, Path dir) {
    Path props = dir.resolve(PROPERTIES_FILE);
    Path file = dir.resolve(MODEL_FILE);
    Settings settings = Settings.of(properties(props.toString(), open(props)), props.toString());
    return new Relevance(profile, model(file.toString(), open(file)), settings);
  }

  /** The probability that {@code article} is about the watch, from its title and lead. */
  public double probability(Article article) {
    return model.get().probability(features.of(article), RELEVANT);
  }

  /** Whether {@code article} is about the watch: its probability reaches the threshold. */
  public boolean relevant(Article article) {
    return probability(article) >= settings.threshold();
  }

  /** The model's version: the feature set's, and a digest of the model file and threshold. */
  public String version() {
    return settings.version();
  }

  public double threshold() {
    return settings.threshold();
  }

  public Settings settings() {
    return settings;
  }

  private static @Nullable InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("relevance model " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  private static LinearModel model(String source, @Nullable InputStream in) {
    if (in == null) {
      throw missing(source);
    }
    try (in) {
      return LinearModel.read(in, source);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("relevance model " + source + " is unreadable: " + e.getMessage(), e);
    }
  }

  private static Properties properties(String source, @Nullable InputStream in) {
    if (in == null) {
      throw missing(source);
    }
    try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      Properties p = new Properties();
      p.load(r);
      return p;
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("relevance settings " + source + " are unreadable: " + e.getMessage(), e);
    }
  }

  private static IllegalStateException missing(String source) {
    return new IllegalStateException("relevance model " + source
        + " is missing (train it with org.watchfloor.train.RelevanceTrainer.trainAndWrite)");
  }
}
