package org.watchfloor.extract.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped models, converted from Tribuo's files, give the probabilities Tribuo gave under
 * those files for features of sample articles (recorded by {@link ConvertShippedModels}): every
 * label of every recorded feature set, for the type, role, plan, date and relevance models.
 */
class ShippedModelsTest {

  private static final String FIXTURE = "/fixtures/models/shipped-model-probabilities.tsv";

  @Test
  void theShippedModelsGiveTribuosProbabilitiesForFeaturesOfSampleArticles() throws IOException {
    List<String> lines = lines(FIXTURE);
    Map<String, String> recordedFor = new HashMap<>();
    lines.stream().filter(l -> l.startsWith("sha256\t")).map(l -> l.split("\t"))
        .forEach(l -> recordedFor.put(l[1], l[2]));
    Map<String, byte[]> shipped = new LinkedHashMap<>();
    for (var e : ConvertShippedModels.FILES.entrySet()) {
      byte[] bytes = resource("/models/" + e.getValue());
      if (ConvertShippedModels.digest(bytes).equals(recordedFor.get(e.getKey()))) {
        shipped.put(e.getKey(), bytes);
      }
    }
    // (a model trained again is not the one recorded: LinearModelTest holds any model to Tribuo's)
    Assumptions.assumeFalse(shipped.isEmpty(), "no shipped model is one the fixture was recorded for");
    Map<String, Integer> checked = check(lines.stream().filter(l -> shipped.containsKey(l.split("\t", 2)[0])).toList(),
        name -> LinearModel.read(new java.io.ByteArrayInputStream(shipped.get(name)), name));
    assertThat(checked.keySet()).containsExactlyInAnyOrderElementsOf(shipped.keySet());
    checked.forEach((model, n) -> assertThat(n).as(model).isGreaterThanOrEqualTo(4));
  }

  /**
   * Checks every feature-set line of a fixture under the model {@code models} gives by name;
   * how many lines each model was checked on.
   */
  static Map<String, Integer> check(List<String> fixture, Function<String, LinearModel> models) {
    Map<String, LinearModel> read = new HashMap<>();
    Map<String, Integer> checked = new LinkedHashMap<>();
    for (String line : fixture) {
      if (line.startsWith("#") || line.startsWith("sha256\t") || line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      LinearModel model = read.computeIfAbsent(cells[0], models);
      Map<String, Double> expected = new LinkedHashMap<>();
      for (String label : cells[1].split(",")) {
        int eq = label.lastIndexOf('=');
        expected.put(label.substring(0, eq), Double.parseDouble(label.substring(eq + 1)));
      }
      Features f = new Features();
      for (int i = 2; i + 1 < cells.length; i += 2) {
        f.add(cells[i], Double.parseDouble(cells[i + 1]));
      }
      Map<String, Double> got = model.probabilities(f);
      assertThat(got.keySet()).as(line).containsExactlyElementsOf(expected.keySet());
      expected.forEach((label, p) -> assertThat(got.get(label)).as(label + " in " + line).isCloseTo(p, offset(1e-12)));
      checked.merge(cells[0], 1, Integer::sum);
    }
    return checked;
  }

  static List<String> lines(String resource) {
    return Arrays.asList(new String(resource(resource), StandardCharsets.UTF_8).split("\n"));
  }

  private static byte[] resource(String name) {
    try (InputStream in = ShippedModelsTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
