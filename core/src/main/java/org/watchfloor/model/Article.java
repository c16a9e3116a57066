package org.watchfloor.model;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One published document, parsed: its metadata, clean body text and flags. The raw bytes it was
 * parsed from are kept by the store, not here.
 *
 * @param id stable identifier derived from the raw bytes
 * @param url canonical URL when known, else {@code null}
 * @param sourcePath the input file it was ingested from, when it came from a file
 * @param contentHash SHA-256 (hex) of the normalised body text
 * @param extra header keys the parser did not know, kept as given
 */
public record Article(
    String id,
    @Nullable String url,
    @Nullable String sourcePath,
    @Nullable String outlet,
    @Nullable String title,
    @Nullable String byline,
    @Nullable Published published,
    @Nullable String language,
    String text,
    String contentHash,
    Set<ArticleFlag> flags,
    @Nullable String copyOf,
    Map<String, String> extra,
    List<String> problems) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(contentHash, "contentHash");
    flags = Set.copyOf(flags);
    extra = SortedMaps.copyOf(extra);
    problems = List.copyOf(problems);
  }

  public Article withCopyOf(@Nullable String original, Set<ArticleFlag> newFlags) {
    return new Article(
        id, url, sourcePath, outlet, title, byline, published, language, text, contentHash,
        newFlags, original, extra, problems);
  }

  public boolean has(ArticleFlag flag) {
    return flags.contains(flag);
  }
}
