package org.watchfloor.extract.learn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.Label;

/**
 * The named, sparse features of one instance ("w=fired", "lex:hedges", "pos:lead"), built up by
 * a feature extractor and handed to a {@link LinearModel} or a trainer. Adding a name twice adds
 * its values (a word seen twice counts twice).
 */
public final class Features {

  private final Map<String, Double> values = new LinkedHashMap<>();

  /** Adds an indicator feature. */
  public Features add(String name) {
    return add(name, 1.0);
  }

  public Features add(String name, double value) {
    if (value != 0.0 && Double.isFinite(value)) {
      values.merge(name, value, Double::sum);
    }
    return this;
  }

  /** The feature names and values, in the order first added. */
  public Map<String, Double> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  public int size() {
    return values.size();
  }

  /** A Tribuo example of these features with {@code label} (the unknown label for prediction). */
  public Example<Label> example(Label label) {
    String[] names = new String[values.size()];
    double[] vals = new double[values.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      names[i] = e.getKey();
      vals[i++] = e.getValue();
    }
    return new ArrayExample<>(label, names, vals);
  }
}
