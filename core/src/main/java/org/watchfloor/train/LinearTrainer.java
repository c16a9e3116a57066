package org.watchfloor.train;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.watchfloor.extract.learn.Features;
import org.watchfloor.extract.learn.LinearModel;

/**
 * Trains a {@link LinearModel}: L2-regularised logistic regression by LIBLINEAR (through Tribuo),
 * deterministic for a seed. Rare labels can be weighted up so that a class of thirty examples
 * is not drowned by one of three thousand.
 */
public final class LinearTrainer {

  /** One training instance. */
  public record Instance(Features features, String label) {}

  /**
   * Instances a feature must occur in to be learned: a word seen once says nothing a model can
   * generalise, and every feature kept is a row of weights in the shipped model.
   */
  static final int MIN_COUNT = 3;

  private final double cost;
  private final long seed;
  private final boolean balanced;

  /**
   * @param cost LIBLINEAR's C: higher fits the training data closer (less regularisation)
   * @param balanced weight each label by the inverse of its frequency (capped)
   */
  public LinearTrainer(double cost, long seed, boolean balanced) {
    this.cost = cost;
    this.seed = seed;
    this.balanced = balanced;
  }

  public LinearModel train(List<Instance> instances, String name) {
    if (instances.isEmpty()) {
      throw new IllegalArgumentException(name + ": nothing to train on");
    }
    LabelFactory labels = new LabelFactory();
    // a fixed provenance time keeps the written model the same for the same data and seed
    SimpleDataSourceProvenance provenance = new SimpleDataSourceProvenance(name, OffsetDateTime.parse("2026-01-01T00:00Z"), labels);
    MutableDataset<Label> data = new MutableDataset<>(provenance, labels);
    Map<String, Integer> seen = new HashMap<>();
    instances.forEach(i -> i.features().values().keySet().forEach(f -> seen.merge(f, 1, Integer::sum)));
    for (Instance i : instances) {
      Features kept = new Features();
      i.features().values().forEach((f, v) -> {
        if (seen.get(f) >= MIN_COUNT) {
          kept.add(f, v);
        }
      });
      data.add(kept.example(new Label(i.label())));
    }
    if (data.getOutputIDInfo().size() < 2) {
      throw new IllegalArgumentException(name + ": one label only (" + instances.get(0).label() + "), nothing to learn");
    }
    LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
        new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, 1000, 0.001, seed);
    if (balanced) {
      Map<String, Integer> counts = new HashMap<>();
      instances.forEach(i -> counts.merge(i.label(), 1, Integer::sum));
      int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
      Map<Label, Float> weights = new HashMap<>();
      counts.forEach((label, n) -> weights.put(new Label(label), (float) Math.min(5.0, Math.sqrt((double) max / n))));
      trainer.setLabelWeights(weights);
    }
    Model<Label> model = trainer.train(data);
    return LinearModel.of(model);
  }
}
