package org.watchfloor.parse.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The site a URL belongs to, to tell a page's own links from links to elsewhere. */
public final class Sites {
  private Sites() {}

  /**
   * The site of an absolute URL: its host lower-cased and cut to the last two labels, or three
   * when the second-level label is a short public one as in {@code co.uk} or {@code com.br}
   * ({@code www.example.co.uk} and {@code news.example.co.uk} are both {@code example.co.uk});
   * null when the URL has no host.
   */
  public static @Nullable String of(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String host;
    try {
      host = new URI(url.strip()).getHost();
    } catch (URISyntaxException e) {
      return null;
    }
    if (host == null || host.isEmpty()) {
      return null;
    }
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    int keep = 2;
    if (labels.length >= 3 && labels[labels.length - 1].length() == 2 && labels[labels.length - 2].length() <= 3) {
      keep = 3;
    }
    if (labels.length <= keep) {
      return String.join(".", labels);
    }
    return String.join(".", Arrays.copyOfRange(labels, labels.length - keep, labels.length));
  }
}
