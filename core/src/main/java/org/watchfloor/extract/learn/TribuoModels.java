package org.watchfloor.extract.learn;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.watchfloor.RootLocale;

/**
 * The weights of a Tribuo LIBLINEAR model, from the model or from its file (the form models had
 * before {@link LinearModelFile}). Apart from {@link LinearModel} so that a process reading
 * models of the new form loads none of Tribuo.
 */
final class TribuoModels {

  private TribuoModels() {}

  /** The model of a Tribuo model file (protobuf), not compressed. */
  static LinearModel read(InputStream in, String source) throws IOException {
    // Tribuo's protobuf (de)serialisation finds its accessors by upper-casing field names in the
    // default locale: in a Turkish one "info" becomes "İnfo" and no model can be read.
    Model<?> m = RootLocale.run(() -> Model.deserializeFromStream(in));
    if (!m.validate(Label.class)) {
      throw new IllegalArgumentException(source + ": not a classification model");
    }
    @SuppressWarnings("unchecked") // validated above
    Model<Label> labels = (Model<Label>) m;
    return weights(labels, source);
  }

  /**
   * The weights of {@code model} in LIBLINEAR's layout, and its labels in LIBLINEAR's order (the
   * order of its weights, and of Tribuo's probabilities); the labels Tribuo knows that LIBLINEAR
   * never saw are the unseen ones.
   */
  static LinearModel weights(Model<Label> model, String source) {
    if (!(model instanceof LibLinearClassificationModel liblinear)) {
      throw new IllegalArgumentException(source + ": not a LIBLINEAR classification model but " + model.getClass().getName());
    }
    de.bwaldvogel.liblinear.Model inner = liblinear.getInnerModels().get(0);
    if (!inner.isProbabilityModel()) {
      throw new IllegalArgumentException(source + ": model " + model.getName() + " gives no probabilities");
    }
    ImmutableFeatureMap featureMap = model.getFeatureIDMap();
    int size = featureMap.size();
    if (inner.getNrFeature() != size) {
      throw new IllegalArgumentException(source + ": LIBLINEAR model of " + inner.getNrFeature()
          + " features beside a feature map of " + size);
    }
    ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
    int[] ids = inner.getLabels();
    List<String> labels = new ArrayList<>();
    for (int id : ids) {
      labels.add(outputs.getOutput(id).getLabel());
    }
    List<String> unseen = new ArrayList<>();
    for (int id = 0; id < outputs.size(); id++) {
      String label = outputs.getOutput(id).getLabel();
      if (!labels.contains(label)) {
        unseen.add(label);
      }
    }
    String[] names = new String[size];
    for (int id = 0; id < size; id++) {
      names[id] = featureMap.get(id).getName();
    }
    int rows = LinearModel.rows(ids.length);
    double[] w = inner.getFeatureWeights();
    double[] weights = java.util.Arrays.copyOf(w, size * rows);
    // Tribuo gives every instance a bias feature of value 1 (id: the feature count), which
    // LIBLINEAR reads where its model has a bias term
    double[] bias = new double[rows];
    if (inner.getBias() >= 0) {
      System.arraycopy(w, size * rows, bias, 0, rows);
    }
    return new LinearModel(labels, unseen, new FeatureIndex(names), weights, bias);
  }
}
