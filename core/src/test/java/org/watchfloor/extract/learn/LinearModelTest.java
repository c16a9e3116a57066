package org.watchfloor.extract.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.watchfloor.RootLocale;

/**
 * The weights of a Tribuo LIBLINEAR model give Tribuo's probabilities: models of two, three and
 * five labels trained here on seeded random instances, asked about seeded random feature sets
 * (known and unknown names, values other than 1), as converted, as written and read back, and
 * as read from Tribuo's own file.
 */
class LinearModelTest {

  private static final String[] LABELS = {"launch", "test", "meeting", "none", "threat"};

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 5})
  void givesTribuosProbabilitiesAndBestLabelForEveryFeatureSet(int labels) {
    Model<Label> tribuo = train(labels, labels == 3);
    LinearModel model = LinearModel.of(tribuo);
    Random random = new Random(31L * labels);
    for (int i = 0; i < 2_000; i++) {
      Features f = features(random, true);
      if (!knowsAny(tribuo, f)) {
        continue;
      }
      Prediction<Label> p = tribuo.predict(f.example(LabelFactory.UNKNOWN_LABEL));
      Map<String, Double> got = model.probabilities(f);
      assertThat(got.keySet()).as(f.values().toString()).containsExactlyElementsOf(p.getOutputScores().keySet());
      p.getOutputScores().forEach((label, score) -> {
        assertThat(got.get(label)).as(label + " of " + f.values()).isCloseTo(score.getScore(), offset(1e-9));
        // (the same sums in the same order: the same last bit)
        assertThat(got.get(label)).as(label + " of " + f.values()).isEqualTo(score.getScore());
        assertThat(model.probability(f, label)).isEqualTo(score.getScore());
      });
      assertThat(model.best(f)).as(f.values().toString()).isEqualTo(p.getOutput().getLabel());
    }
  }

  @Test
  void aLabelTheModelDoesNotKnowHasProbabilityZero() {
    LinearModel model = LinearModel.of(train(3, false));
    assertThat(model.probability(new Features().add("w=fired"), "sanctions")).isZero();
  }

  @Test
  void writtenAndReadBackItGivesTheSameProbabilitiesAndTheSameBytes() throws IOException {
    Model<Label> tribuo = train(5, true);
    LinearModel model = LinearModel.of(tribuo);
    byte[] written = bytes(model);
    LinearModel read = LinearModel.read(new ByteArrayInputStream(written), "written");
    assertThat(bytes(read)).isEqualTo(written);
    assertThat(bytes(LinearModel.of(tribuo))).isEqualTo(written);
    sameProbabilities(model, read, tribuo);
  }

  @Test
  void readsTribuosFileAsEarlierBuildsWroteItPlainOrCompressed() throws IOException {
    Model<Label> tribuo = train(3, false);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    RootLocale.run(() -> {
      tribuo.serializeToStream(plain);
      return null;
    });
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped)) {
      gz.write(plain.toByteArray());
    }
    LinearModel fromPlain = LinearModel.read(new ByteArrayInputStream(plain.toByteArray()), "plain");
    LinearModel fromGzip = LinearModel.read(new ByteArrayInputStream(gzipped.toByteArray()), "gzipped");
    sameProbabilities(LinearModel.of(tribuo), fromPlain, tribuo);
    sameProbabilities(LinearModel.of(tribuo), fromGzip, tribuo);
    assertThat(bytes(fromGzip)).isEqualTo(bytes(LinearModel.of(tribuo)));
  }

  @Test
  void readsItsOwnFormGzipCompressed() throws IOException {
    LinearModel model = LinearModel.of(train(2, false));
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped)) {
      model.write(gz);
    }
    assertThat(bytes(LinearModel.read(new ByteArrayInputStream(gzipped.toByteArray()), "gzipped"))).isEqualTo(bytes(model));
  }

  @Test
  void aFeatureSetOfNoFeatureTheModelKnowsIsRefusedAsTribuoRefusesIt() {
    Model<Label> tribuo = train(2, false);
    Features unknown = new Features().add("w=zebra").add("w=quartz", 2);
    assertThatThrownBy(() -> tribuo.predict(unknown.example(LabelFactory.UNKNOWN_LABEL)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinearModel.of(tribuo).probabilities(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none of the 2 features");
  }

  @Test
  void aCutOrForeignFileIsRefusedNamingIt() throws IOException {
    byte[] written = bytes(LinearModel.of(train(3, false)));
    for (int cut : new int[] {6, 20, written.length / 2, written.length - 1}) {
      assertThatThrownBy(() -> LinearModel.read(new ByteArrayInputStream(Arrays.copyOf(written, cut)), "cut.model"))
          .as("cut at " + cut)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cut.model: ");
    }
    byte[] longer = Arrays.copyOf(written, written.length + 1);
    assertThatThrownBy(() -> LinearModel.read(new ByteArrayInputStream(longer), "long.model"))
        .hasMessage("long.model: bytes after the model");
    byte[] later = written.clone();
    later[7] = 9;
    assertThatThrownBy(() -> LinearModel.read(new ByteArrayInputStream(later), "later.model"))
        .hasMessageContaining("later.model: model file format 9");
  }

  private static void sameProbabilities(LinearModel expected, LinearModel actual, Model<Label> tribuo) {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      Features f = features(random, true);
      if (knowsAny(tribuo, f)) {
        assertThat(actual.probabilities(f)).isEqualTo(expected.probabilities(f));
      }
    }
  }

  private static byte[] bytes(LinearModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }

  private static boolean knowsAny(Model<Label> model, Features f) {
    return f.values().keySet().stream().anyMatch(name -> model.getFeatureIDMap().getID(name) >= 0);
  }

  /**
   * Some of 80 words and word pairs, with values of 1, counts, or fractions; with {@code unknown},
   * words no model was trained on too.
   */
  private static Features features(Random random, boolean unknown) {
    Features f = new Features();
    int n = 1 + random.nextInt(12);
    for (int i = 0; i < n; i++) {
      String name = random.nextInt(4) == 0 ? "b=" + word(random) + "_" + word(random) : "w=" + word(random);
      if (unknown && random.nextInt(6) == 0) {
        name = "w=unseen" + random.nextInt(1000);
      }
      double value = switch (random.nextInt(3)) {
        case 0 -> 1.0;
        case 1 -> 1 + random.nextInt(3);
        default -> random.nextDouble() * 2 - 0.5;
      };
      f.add(name, value);
    }
    return f;
  }

  private static String word(Random random) {
    return Character.toString('a' + random.nextInt(26)) + random.nextInt(3);
  }

  /**
   * A logistic regression over {@code labels} of {@link #LABELS}, each instance labelled by its
   * first word (with some noise); {@code weighted}: the first label weighted up, as the event
   * models weight rare labels.
   */
  private static Model<Label> train(int labels, boolean weighted) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("test", OffsetDateTime.parse("2026-01-01T00:00Z"), factory), factory);
    Random random = new Random(labels);
    for (int i = 0; i < 400; i++) {
      Features f = features(random, false);
      String first = f.values().keySet().iterator().next();
      int label = random.nextInt(10) == 0 ? random.nextInt(labels) : Math.floorMod(first.hashCode(), labels);
      data.add(f.example(new Label(LABELS[label])));
    }
    LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
        new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), 1.0, 1000, 0.001, 42);
    if (weighted) {
      Map<Label, Float> weights = new HashMap<>();
      weights.put(new Label(LABELS[0]), 3f);
      trainer.setLabelWeights(weights);
    }
    return trainer.train(data);
  }
}
