package org.watchfloor.extract.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Seeded texts made of given pieces, and the sample articles, for tests that compare two ways of scanning. */
final class PieceTexts {

  private PieceTexts() {}

  /**
   * {@code count} texts of 1 to {@code maxPieces} pieces drawn at random, a space after about
   * two pieces in three, so that pieces also run into each other.
   */
  static List<String> random(String[] pieces, long seed, int count, int maxPieces) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1 + random.nextInt(maxPieces); i > 0; i--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextInt(3) > 0) {
          sb.append(' ');
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** The articles of the sample corpus, in file name order. */
  static List<String> sampleArticles() {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/sample-corpus/articles"))) {
      List<String> out = new ArrayList<>();
      for (Path f : files.sorted().toList()) {
        out.add(Files.readString(f, StandardCharsets.UTF_8));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
