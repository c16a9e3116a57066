package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceListTest {

  @TempDir Path tmp;

  @Test
  void aFolderOfTestPagesYieldsTheSourcesNotTheirExpectedAnswers() throws IOException {
    Path page = Files.createDirectories(tmp.resolve("pages/drill-report"));
    Files.writeString(page.resolve("source.html"), "<html><body><p>Drill.</p></body></html>");
    Files.writeString(page.resolve("expected.html"), "<p>Drill.</p>");
    Files.writeString(page.resolve("expected-metadata.json"), "{}");
    Path loose = Files.createDirectories(tmp.resolve("pages/loose"));
    Files.writeString(loose.resolve("expected.html"), "<p>An article that happens to bear this name.</p>");

    CollectingSink sink = new CollectingSink();
    List<Path> files = new FileSource().list(List.of(tmp.resolve("pages")), sink);

    assertThat(files).containsExactly(page.resolve("source.html"), loose.resolve("expected.html"));
    assertThat(new FileSource().list(List.of(page.resolve("expected.html")), sink))
        .as("a file named on the command line is always taken").hasSize(1);
  }
}
