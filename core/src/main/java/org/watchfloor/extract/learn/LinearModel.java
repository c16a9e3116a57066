package org.watchfloor.extract.learn;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.zip.GZIPInputStream;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.watchfloor.RootLocale;

/**
 * A trained classifier over {@link Features}: the probability of each of its labels for an
 * instance. Features the model never saw in training are ignored, so a new word costs nothing.
 */
public final class LinearModel {

  private final Model<Label> model;

  public LinearModel(Model<Label> model) {
    this.model = Objects.requireNonNull(model, "model");
    if (!model.generatesProbabilities()) {
      throw new IllegalArgumentException("model " + model.getName() + " gives no probabilities");
    }
  }

  /** The probability of every label, for {@code features}. */
  public Map<String, Double> probabilities(Features features) {
    Prediction<Label> p = model.predict(features.example(LabelFactory.UNKNOWN_LABEL));
    Map<String, Double> out = new LinkedHashMap<>();
    p.getOutputScores().forEach((name, label) -> out.put(name, label.getScore()));
    return out;
  }

  /** The probability of {@code label} (0 when the model does not know the label). */
  public double probability(Features features, String label) {
    return probabilities(features).getOrDefault(label, 0.0);
  }

  /** The label with the highest probability. */
  public String best(Features features) {
    return model.predict(features.example(LabelFactory.UNKNOWN_LABEL)).getOutput().getLabel();
  }

  public Model<Label> tribuo() {
    return model;
  }

  /** Writes the model (Tribuo's protobuf form); see {@link #read} on the locale. */
  public void write(OutputStream out) throws IOException {
    RootLocale.run(() -> {
      model.serializeToStream(out);
      return null;
    });
  }

  /**
   * Reads a model {@link #write} wrote, as it is or gzip-compressed (shipped models are);
   * {@code source} names it in errors.
   */
  @SuppressWarnings("unchecked")
  public static LinearModel read(InputStream raw, String source) {
    InputStream in;
    try {
      BufferedInputStream buffered = new BufferedInputStream(raw);
      buffered.mark(2);
      boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
      buffered.reset();
      in = gzip ? new GZIPInputStream(buffered) : buffered;
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot read model: " + e.getMessage(), e);
    }
    // Tribuo's protobuf (de)serialisation finds its accessors by upper-casing field names in the
    // default locale: in a Turkish one "info" becomes "İnfo" and no model can be read or written.
    Model<?> m;
    try {
      m = RootLocale.run(() -> Model.deserializeFromStream(in));
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot read model: " + e.getMessage(), e);
    }
    if (!m.validate(Label.class)) {
      throw new IllegalArgumentException(source + ": not a classification model");
    }
    return new LinearModel((Model<Label>) m);
  }
}
