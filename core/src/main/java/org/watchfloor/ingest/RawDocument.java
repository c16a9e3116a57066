package org.watchfloor.ingest;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One document as it arrived, before parsing: its bytes and what the source said about it.
 *
 * @param source where it came from, for messages: a file path, {@code file.jsonl:12}, a URL
 * @param sourcePath the input file, when it came from one (the contract's {@code source_path})
 * @param format how to parse the bytes
 * @param metadata header fields given by the source (JSON Lines keys), possibly empty
 */
public record RawDocument(
    String source,
    @Nullable String sourcePath,
    Format format,
    byte[] bytes,
    Map<String, String> metadata) {

  /** The families of input the parsers know. */
  public enum Format {
    TEXT,
    HTML
  }

  public RawDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(bytes, "bytes");
    metadata = Map.copyOf(metadata);
  }
}
