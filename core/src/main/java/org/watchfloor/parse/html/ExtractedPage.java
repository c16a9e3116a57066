package org.watchfloor.parse.html;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What was extracted from one HTML page.
 *
 * @param title the headline
 * @param byline the author(s) as the page states them
 * @param siteName the outlet's name
 * @param language the page's language tag as stated (e.g. {@code en-US})
 * @param canonicalUrl the canonical URL, resolved against the base URL
 * @param publishedTime the publication time with the offset the page stated; midnight UTC when the
 *     page gave a date only (then {@code publishedDateOnly} is true)
 * @param publishedDateOnly the page gave a day, not a time
 * @param text the clean body text, paragraphs separated by a blank line ({@code "\n\n"})
 * @param excerpt a short description or the first paragraph
 * @param problems what was wrong with the input (never thrown)
 */
public record ExtractedPage(
    @Nullable String title,
    @Nullable String byline,
    @Nullable String siteName,
    @Nullable String language,
    @Nullable String canonicalUrl,
    @Nullable OffsetDateTime publishedTime,
    boolean publishedDateOnly,
    String text,
    @Nullable String excerpt,
    List<String> problems) {
  public ExtractedPage {
    Objects.requireNonNull(text, "text");
    problems = List.copyOf(problems);
    if (publishedDateOnly && publishedTime == null) {
      throw new IllegalArgumentException("publishedDateOnly without publishedTime");
    }
  }

  static ExtractedPage refused(String problem) {
    return new ExtractedPage(null, null, null, null, null, null, false, "", null, List.of(problem));
  }
}
