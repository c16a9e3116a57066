package org.watchfloor.extract.learn;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A trained classifier over {@link Features}: the probability of each of its labels for an
 * instance. Features the model never saw in training are ignored, so a new word costs nothing.
 *
 * <p>The model is LIBLINEAR's logistic regression, trained through Tribuo ({@link #of}), held as
 * its plain weights and computing the probabilities the way Tribuo's LIBLINEAR model does, to the
 * last bit: reading Tribuo's model file (protobuf, then a Java-serialised LIBLINEAR model) took
 * the better part of a second for the shipped models, and reading the weights alone ({@link
 * LinearModelFile}) a small part of that. Immutable and safe to share between threads.
 */
public final class LinearModel {

  /** The labels LIBLINEAR learned, in its order (the order of {@link #bias} and of each feature's weights). */
  private final List<String> labels;
  /** Labels the model knows but never saw in training: always probability 0. */
  private final List<String> unseen;
  private final FeatureIndex features;
  /**
   * Each feature's weights, feature by feature (LIBLINEAR's layout): one per label, or one only
   * for two labels (the first label's; the second's decision is its complement).
   */
  private final double[] weights;
  private final double[] bias;

  LinearModel(List<String> labels, List<String> unseen, FeatureIndex features, double[] weights, double[] bias) {
    this.labels = List.copyOf(labels);
    this.unseen = List.copyOf(unseen);
    this.features = Objects.requireNonNull(features, "features");
    this.weights = Objects.requireNonNull(weights, "weights");
    this.bias = Objects.requireNonNull(bias, "bias");
    if (this.labels.size() < 2) {
      throw new IllegalArgumentException("a model of fewer than two labels: " + labels);
    }
    int rows = rows(this.labels.size());
    if (bias.length != rows || weights.length != (long) features.size() * rows) {
      throw new IllegalArgumentException("weights for " + features.size() + " features and " + labels.size()
          + " labels must be " + features.size() + " x " + rows + " and " + rows + " biases, not "
          + weights.length + " and " + bias.length);
    }
  }

  /** The weights a two-label model keeps per feature (one), or a model of more labels (one per label). */
  static int rows(int labels) {
    return labels == 2 ? 1 : labels;
  }

  /** The model of a trained Tribuo LIBLINEAR logistic regression (what {@code LinearTrainer} trains). */
  public static LinearModel of(Model<Label> model) {
    return TribuoModels.weights(model, model.getName());
  }

  /** The probability of every label, for {@code features}. */
  public Map<String, Double> probabilities(Features features) {
    double[] p = scores(features);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < p.length; i++) {
      out.put(labels.get(i), p[i]);
    }
    unseen.forEach(label -> out.put(label, 0.0));
    return out;
  }

  /** The probability of {@code label} (0 when the model does not know the label). */
  public double probability(Features features, String label) {
    int i = labels.indexOf(label);
    return i < 0 ? 0.0 : scores(features)[i];
  }

  /** The label with the highest probability (the first of the likeliest, in the model's order). */
  public String best(Features features) {
    double[] p = scores(features);
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return labels.get(best);
  }

  /**
   * Each label's probability as LIBLINEAR computes it (Tribuo's {@code LibLinearClassificationModel}
   * calls {@code Linear.predictProbability}): per label, the weights of the known features times
   * their values, summed in the features' id order, plus the bias weight; then the logistic
   * function of that; for two labels the second's is the complement of the first's, for more
   * each is divided by their sum.
   *
   * @throws IllegalArgumentException when the model knows none of the features, as Tribuo's does
   */
  private double[] scores(Features instance) {
    Map<String, Double> values = instance.values();
    // (id, position) of each known feature, to sum in id order: the order LIBLINEAR sums in,
    // which gives the same last bit
    long[] known = new long[values.size()];
    double[] value = new double[values.size()];
    int n = 0;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      int id = features.id(e.getKey());
      if (id >= 0) {
        known[n] = (long) id << 32 | n;
        value[n] = e.getValue();
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("none of the " + values.size() + " features is known to the model");
    }
    Arrays.sort(known, 0, n);
    int rows = bias.length;
    double[] decision = new double[rows];
    for (int k = 0; k < n; k++) {
      int at = (int) (known[k] >>> 32) * rows;
      double v = value[(int) known[k]];
      for (int i = 0; i < rows; i++) {
        decision[i] += weights[at + i] * v;
      }
    }
    for (int i = 0; i < rows; i++) {
      decision[i] += bias[i];
    }
    double[] p = new double[labels.size()];
    for (int i = 0; i < rows; i++) {
      p[i] = 1 / (1 + Math.exp(-decision[i]));
    }
    if (labels.size() == 2) {
      p[1] = 1 - p[0];
    } else {
      double sum = 0;
      for (double x : p) {
        sum += x;
      }
      for (int i = 0; i < p.length; i++) {
        p[i] /= sum;
      }
    }
    return p;
  }

  /** Writes the model in the form {@link #read} reads fastest ({@link LinearModelFile}). */
  public void write(OutputStream out) throws IOException {
    LinearModelFile.write(this, out);
  }

  /**
   * Reads a model {@link #write} wrote, or a Tribuo model file as earlier builds wrote (a folder
   * of an event model trained then), as it is or gzip-compressed; {@code source} names it in
   * errors.
   */
  public static LinearModel read(InputStream raw, String source) {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      in.mark(4);
      int first = in.read();
      int second = in.read();
      in.reset();
      if (first == 0x1f && second == 0x8b) {
        return read(new GZIPInputStream(in, 1 << 16), source);
      }
      if (LinearModelFile.starts(first, second)) {
        return LinearModelFile.read(in, source);
      }
      return TribuoModels.read(in, source);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot read model: " + e.getMessage(), e);
    }
  }

  List<String> labels() {
    return labels;
  }

  List<String> unseen() {
    return unseen;
  }

  FeatureIndex features() {
    return features;
  }

  double[] weights() {
    return weights;
  }

  double[] bias() {
    return bias;
  }
}
