package org.watchfloor.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.learn.Features;
import org.watchfloor.extract.learn.LinearModel;
import org.watchfloor.extract.learn.Once;

/**
 * The one place that decides whether a sentence reports a happening of the watch: which event
 * types it tells (none, one, or two in one sentence), whether it tells each as news or in
 * passing, whether as a plan, and which of its time expressions gives the happening's day.
 * Logistic-regression models learned from annotated news (see {@code watchfloor train}), with
 * the probability thresholds grouped cross-validation chose.
 */
public final class EventModel {

  /** The type model's label for a sentence that tells no happening. */
  public static final String NONE = "none";
  public static final String NEWS = "news";
  public static final String BACKGROUND = "background";
  public static final String PLANNED = "planned";
  public static final String HAPPENED = "happened";

  /**
   * Decision thresholds, and what the model is.
   *
   * @param moreNewsThreshold how surely (type probability times news probability) a happening
   *     must be told as news to be an article's second or later news; above 1, an article has
   *     one news happening at most
   */
  public record Settings(String version, double typeThreshold, double newsThreshold, double plannedThreshold,
      double moreNewsThreshold) {
    public Settings {
      Objects.requireNonNull(version, "version");
    }

    /** Settings under which an article tells one happening as news at most. */
    public Settings(String version, double typeThreshold, double newsThreshold, double plannedThreshold) {
      this(version, typeThreshold, newsThreshold, plannedThreshold, ONE_NEWS);
    }

    /** A {@link #moreNewsThreshold} no news score reaches. */
    public static final double ONE_NEWS = 2.0;

    Properties properties() {
      Properties p = new Properties();
      p.setProperty("version", version);
      p.setProperty("type_threshold", Double.toString(typeThreshold));
      p.setProperty("news_threshold", Double.toString(newsThreshold));
      p.setProperty("planned_threshold", Double.toString(plannedThreshold));
      p.setProperty("more_news_threshold", Double.toString(moreNewsThreshold));
      return p;
    }

    static Settings of(Properties p, String source) {
      try {
        return new Settings(Objects.requireNonNull(p.getProperty("version"), "version"),
            Double.parseDouble(p.getProperty("type_threshold")), Double.parseDouble(p.getProperty("news_threshold")),
            Double.parseDouble(p.getProperty("planned_threshold")),
            // (a model written before the setting existed tells one news happening an article)
            Double.parseDouble(p.getProperty("more_news_threshold", Double.toString(ONE_NEWS))));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + ": bad event model settings: " + e.getMessage(), e);
      }
    }
  }

  public static final String AGREES = "agrees";
  public static final String DIFFERS = "differs";

  /**
   * The learned models.
   *
   * @param dates which of a sentence's time expressions (or none) dates its happening; null: the
   *     nearest one does ({@link Dating})
   */
  private record Weights(LinearModel types, LinearModel roles, LinearModel plans, @Nullable LinearModel dates) {}

  /** The weights, read when first asked for where the model is the shipped one ({@link #shipped}). */
  private final Supplier<Weights> weights;
  /** Whether there is a date model, known before its weights are read. */
  private final boolean dated;
  private final Settings settings;

  public EventModel(LinearModel types, LinearModel roles, LinearModel plans, @Nullable LinearModel dates,
      Settings settings) {
    this(weightsOf(new Weights(types, roles, plans, dates)), dates != null, settings);
  }

  private EventModel(Supplier<Weights> weights, boolean dated, Settings settings) {
    this.weights = weights;
    this.dated = dated;
    this.settings = settings;
  }

  private static Supplier<Weights> weightsOf(Weights w) {
    return () -> w;
  }

  /** A model that dates each happening by the time expression nearest its trigger. */
  public EventModel(LinearModel types, LinearModel roles, LinearModel plans, Settings settings) {
    this(types, roles, plans, null, settings);
  }

  /** Where the shipped model lies on the class path ({@code train events --out core/src/main/resources/models/events}). */
  static final String RESOURCE = "/models/events/";

  private static final String[] FILES = {"event-type.model", "event-role.model", "event-plan.model", "event.properties"};

  /** The date model's file, which a model written before it existed lacks. */
  private static final String DATES_FILE = "event-date.model";

  private static @Nullable EventModel shipped;

  /** Opens one of the model's files by name; {@code null} when it is not there. */
  private interface Opener {
    @Nullable InputStream open(String name) throws IOException;
  }

  /** The model {@link #write} wrote to {@code dir}. */
  public static EventModel read(Path dir) {
    return read(name -> {
      Path file = dir.resolve(name);
      return Files.exists(file) ? Files.newInputStream(file) : null;
    }, dir + "/");
  }

  /**
   * The model shipped in the jar, read once: the type model alone is some 5 MB of weights, and
   * every extractor of a process wants the same immutable model. Its weights are read when an
   * article first needs them (some 0.1 CPU-s, 1.5 when they were Tribuo's files): an ingest of
   * articles already stored, of none about the watch or of the watched state's own media (which
   * the rules read) never reads them. A folder's model
   * ({@link #read(Path)}) is read at once, so that a bad {@code --events} folder is said at start.
   */
  public static synchronized EventModel shipped() {
    if (shipped == null) {
      Opener jar = name -> EventModel.class.getResourceAsStream(RESOURCE + name);
      String where = "classpath:" + RESOURCE;
      shipped = new EventModel(Once.of(() -> weights(jar, where)), has(jar, where, DATES_FILE), settings(jar, where));
    }
    return shipped;
  }

  private static EventModel read(Opener opener, String where) {
    Weights w = weights(opener, where);
    return new EventModel(weightsOf(w), w.dates() != null, settings(opener, where));
  }

  private static Weights weights(Opener opener, String where) {
    LinearModel[] models = new LinearModel[3];
    for (int i = 0; i < 3; i++) {
      String source = where + FILES[i];
      try (InputStream in = required(opener, where, FILES[i])) {
        models[i] = LinearModel.read(in, source);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read event model " + source + ": " + e.getMessage(), e);
      }
    }
    LinearModel dates = null;
    try (InputStream in = opener.open(DATES_FILE)) {
      if (in != null) {
        dates = LinearModel.read(in, where + DATES_FILE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event model " + where + DATES_FILE + ": " + e.getMessage(), e);
    }
    return new Weights(models[0], models[1], models[2], dates);
  }

  private static Settings settings(Opener opener, String where) {
    String source = where + FILES[3];
    Properties p = new Properties();
    try (InputStream in = required(opener, where, FILES[3])) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event model " + source + ": " + e.getMessage(), e);
    }
    return Settings.of(p, source);
  }

  private static InputStream required(Opener opener, String where, String name) throws IOException {
    InputStream in = opener.open(name);
    if (in == null) {
      String source = where + name;
      throw new UncheckedIOException("event model file " + source + " is missing (write one with `watchfloor train events`)",
          new java.nio.file.NoSuchFileException(source));
    }
    return in;
  }

  private static boolean has(Opener opener, String where, String name) {
    try (InputStream in = opener.open(name)) {
      return in != null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event model " + where + name + ": " + e.getMessage(), e);
    }
  }

  public String version() {
    return settings.version();
  }

  public Settings settings() {
    return settings;
  }

  /** The same learned models deciding with other thresholds: what a threshold sweep compares. */
  public EventModel withSettings(Settings other) {
    return new EventModel(weights, dated, other);
  }

  /** The event types a sentence tells with their probabilities, most likely first: each above the threshold, at most two. */
  Map<String, Double> types(Features sentence) {
    Map<String, Double> p = weights.get().types().probabilities(sentence);
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    p.entrySet().stream()
        .filter(e -> !e.getKey().equals(NONE) && e.getValue() >= settings.typeThreshold())
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(2)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Whether the model chooses among a sentence's time expressions itself (else the nearest one dates). */
  boolean dates() {
    return dated;
  }

  /**
   * Which of a sentence's time expressions dates its happening: the option the date model finds
   * likeliest to give the happening's day, or null where dating it by none of them (the happening
   * is then of the last few days) is likelier still, or the sentence holds none.
   *
   * @param features the date model's features of each option, and of none (null)
   */
  <T> @Nullable T date(List<T> options, Function<@Nullable T, Features> features) {
    LinearModel model = Objects.requireNonNull(weights.get().dates(), "dates");
    T best = null;
    double surest = options.isEmpty() ? 1 : model.probability(features.apply(null), AGREES);
    for (T t : options) {
      double p = model.probability(features.apply(t), AGREES);
      if (p > surest) {
        surest = p;
        best = t;
      }
    }
    return best;
  }

  /** The probability that the sentence tells its happening of a type as news (else in passing). */
  double news(Features ofType) {
    return weights.get().roles().probability(ofType, NEWS);
  }

  /** Whether a news probability makes news. */
  boolean isNews(double probability) {
    return probability >= settings.newsThreshold();
  }

  boolean planned(Features ofType) {
    return weights.get().plans().probability(ofType, PLANNED) >= settings.plannedThreshold();
  }

  /**
   * Writes the model to {@code dir}: a folder {@link #read} reads, or the resource folder {@link
   * #shipped} reads from. Each part is written as it is, not compressed: its weights are most of
   * it and compress little, and the jar compresses its resources anyway.
   */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Weights w = weights.get();
    LinearModel[] models = {w.types(), w.roles(), w.plans()};
    for (int i = 0; i < models.length; i++) {
      try (var out = Files.newOutputStream(dir.resolve(FILES[i]))) {
        models[i].write(out);
      }
    }
    LinearModel dates = w.dates();
    if (dates != null) {
      try (var out = Files.newOutputStream(dir.resolve(DATES_FILE))) {
        dates.write(out);
      }
    }
    try (var out = Files.newBufferedWriter(dir.resolve("event.properties"))) {
      // (sorted keys and no date comment: the same model writes the same file)
      Properties p = settings.properties();
      for (String k : new java.util.TreeSet<>(p.stringPropertyNames())) {
        out.write(k + "=" + p.getProperty(k) + "\n");
      }
    }
  }
}
