package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar ({@code target/watchfloor.jar}, built by the package phase before this test)
 * against the filters the pom applies to it: what they leave out (other platforms' debug symbols,
 * the web jars' sources and source maps) must stay out, and what the program reads must stay in:
 * every file the workbench serves, the sentence-embedding model and ONNX Runtime's and the
 * tokenizer's native libraries. Tests run from the class path, where the filters do not apply,
 * so only a look into the jar catches a filter that drops a file in use.
 */
class ShadedJarIT {

  private static List<String> entries;

  @BeforeAll
  static void readJar() throws IOException {
    Path jar = Path.of("target", "watchfloor.jar");
    assertThat(jar).as("the shaded jar, built in the package phase").exists();
    try (JarFile f = new JarFile(jar.toFile())) {
      entries = f.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void everyServedAssetIsInTheJar() {
    for (String resource : Assets.resources()) {
      assertThat(entries).as("served asset").contains(resource.substring(1));
    }
  }

  @Test
  void theEmbeddingModelAndItsNativeLibrariesAreInTheJar() {
    assertThat(entries).contains(
        "all-minilm-l6-v2-q.onnx",
        "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
        "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
        "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
        "ai/onnxruntime/native/win-x64/onnxruntime.dll",
        "native/lib/linux-x86_64/cpu/libtokenizers.so",
        "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
  }

  @Test
  void debugSymbolsAndSourceMapsAreLeftOut() {
    assertThat(entries).noneMatch(e -> e.endsWith(".pdb"))
        .noneMatch(e -> e.contains(".dSYM/"))
        .noneMatch(e -> e.endsWith(".js.map"))
        .noneMatch(e -> e.startsWith("META-INF/resources/webjars/echarts/") && e.contains("/src/"));
  }

  @Test
  void theWebJarsLicencesStay() {
    assertThat(entries).anyMatch(e -> e.matches("META-INF/resources/webjars/echarts/[^/]+/LICENSE"))
        .anyMatch(e -> e.matches("META-INF/resources/webjars/zrender/[^/]+/LICENSE"))
        .anyMatch(e -> e.matches("META-INF/resources/webjars/htmx.org/[^/]+/LICENSE"));
  }
}
