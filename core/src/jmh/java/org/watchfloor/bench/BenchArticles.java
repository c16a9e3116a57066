package org.watchfloor.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;

/**
 * Articles of one size for a throughput benchmark: the text documents under a path (a JSON Lines
 * file, a folder), each cut or padded to about {@code size} characters, so that articles per
 * second means the same work whatever the corpus's mix of briefs and speeches.
 *
 * <p>A longer text is cut at the last sentence end in the last fifth before {@code size} (else at
 * the last space); a shorter one is followed by its own text again, a paragraph apart, until it
 * reaches the size, then cut the same way: the padding is text of the same kind, not filler the stages skip.
 * HTML documents are left out, as their bytes are markup, not text of that size.
 */
final class BenchArticles {
  private BenchArticles() {}

  static List<RawDocument> read(String path, int size, int limit) {
    List<RawDocument> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    DocumentSink sink = new DocumentSink() {
      @Override
      public void accept(RawDocument d) {
        if (d.format() == RawDocument.Format.TEXT && out.size() < limit) {
          String text = sized(new String(d.bytes(), StandardCharsets.UTF_8), size);
          out.add(new RawDocument(d.source(), d.sourcePath(), d.format(), text.getBytes(StandardCharsets.UTF_8),
              d.metadata()));
        }
      }

      @Override
      public void problem(Problem problem) {
        problems.add(problem);
      }
    };
    FileSource files = new FileSource();
    for (Path file : files.list(List.of(Path.of(path)), sink)) {
      files.read(file, sink);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no text articles under " + path + (problems.isEmpty() ? ""
          : " (first problem: " + problems.get(0).reason() + ")"));
    }
    return out;
  }

  static String sized(String text, int size) {
    String body = text.strip();
    if (body.isEmpty()) {
      return body;
    }
    StringBuilder b = new StringBuilder(body);
    while (b.length() < size) {
      b.append("\n\n").append(body);
    }
    if (b.length() == size) {
      return b.toString();
    }
    int cut = b.lastIndexOf(". ", size - 1);
    if (cut < size * 4 / 5) {
      cut = b.lastIndexOf(" ", size);
      return b.substring(0, cut < 0 ? size : cut);
    }
    return b.substring(0, cut + 1);
  }
}
