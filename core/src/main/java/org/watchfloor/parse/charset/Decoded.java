package org.watchfloor.parse.charset;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Text decoded from bytes, with the charset used, how it was chosen and what was wrong.
 *
 * @param text the decoded text, without a byte order mark
 * @param charset the charset used to decode
 * @param how one of {@code bom}, {@code header}, {@code meta}, {@code sniffed}, {@code default}
 * @param problems what did not fit (a declared charset that was wrong, an unknown name)
 */
public record Decoded(String text, Charset charset, String how, List<String> problems) {
  private static final Set<String> HOWS = Set.of("bom", "header", "meta", "sniffed", "default");

  public Decoded {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(charset, "charset");
    if (!HOWS.contains(how)) {
      throw new IllegalArgumentException("how must be one of " + HOWS + ": " + how);
    }
    problems = List.copyOf(problems);
  }
}
